/**
 * Queries on the reading history that the report pipeline and the pages need. Damaged records (a
 * bad write, a disk error) are left out of every answer (decodeAll), never trusted.
 */
import { decodeAll, postings, type ArticleRecord, type HistoryTx } from '../platform/database.ts';
import type { ArticleSummary } from '../messages.ts';


/** A look-up key held by more articles than this is boilerplate, not evidence of one story. */
export const MAX_KEY_ARTICLES = 40;
/** Articles sharing the most keys with a page that are compared with it in full. */
export const MAX_CANDIDATES = 40;
/** Recent articles of the page's own site read to reveal its template text: it recurs in nearly all of them. */
export const SITE_NEIGHBOURS = 12;
/** Sightings of one story considered at most. */
export const MAX_STORY_MEMBERS = 200;
/** Keys of the page used for look-up (its first ones: copies keep a story's beginning). */
export const MAX_QUERY_KEYS = 64;

type Tx = HistoryTx<'readwrite'> | HistoryTx<'readonly'>;

/** Stored articles sharing look-up keys with the page, most shared first. */
export async function findCandidates(tx: Tx, keys: readonly number[]): Promise<ArticleRecord[]> {
  const hits = await postings(tx, [...new Set(keys.slice(0, MAX_QUERY_KEYS))]);
  const counts = new Map<number, number>();
  for (const ids of hits) {
    if (ids.length > MAX_KEY_ARTICLES) continue;
    for (const id of ids) counts.set(id, (counts.get(id) ?? 0) + 1);
  }
  const best = [...counts].sort((a, b) => b[1] - a[1] || b[0] - a[0]).slice(0, MAX_CANDIDATES);
  const store = tx.objectStore('articles');
  const records = await Promise.all(best.map(([id]) => store.get(id)));
  return decodeAll(records);
}

/**
 * The site's most recently recorded articles, fetched in parallel rather than by a cursor. The
 * newest, not the oldest: a site's first articles may have been linked into one story before its
 * template could be recognised, which would hide the template from the count.
 */
export async function latestOfSite(tx: Tx, site: string, limit = SITE_NEIGHBOURS): Promise<ArticleRecord[]> {
  const store = tx.objectStore('articles');
  const ids: number[] = [];
  // A key cursor walks only the newest `limit` entries of the site, however many it has.
  let cursor = await store.index('site').openKeyCursor(site, 'prev');
  while (cursor && ids.length < limit) {
    ids.push(cursor.primaryKey);
    cursor = await cursor.continue();
  }
  return decodeAll(await Promise.all(ids.map((id) => store.get(id))));
}

export async function storyMembers(tx: Tx, story: number): Promise<ArticleRecord[]> {
  return decodeAll(await tx.objectStore('articles').index('story').getAll(story, MAX_STORY_MEMBERS));
}

/** Moves every article of `from` into story `to`. */
export async function mergeStory(tx: HistoryTx<'readwrite'>, from: number, to: number): Promise<void> {
  let cursor = await tx.objectStore('articles').index('story').openCursor(from);
  while (cursor) {
    await cursor.update({ ...cursor.value, y: to });
    cursor = await cursor.continue();
  }
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

