/** The reader's commands on the history: forget, unlink, delete, export, clear, prune (import: import-history.ts). */
import { historyFile, type HistoryFile } from '../history-file.ts';
import {
  articlesIn, byLastSeen, clearStores, countArticles, deleteArticle, deleteAt, getArticle, putArticle, storedCount, storyArticles, storyEntries,
} from './articles.ts';
import { pageHashOf } from './codec.ts';
import { siteNames } from './postings.ts';
import type { ArticleRecord } from './records.ts';
import { STORES, type HistoryDB, type HistoryTx } from './schema.ts';

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
export async function takeOutOfStory(tx: HistoryTx<'readwrite'>, article: ArticleRecord): Promise<void> {
  const id = article.id!;
  const others = (await storyArticles(tx, article.story)).filter((m) => m.id !== id);
  const apart = [...new Set([...(article.apart ?? []), ...others.map((m) => m.id ?? 0)])];
  const rewrite = (record: ArticleRecord) => putArticle(tx, record, record);
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
  const members = await storyEntries(tx, story);
  for (const member of members) await deleteAt(tx, member);
  await tx.done;
  return members.length;
}

export async function exportHistory(db: HistoryDB, now: number): Promise<HistoryFile> {
  // One transaction: the articles and their sites' names as they stand together.
  const tx = db.transaction(STORES, 'readonly');
  const [articles, names] = await Promise.all([articlesIn(tx), siteNames(tx)]);
  return historyFile(articles.map((a) => ({ ...a, siteName: names.get(a.site) ?? null })), now);
}

/** How the history is: its size, and how many damaged records are being skipped. */
export const historyHealth = (db: HistoryDB): Promise<{ articles: number; damaged: number }> => countArticles(db);

/** Frees room when the disk is full: deletes the least recently read `share` of the history. */
export async function pruneOldest(db: HistoryDB, share: number): Promise<number> {
  const tx = db.transaction(STORES, 'readwrite');
  const target = Math.max(1, Math.ceil((await storedCount(tx)) * share));
  let at = await byLastSeen(tx, null);
  let pruned = 0;
  while (at && pruned < target) {
    await deleteAt(tx, at);
    pruned++;
    at = await at.next();
  }
  await tx.done;
  return pruned;
}

export async function clearHistory(db: HistoryDB): Promise<number> {
  const tx = db.transaction(STORES, 'readwrite');
  const count = await storedCount(tx);
  // The counter of ids is kept: an id is never given twice, even after the history is cleared.
  await clearStores(tx);
  await tx.done;
  return count;
}

/** Deletes articles last read before `before`; returns how many. */
export async function pruneHistory(db: HistoryDB, before: number): Promise<number> {
  const tx = db.transaction(STORES, 'readwrite');
  let at = await byLastSeen(tx, IDBKeyRange.upperBound(before, true));
  let pruned = 0;
  while (at) {
    await deleteAt(tx, at);
    pruned++;
    at = await at.next();
  }
  await tx.done;
  return pruned;
}
