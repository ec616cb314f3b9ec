/**
 * Queries on the reading history that the report pipeline and the pages need. Damaged records (a
 * bad write, a disk error) are left out of every answer (decodeAll), never trusted.
 */
import { decodeAll, latestIds, namingStory, postings, storyValues, type ArticleRecord, type HistoryTx } from '../platform/database.ts';
import type { ArticleSummary } from '../protocol.ts';
import { queryKeys } from '../core/index.ts';

/** A look-up key held by more articles than this is boilerplate, not evidence of one story. */
export const MAX_KEY_ARTICLES = 40;
/** Articles sharing the most keys with a page that are compared with it in full. */
export const MAX_CANDIDATES = 40;
/** Sightings of one story considered at most. */
export const MAX_STORY_MEMBERS = 200;
type Tx = HistoryTx<'readwrite'> | HistoryTx<'readonly'>;

/** A stored article sharing `shared` of the page's look-up keys. */
export interface Ranked {
  id: number;
  shared: number;
}

/**
 * The stored articles sharing look-up keys with the page, most shared first. The page asks for
 * queryKeys(), which hold its own stored keys: the postings rows a new record changes have then
 * been read by its look-up.
 */
export async function rankCandidates(tx: Tx, keys: readonly number[]): Promise<Ranked[]> {
  const hits = await postings(tx, queryKeys(keys));
  const counts = new Map<number, number>();
  for (const ids of hits) {
    if (ids.length > MAX_KEY_ARTICLES) continue;
    for (const id of ids) counts.set(id, (counts.get(id) ?? 0) + 1);
  }
  return [...counts].sort((a, b) => b[1] - a[1] || b[0] - a[0]).slice(0, MAX_CANDIDATES).map(([id, shared]) => ({ id, shared }));
}

/**
 * Stored articles sharing look-up keys with the page, most shared first. assess() reads the same
 * along with other requests; the benchmark times this part apart.
 */
export async function findCandidates(tx: Tx, keys: readonly number[]): Promise<ArticleRecord[]> {
  const ids = (await rankCandidates(tx, keys)).map((r) => r.id);
  return pick(await articlesById(tx, ids), ids);
}

/** The articles with these ids, all requested at once (deleted and damaged ones left out). */
export async function articlesById(tx: Tx, ids: readonly number[]): Promise<Map<number, ArticleRecord>> {
  const store = tx.objectStore('articles');
  const records = decodeAll(await Promise.all([...new Set(ids)].map((id) => store.get(id))));
  return new Map(records.map((r) => [r.id ?? 0, r]));
}

/** The records of `ids` found in `byId`, in the order of `ids`. */
export const pick = (byId: ReadonlyMap<number, ArticleRecord>, ids: readonly number[]): ArticleRecord[] =>
  ids.flatMap((id) => byId.get(id) ?? []);

/**
 * Recent articles of the page's own site, read to reveal its template text (it recurs in nearly all
 * of them): the newest, not the oldest, as a site's first articles may have been linked into one
 * story before its template could be recognised, which would hide the template from the count.
 * assess() reads the same with ids it already has; the benchmark times this part apart.
 */
export async function latestOfSite(tx: Tx, site: string): Promise<ArticleRecord[]> {
  const ids = await latestIds(tx, site);
  return pick(await articlesById(tx, ids), ids);
}

/** The articles of a story; its first article is not read again when it is among `known`. */
export async function storyMembers(tx: Tx, story: number, known?: ReadonlyMap<number, ArticleRecord>): Promise<ArticleRecord[]> {
  const first = known?.get(story);
  if (first?.story === story) return [first, ...decodeAll(await namingStory(tx, story, MAX_STORY_MEMBERS))];
  return decodeAll(await storyValues(tx, story, MAX_STORY_MEMBERS));
}

export function summarise(record: ArticleRecord): ArticleSummary {
  return {
    id: record.id ?? 0,
    url: record.url,
    host: record.host,
    title: record.title,
    firstSeen: record.firstSeen,
    lastSeen: record.lastSeen,
    words: record.words,
    story: record.story,
  };
}

