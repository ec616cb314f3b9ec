/** Imports an exported history file, merging it into this one. */
import { parseHistoryFile } from '../history-file.ts';
import type { ImportResult } from '../protocol.ts';
import { addRecord, articleAtPage, getArticle, takeIdsTo, writeRecord } from './articles.ts';
import { takeOutOfStory } from './commands.ts';
import { linkHashes } from './links.ts';
import { applyPostingChanges, type PostingChange } from './postings.ts';
import type { ArticleRecord } from './records.ts';
import { readOfBoth } from './record-report.ts';
import { STORES, type HistoryDB, type HistoryTx } from './schema.ts';

/**
 * Merges an exported history into this one, in one transaction: a page already here keeps its
 * record (first and last seen widened), and so does a page the file holds twice (one record a
 * page, as recording keeps it); stories are re-linked through the pages both know, and "not the
 * same story" links follow their pages, new or already here.
 * A malformed file is rejected before anything is written. Requests are issued together rather
 * than awaited one by one (IndexedDB runs them in order), and each new record is written once
 * (BENCHMARKS.md, "Importing a history").
 */
export async function importHistory(db: HistoryDB, data: unknown): Promise<ImportResult> {
  const file = parseHistoryFile(data);
  const tx = db.transaction(STORES, 'readwrite');
  const storyMap = new Map<number, number>();
  const widened = new Map<number, ArticleRecord>();
  const found = (await Promise.all(file.articles.map((incoming) => articleAtPage(tx, incoming.page)))).filter((r) => r !== null);
  const byPage = new Map(found.map((r) => [r.page, r]));
  const { pending, sameId, sameStory } = onePerPage(file.articles.filter((a) => !byPage.has(a.page)));
  const story = (s: number) => sameStory.get(s) ?? s;
  // The id each article of the file ends with: its page's record here, or its new one.
  const idMap = new Map<number, number>();
  for (const incoming of file.articles) {
    const existing = byPage.get(incoming.page);
    if (!existing) continue;
    storyMap.set(story(incoming.story), existing.story);
    idMap.set(incoming.id ?? -1, existing.id!);
    const current = widened.get(existing.id!) ?? existing;
    widened.set(existing.id!, {
      ...current,
      firstSeen: Math.min(current.firstSeen, incoming.firstSeen),
      lastSeen: Math.max(current.lastSeen, incoming.lastSeen),
      // What was read of the page on either side (another device read a later edition).
      paragraphs: bothReadings(current, incoming),
    });
  }
  const merged = file.articles.length - pending.length;
  const changes: PostingChange[] = [];
  // New ids: the key generator's next one, then the ones after it, which no record has ever had
  // (the generator stays above every key stored), so each record is written once, complete.
  const base = pending.length > 0 ? await addRecord(tx, { ...withoutId(pending[0]!), story: 0, apart: [] }) : 0;
  pending.forEach((incoming, i) => {
    idMap.set(incoming.id ?? -1, base + i);
    if (!storyMap.has(story(incoming.story))) storyMap.set(story(incoming.story), base + i);
  });
  for (const [duplicate, kept] of sameId) idMap.set(duplicate, idMap.get(kept)!);
  const links = apartLinks(file.articles, idMap);
  const writes: Promise<unknown>[] = [...widened.values()].map((record) => writeRecord(tx, withApart(record, links)));
  pending.forEach((incoming, i) => {
    const id = base + i;
    const record = withApart({ ...withoutId(incoming), id, story: storyMap.get(story(incoming.story)) ?? id, apart: [] }, links);
    writes.push(i === 0 ? writeRecord(tx, record) : addRecord(tx, record));
    changes.push({ id, keys: incoming.keys, links: linkHashes(record), site: incoming.site, siteName: incoming.siteName });
  });
  if (pending.length > 0) writes.push(takeIdsTo(tx, base + pending.length - 1));
  // The postings of every new record at once: each bucket is written once.
  writes.push(applyPostingChanges(tx, changes));
  await Promise.all(writes);
  await keepApart(tx, links);
  await tx.done;
  return { added: pending.length, merged };
}

/**
 * The file's articles one per page: a later one of the same page widens the first's dates, its id
 * stands for the first's and its story is the first's.
 */
function onePerPage(articles: readonly ArticleRecord[]) {
  const first = new Map<number, ArticleRecord>();
  const sameId = new Map<number, number>();
  const sameStory = new Map<number, number>();
  for (const a of articles) {
    const kept = first.get(a.page);
    if (!kept) {
      first.set(a.page, { ...a });
      continue;
    }
    kept.firstSeen = Math.min(kept.firstSeen, a.firstSeen);
    kept.paragraphs = bothReadings(kept, a);
    kept.lastSeen = Math.max(kept.lastSeen, a.lastSeen);
    sameId.set(a.id ?? -1, kept.id ?? -1);
    if (a.story !== kept.story && !sameStory.has(a.story)) sameStory.set(a.story, kept.story);
  }
  return { pending: [...first.values()], sameId, sameStory };
}

/** "Not the same story" links of the file, both ways, between the ids the articles end with. */
function apartLinks(articles: readonly ArticleRecord[], idMap: ReadonlyMap<number, number>): Map<number, Set<number>> {
  const links = new Map<number, Set<number>>();
  const link = (a: number, b: number) => (links.get(a) ?? links.set(a, new Set()).get(a)!).add(b);
  for (const article of articles) {
    const from = idMap.get(article.id ?? -1);
    for (const other of article.apart ?? []) {
      const to = idMap.get(other);
      if (from === undefined || to === undefined || from === to) continue;
      link(from, to);
      link(to, from);
    }
  }
  return links;
}

/**
 * The file's "not the same story" links hold here too: of two linked articles that end in one
 * story (their pages were already in one story here), the later is taken out of it.
 */
async function keepApart(tx: HistoryTx<'readwrite'>, links: ReadonlyMap<number, Set<number>>): Promise<void> {
  for (const [from, tos] of links) {
    for (const to of tos) {
      if (to < from) continue;
      const [a, b] = await Promise.all([getArticle(tx, from), getArticle(tx, to)]);
      if (a && b && a.story === b.story) await takeOutOfStory(tx, b);
    }
  }
}

function withApart(record: ArticleRecord, links: ReadonlyMap<number, Set<number>>): ArticleRecord {
  const added = links.get(record.id!);
  if (!added) return record;
  return { ...record, apart: [...new Set([...(record.apart ?? []), ...added])] };
}

function withoutId({ id: _id, ...rest }: ArticleRecord): Omit<ArticleRecord, 'id'> {
  return rest;
}

/** The paragraphs read in two readings of one page, the later reading's edition first (readOfBoth). */
function bothReadings(a: ArticleRecord, b: ArticleRecord): number[] {
  return a.lastSeen >= b.lastSeen ? readOfBoth(a.paragraphs, b.paragraphs) : readOfBoth(b.paragraphs, a.paragraphs);
}
