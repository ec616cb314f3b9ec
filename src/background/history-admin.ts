/** The reader's control over the history: forget, unlink, delete, export, import, clear, prune. */
import {
  decode, decodeAll, deleteArticle, encode, getArticle, pageHashOf, post, putArticle, siteNames, STORES, storyValues, takeIdsTo,
  type ArticleRecord, type HistoryDB, type HistoryTx, type PostingChange,
} from '../platform/database.ts';
import { historyFile, parseHistoryFile, type HistoryFile } from '../history-file.ts';
import type { ImportResult } from '../protocol.ts';

/**
 * The article `id`, when it is still the page at `url` (given: the address an action was shown
 * for). A tab's verdict outlives its record: an id alone may name another page by then.
 */
async function articleAt(tx: HistoryTx<'readwrite'>, id: number, url?: string): Promise<ArticleRecord | null> {
  const found = await getArticle(tx, id);
  return found && (url === undefined || found.page === pageHashOf(url)) ? found : null;
}

export async function forgetArticle(db: HistoryDB, id: number, url?: string): Promise<boolean> {
  const tx = db.transaction(STORES, 'readwrite');
  const found = await articleAt(tx, id, url);
  if (found) await deleteArticle(tx, found);
  await tx.done;
  return found !== null;
}

/** "Not the same story": the article leaves its story, and is kept apart from it from now on. */
export async function unlinkArticle(db: HistoryDB, id: number, url?: string): Promise<boolean> {
  const tx = db.transaction(STORES, 'readwrite');
  const article = await articleAt(tx, id, url);
  if (!article) return false;
  await takeOutOfStory(tx, article);
  await tx.done;
  return true;
}

/** Takes `article` out of its story into one of its own, kept apart from every other member. */
async function takeOutOfStory(tx: HistoryTx<'readwrite'>, article: ArticleRecord): Promise<void> {
  const id = article.id!;
  const others = decodeAll(await storyValues(tx, article.story)).filter((m) => m.id !== id);
  const apart = [...new Set([...(article.apart ?? []), ...others.map((m) => m.id ?? 0)])];
  const rewrite = (record: ArticleRecord) => putArticle(tx, record, record.keys);
  await rewrite({ ...article, story: id, apart });
  // The story keeps its id unless it was this article's; then the next oldest member lends its own.
  if (article.story === id && others.length > 0) {
    const heir = Math.min(...others.map((m) => m.id ?? 0));
    for (const m of others) await rewrite({ ...m, story: heir, apart: [...new Set([...(m.apart ?? []), id])] });
  } else {
    for (const m of others) await rewrite({ ...m, apart: [...new Set([...(m.apart ?? []), id])] });
  }
}

export async function deleteStory(db: HistoryDB, story: number): Promise<number> {
  const tx = db.transaction(STORES, 'readwrite');
  const members = await storyValues(tx, story);
  for (const value of members) await deleteValue(tx, value);
  await tx.done;
  return members.length;
}

export async function exportHistory(db: HistoryDB, now: number): Promise<HistoryFile> {
  // One transaction: the articles and their sites' names as they stand together.
  const tx = db.transaction(STORES, 'readonly');
  const [values, names] = await Promise.all([tx.objectStore('articles').getAll(), siteNames(tx)]);
  return historyFile(decodeAll(values).map((a) => ({ ...a, siteName: names.get(a.site) ?? null })), now);
}

/** How the history is: its size, and how many damaged records are being skipped. */
export async function historyHealth(db: HistoryDB): Promise<{ articles: number; damaged: number }> {
  let articles = 0;
  let damaged = 0;
  let cursor = await db.transaction('articles').store.openCursor();
  while (cursor) {
    if (decode(cursor.value)) articles++;
    else damaged++;
    cursor = await cursor.continue();
  }
  return { articles, damaged };
}

