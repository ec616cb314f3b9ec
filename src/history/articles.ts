/**
 * The articles store: every read returns ArticleRecord (damaged values left out, never trusted),
 * every write takes one; the stored form stays in codec.ts. Writes keep the look-up rows in step
 * (postings.ts).
 */
import { beginsStory, decode, decodeAll, encode, inStory, storedId, withoutApart } from './codec.ts';
import { linkHashes } from './links.ts';
import { applyPostingChanges, type WriteOptions } from './postings.ts';
import type { ArticleRecord } from './records.ts';
import { NEXT_ID, STORES, type AnyTx, type HistoryDB, type HistoryTx, type ReadTx } from './schema.ts';

/**
 * An id for a record about to be added: the persisted counter (NEXT_ID), never below every stored
 * id (records written with their ids, a bulk load, do not move the counter). Read along with the
 * look-up, it spares the record's write a wait for add() to name one; no concurrent writer can
 * take it (a readwrite transaction runs alone). An id freed by a deletion is not given again.
 */
export async function nextId(tx: AnyTx): Promise<number> {
  const [counter, cursor] = await Promise.all([
    tx.objectStore('counters').get(NEXT_ID), tx.objectStore('articles').openKeyCursor(null, 'prev'),
  ]);
  return Math.max(counter ?? 1, (cursor?.primaryKey ?? 0) + 1);
}

/** Moves the counter of ids past `id`: ids up to it are taken (issued at once, not awaited in turn). */
export function takeIdsTo(tx: HistoryTx<'readwrite'>, id: number): Promise<unknown> {
  return tx.objectStore('counters').put(id + 1, NEXT_ID);
}

/**
 * Adds a record under its new id (nextId, read in this transaction) with its postings (pending),
 * every request issued at once. The id is known to be free, so the record is put: add() would
 * first look for it in the database.
 */
export async function addArticle(tx: HistoryTx<'readwrite'>, record: ArticleRecord & { id: number }, options?: WriteOptions): Promise<void> {
  const added = tx.objectStore('articles').put(encode(record));
  const counted = takeIdsTo(tx, record.id);
  const posted = applyPostingChanges(tx, [{ id: record.id, keys: record.keys, links: linkHashes(record), site: record.site, siteName: record.siteName, pending: true }], options);
  await Promise.all([added, counted, posted]);
}

/**
 * Replaces a stored record (`previous`, as stored), and its postings when its keys changed, its
 * links rows when its page or headline did.
 */
export async function putArticle(
  tx: HistoryTx<'readwrite'>, record: ArticleRecord, previous: Pick<ArticleRecord, 'keys' | 'page' | 'title'>, options: WriteOptions = {},
): Promise<void> {
  const { id, site, keys } = record;
  if (id === undefined) throw new TypeError('putArticle replaces a stored record, which has an id');
  const [linksBefore, links] = [linkHashes(previous), linkHashes(record)];
  const sameKeys = sameList(previous.keys, keys);
  const sameLinks = sameList(linksBefore, links);
  const put = tx.objectStore('articles').put(encode(record));
  if (sameKeys && sameLinks) {
    if (options.last) tx.commit();
    await put;
    return;
  }
  // Empty lists leave the postings, or the links rows, as they are.
  const changes = [
    { id, keys: sameKeys ? [] : previous.keys, links: sameLinks ? [] : linksBefore, site, remove: true },
    { id, keys: sameKeys ? [] : keys, links: sameLinks ? [] : links, site, siteName: record.siteName, pending: true },
  ];
  await Promise.all([put, applyPostingChanges(tx, changes, options)]);
}

const sameList = (a: readonly number[], b: readonly number[]) => a.length === b.length && a.every((x, i) => x === b[i]);

/** Writes a record as it is, its postings left to the caller (an import posts many at once). */
export const writeRecord = (tx: HistoryTx<'readwrite'>, record: ArticleRecord): Promise<number> => tx.objectStore('articles').put(encode(record));

/** Adds a record, its postings left to the caller; its key (the store's generator names one when the record has no id). */
export const addRecord = (tx: HistoryTx<'readwrite'>, record: ArticleRecord): Promise<number> => tx.objectStore('articles').add(encode(record));

/** Writes many records with their ids (a bulk load), their postings each bucket at once. */
export async function insertArticles(db: HistoryDB, records: readonly ArticleRecord[]): Promise<number> {
  const tx = db.transaction(STORES, 'readwrite');
  const store = tx.objectStore('articles');
  for (const record of records) void store.put(encode(record));
  await applyPostingChanges(tx, records.map((r) => ({ id: r.id ?? 0, keys: r.keys, links: linkHashes(r), site: r.site, siteName: r.siteName })));
  await tx.done;
  return records.length;
}

/** Deletes the records with ids in `range`, with their postings. */
export async function deleteRange(db: HistoryDB, range: IDBKeyRange): Promise<number> {
  const tx = db.transaction(STORES, 'readwrite');
  const records = decodeAll(await tx.objectStore('articles').getAll(range));
  await tx.objectStore('articles').delete(range);
  await applyPostingChanges(tx, records.map((r) => ({ id: r.id ?? 0, keys: r.keys, links: linkHashes(r), site: r.site, remove: true })));
  await tx.done;
  return records.length;
}

/**
 * Deletes a record, its postings, and the mentions of it in the articles kept apart from it (the
 * link is made on both sides), so that nothing refers to its id any more.
 */
