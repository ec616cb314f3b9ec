/**
 * The heart of the history engine. `checkReport` tells the reader at once whether a page is a story
 * already read (no write); `recordReport` records it once it has really been read. Each runs in one
 * transaction: concurrent reports are serialised and a killed worker leaves nothing half-done.
 */
import { DEFAULT_THRESHOLDS, fold, hostOf, MAX_PARAGRAPHS, sketchThreshold, storedKeys, type Thresholds } from '../core/index.ts';
import type { PageReport, Verdict } from '../protocol.ts';
import { addArticle, moveStory, nextId, putArticle } from './articles.ts';
import { assess, pageUrl, type AssessOptions } from './assess.ts';
import { readLinkRows } from './links.ts';
import { joinStories } from './join-stories.ts';
import type { ArticleRecord } from './records.ts';
import { STORES, type HistoryDB } from './schema.ts';
import { membersOf, verdictFor, verdictOf } from './verdict.ts';

export { pageUrl };

/**
 * The paragraphs a page read again keeps: the new edition's, in order, with those read only in the
 * earlier one each put back after the paragraph it followed then (updateOf aligns a later edition
 * on them in place), within MAX_PARAGRAPHS: what's new is then told against everything read of it.
 */
export function readOfBoth(now: readonly number[], before: readonly number[]): number[] {
  const inNow = new Set(now);
  // The earlier edition's own paragraphs, by the paragraph of both that came last before them.
  const following = new Map<number | null, number[]>();
  let anchor: number | null = null;
  for (const h of before) {
    if (inNow.has(h)) anchor = h;
    else following.set(anchor, [...(following.get(anchor) ?? []), h]);
  }
  const merged = [...(following.get(null) ?? [])];
  for (const h of now) merged.push(h, ...(following.get(h) ?? []));
  const all = [...new Set(merged)];
  // Over the bound, the new edition is kept whole and the earlier one's own paragraphs as they fit.
  let room = MAX_PARAGRAPHS - inNow.size;
  return all.filter((h) => inNow.has(h) || room-- > 0).slice(0, MAX_PARAGRAPHS);
}

export async function checkReport(
  db: HistoryDB, report: PageReport, now: number, thresholds: Thresholds = DEFAULT_THRESHOLDS, options?: AssessOptions,
): Promise<Verdict> {
  const tx = db.transaction(STORES, 'readonly');
  const a = await assess(tx, report, thresholds, options);
  const verdict = await verdictFor(tx, a, report, a.existing?.firstSeen ?? now, a.existing?.id);
  await tx.done;
  return verdict;
}

/**
 * A reading history may lose its last record to a power cut (the write reaches the system, not yet
 * the disk), never to a killed browser: not worth the wait of a flush on every page read.
 */
export async function recordReport(
  db: HistoryDB, report: PageReport, now: number, thresholds: Thresholds = DEFAULT_THRESHOLDS, options?: AssessOptions,
): Promise<Verdict> {
  const tx = db.transaction(STORES, 'readwrite', { durability: 'relaxed' });
  // The id a new record would take is asked for along with the look-up's first requests (nextId).
  // So are the links rows its record may change (links.ts): the write then waits for no read.
  const rows = readLinkRows(tx, [report.url, pageUrl(report)], report.title);
  const [a, newId] = await Promise.all([assess(tx, report, thresholds, options), nextId(tx), rows]);
  const { url } = a;
  const fields = {
    url, page: a.page, site: a.site, host: hostOf(url), title: report.title, siteName: report.siteName,
    lastSeen: now, words: report.words, size: report.hashes.length, sketch: report.sketch.map(fold),
    threshold: sketchThreshold(report.sketch), keys: storedKeys(report.keys),
    paragraphs: a.existing ? readOfBoth(report.paragraphs, a.existing.paragraphs) : report.paragraphs,
  };
  const id = a.existing?.id ?? newId;
  const write = (record: ArticleRecord & { id: number }, last: boolean) =>
    a.existing ? putArticle(tx, record, a.existing, { last }) : addArticle(tx, record, { last });
  // The members of every story the page matches are read along with the write; the page joins at
  // most one story (its own, else its best match's), with the others that are one story with it
  // both ways and kept apart from none of its members (joinStories), merged into it after.
  const members = membersOf(tx, a);
  // A revisit or a page matching nothing keeps its story: the commit is requested with the write.
  if (a.stories.length === 0 || (a.existing && a.stories.length === 1)) {
    const story = a.stories[0] ?? id;
    const record = { ...(a.existing ?? { firstSeen: now }), ...fields, id, story };
    const [, storyArticles] = await Promise.all([write(record, true), members]);
    const verdict = verdictOf(a, joinStories(a, storyArticles), report, record.firstSeen, id);
    await tx.done;
    return verdict;
  }
  const joined = joinStories(a, await members);
  const story = joined.stories.length > 0 ? Math.min(...joined.stories) : id;
  const record = { ...(a.existing ?? { firstSeen: now }), ...fields, id, story };
  await write(record, joined.stories.length <= 1);
  for (const other of joined.stories) if (other !== story) await moveStory(tx, other, story);
  const verdict = verdictOf(a, joined, report, record.firstSeen, id);
  await tx.done;
  return verdict;
}