/** Frees room when the disk is full: deletes the least recently read `share` of the history. */
export async function pruneOldest(db: HistoryDB, share: number): Promise<number> {
  const tx = db.transaction(STORES, 'readwrite');
  const target = Math.max(1, Math.ceil((await tx.objectStore('articles').count()) * share));
  let cursor = await tx.objectStore('articles').index('lastSeen').openCursor();
  let pruned = 0;
  while (cursor && pruned < target) {
    await deleteValue(tx, cursor.value);
    pruned++;
    cursor = await cursor.continue();
  }
  await tx.done;
  return pruned;
}

/**
 * Merges an exported history into this one, in one transaction: a page already here keeps its
 * record (first and last seen widened), and so does a page the file holds twice (one record a
 * page, as recording keeps it); stories are re-linked through the pages both know, and "not the
 * same story" links follow their pages, new or already here.
 * A malformed file is rejected before anything is written. Requests are issued together rather
 * than awaited one by one (IndexedDB runs them in order), and each new record is written once:
 * 10,000 articles took 19 s in Chromium the old way, all of it with the history locked.
 */
export async function importHistory(db: HistoryDB, data: unknown): Promise<ImportResult> {
  const file = parseHistoryFile(data);
  const tx = db.transaction(STORES, 'readwrite');
  const store = tx.objectStore('articles');
  const storyMap = new Map<number, number>();
  const widened = new Map<number, ArticleRecord>();
  const found = decodeAll(await Promise.all(file.articles.map((incoming) => store.index('page').get(incoming.page))));
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
    });
  }
  const merged = file.articles.length - pending.length;
  const changes: PostingChange[] = [];
  // New ids: the key generator's next one, then the ones after it, which no record has ever had
  // (the generator stays above every key stored), so each record is written once, complete.
  const base = pending.length > 0 ? await store.add(encode({ ...withoutId(pending[0]!), story: 0, apart: [] })) : 0;
  pending.forEach((incoming, i) => {
    idMap.set(incoming.id ?? -1, base + i);
    if (!storyMap.has(story(incoming.story))) storyMap.set(story(incoming.story), base + i);
  });
  for (const [duplicate, kept] of sameId) idMap.set(duplicate, idMap.get(kept)!);
  const links = apartLinks(file.articles, idMap);
  const writes: Promise<unknown>[] = [...widened.values()].map((record) => store.put(encode(withApart(record, links))));
  pending.forEach((incoming, i) => {
    const id = base + i;
    const stored = encode(withApart({ ...withoutId(incoming), id, story: storyMap.get(story(incoming.story)) ?? id, apart: [] }, links));
    writes.push(i === 0 ? store.put(stored) : store.add(stored));
    changes.push({ id, keys: incoming.keys, site: incoming.site, siteName: incoming.siteName });
  });
  if (pending.length > 0) writes.push(takeIdsTo(tx, base + pending.length - 1));
  // The postings of every new record at once: each bucket is written once.
  writes.push(post(tx, changes));
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

export async function clearHistory(db: HistoryDB): Promise<number> {
  const tx = db.transaction(STORES, 'readwrite');
  const count = await tx.objectStore('articles').count();
  // The counter of ids is kept: an id is never given twice, even after the history is cleared.
  await Promise.all(STORES.filter((name) => name !== 'counters').map((name) => tx.objectStore(name).clear()));
  await tx.done;
  return count;
}

/** Deletes articles last read before `before`; returns how many. */
export async function pruneHistory(db: HistoryDB, before: number): Promise<number> {
  const tx = db.transaction(STORES, 'readwrite');
  let cursor = await tx.objectStore('articles').index('lastSeen').openCursor(IDBKeyRange.upperBound(before, true));
  let pruned = 0;
  while (cursor) {
    await deleteValue(tx, cursor.value);
    pruned++;
    cursor = await cursor.continue();
  }
  await tx.done;
  return pruned;
}

/** Deletes a stored value with its postings (a damaged one is deleted as it is). */
async function deleteValue(tx: HistoryTx<'readwrite'>, value: unknown): Promise<void> {
  const record = decode(value);
  if (record) await deleteArticle(tx, record);
  else if (typeof (value as { id?: unknown } | null)?.id === 'number') await tx.objectStore('articles').delete((value as { id: number }).id);
}