export async function deleteArticle(tx: HistoryTx<'readwrite'>, record: ArticleRecord): Promise<void> {
  const { id } = record;
  if (id === undefined) return;
  const store = tx.objectStore('articles');
  await Promise.all([
    store.delete(id),
    applyPostingChanges(tx, [{ id, keys: record.keys, links: linkHashes(record), site: record.site, remove: true }]),
    ...(record.apart ?? []).map(async (other) => {
      const value = await store.get(other);
      const updated = value && withoutApart(value, id);
      if (updated) await store.put(updated);
    }),
  ]);
}

/**
 * The articles of a story (at most about `limit`): those naming it, and its first article, which
 * names none.
 */
export async function storyArticles(tx: AnyTx, story: number, limit?: number): Promise<ArticleRecord[]> {
  const [first, named] = await Promise.all([tx.objectStore('articles').get(story), tx.objectStore('articles').index('story').getAll(story, limit)]);
  return decodeAll(first !== undefined && beginsStory(first) ? [first, ...named] : named);
}

/** The stored values of a story (damaged ones included, as `deleteAt` takes them): its first article and those naming it. */
export async function storyEntries(tx: AnyTx, story: number): Promise<Pick<ByLastSeen, 'article' | 'id'>[]> {
  const [first, named] = await Promise.all([tx.objectStore('articles').get(story), tx.objectStore('articles').index('story').getAll(story)]);
  return (first !== undefined && beginsStory(first) ? [first, ...named] : named).map((value) => ({ article: decode(value), id: storedId(value) }));
}

/** The articles that name `story` (all of its articles but its first). */
export const articlesNamingStory = async (tx: AnyTx, story: number, limit?: number): Promise<ArticleRecord[]> =>
  decodeAll(await tx.objectStore('articles').index('story').getAll(story, limit));

/** Moves every article of story `from` into story `to`. */
export async function moveStory(tx: HistoryTx<'readwrite'>, from: number, to: number): Promise<void> {
  const store = tx.objectStore('articles');
  const first = await store.get(from);
  if (first !== undefined && beginsStory(first)) await store.put(inStory(first, to));
  let cursor = await store.index('story').openCursor(from);
  while (cursor) {
    await cursor.update(inStory(cursor.value, to));
    cursor = await cursor.continue();
  }
}

export async function getArticle(tx: AnyTx, id: number): Promise<ArticleRecord | null> {
  return decode(await tx.objectStore('articles').get(id), id);
}

/** The article stored for a page (its page hash); null when none is, or it is damaged. */
export async function articleAtPage(tx: AnyTx, page: number): Promise<ArticleRecord | null> {
  return decode(await tx.objectStore('articles').index('page').get(page));
}

/** The articles with these ids, all requested at once (deleted and damaged ones left out). */
export async function articlesById(tx: ReadTx, ids: readonly number[]): Promise<Map<number, ArticleRecord>> {
  const store = tx.objectStore('articles');
  const records = decodeAll(await Promise.all([...new Set(ids)].map((id) => store.get(id))));
  return new Map(records.map((r) => [r.id ?? 0, r]));
}

/** Every article of the history, damaged records left out. */
export async function allArticles(db: HistoryDB): Promise<ArticleRecord[]> {
  return decodeAll(await db.getAll('articles'));
}

/** Every article read in `tx`, damaged records left out. */
export async function articlesIn(tx: AnyTx): Promise<ArticleRecord[]> {
  return decodeAll(await tx.objectStore('articles').getAll());
}

/** Stored values, damaged ones included. */
export const storedCount = (tx: AnyTx): Promise<number> => tx.objectStore('articles').count();

/** How many stored values are articles, and how many are damaged (skipped by every read). */
export async function countArticles(db: HistoryDB): Promise<{ articles: number; damaged: number }> {
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

/** A step of a walk through the articles by last seen: its article (null: damaged) and the next step. */
export interface ByLastSeen {
  article: ArticleRecord | null;
  /** The id the stored value names, damaged or not. */
  id: number | null;
  next(): Promise<ByLastSeen | null>;
}

/** Walks the articles by last seen (`range` of it, `direction` as IndexedDB's), a step at a time. */
export async function byLastSeen(tx: AnyTx, range: IDBKeyRange | null, direction?: IDBCursorDirection): Promise<ByLastSeen | null> {
  const step = (cursor: Awaited<ReturnType<typeof open>>): ByLastSeen | null => cursor && {
    article: decode(cursor.value), id: storedId(cursor.value), next: async () => step(await cursor.continue()),
  };
  const open = () => tx.objectStore('articles').index('lastSeen').openCursor(range, direction);
  return step(await open());
}

/** Deletes what a walk stands on with its postings (a damaged value is deleted as it is). */
export async function deleteAt(tx: HistoryTx<'readwrite'>, at: Pick<ByLastSeen, 'article' | 'id'>): Promise<void> {
  if (at.article) await deleteArticle(tx, at.article);
  else if (at.id !== null) await tx.objectStore('articles').delete(at.id);
}

/** Empties every store but the counter of ids: an id is never given twice, even after the history is cleared. */
export async function clearStores(tx: HistoryTx<'readwrite'>): Promise<void> {
  await Promise.all(STORES.filter((name) => name !== 'counters').map((name) => tx.objectStore(name).clear()));
}
