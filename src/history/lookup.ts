/**
 * Queries on the reading history that the look-up and the pages need. Damaged records (a bad
 * write, a disk error) are left out of every answer (articles.ts), never trusted.
 */
import { queryKeys } from '../core/index.ts';
import { articlesNamingStory, storyArticles } from './articles.ts';
import { postingsOf } from './postings.ts';
import type { ArticleRecord } from './records.ts';
import type { ReadTx } from './schema.ts';

/** A look-up key held by more articles than this is boilerplate, not evidence of one story. */
export const MAX_KEY_ARTICLES = 40;
/** Articles sharing the most keys with a page that are compared with it in full. */
export const MAX_CANDIDATES = 40;
/** Sightings of one story considered at most. */
export const MAX_STORY_MEMBERS = 200;

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
export async function rankCandidates(tx: ReadTx, keys: readonly number[]): Promise<Ranked[]> {
  const hits = await postingsOf(tx, queryKeys(keys));
  const counts = new Map<number, number>();
  for (const ids of hits) {
    if (ids.length > MAX_KEY_ARTICLES) continue;
    for (const id of ids) counts.set(id, (counts.get(id) ?? 0) + 1);
  }
  return [...counts].sort((a, b) => b[1] - a[1] || b[0] - a[0]).slice(0, MAX_CANDIDATES).map(([id, shared]) => ({ id, shared }));
}

/** The records of `ids` found in `byId`, in the order of `ids`. */
export const pick = (byId: ReadonlyMap<number, ArticleRecord>, ids: readonly number[]): ArticleRecord[] =>
  ids.flatMap((id) => byId.get(id) ?? []);

/** The articles of a story; its first article is not read again when it is among `known`. */
export async function storyMembers(tx: ReadTx, story: number, known?: ReadonlyMap<number, ArticleRecord>): Promise<ArticleRecord[]> {
  const first = known?.get(story);
  if (first?.story === story) return [first, ...await articlesNamingStory(tx, story, MAX_STORY_MEMBERS)];
  return storyArticles(tx, story, MAX_STORY_MEMBERS);
}
