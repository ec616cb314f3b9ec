/**
 * Rows already read in a transaction, by store: a record reads the rows of its keys (and of its
 * site) to look the page up, then changes some of them; within one transaction (and IndexedDB
 * runs a readwrite one alone) what it read is still what is stored.
 */
import type { IDBPObjectStore } from 'idb';
import type { AnyTx, HistorySchema, HistoryTx } from './schema.ts';

export type RowStore = 'postings' | 'sites' | 'links';
export type RowKey<S extends RowStore> = HistorySchema[S]['key'];
export type Row<S extends RowStore> = HistorySchema[S]['value'];
export type RowMap<S extends RowStore> = Map<RowKey<S>, Row<S> | undefined>;

const rowsRead = new WeakMap<object, { [S in RowStore]: RowMap<S> }>();

function rowCache<S extends RowStore>(tx: AnyTx, store: S): RowMap<S> {
  let cache = rowsRead.get(tx);
  if (!cache) rowsRead.set(tx, (cache = { postings: new Map(), sites: new Map(), links: new Map() }));
  return cache[store] as RowMap<S>;
}

/**
 * The rows of `keys`, at once when every one was read in `tx` already (the writes that follow are
 * then issued without waiting a turn), else once read.
 */
export function rowsOf<S extends RowStore>(tx: AnyTx, store: S, keys: readonly RowKey<S>[]): RowMap<S> | Promise<RowMap<S>> {
  const cache = rowCache(tx, store);
  return keys.every((key) => cache.has(key)) ? new Map(keys.map((key) => [key, cache.get(key)])) : readRows(tx, store, keys);
}

/** The rows of `keys`, those not read in `tx` yet read (all at once). */
export async function readRows<S extends RowStore>(tx: AnyTx, store: S, keys: readonly RowKey<S>[]): Promise<RowMap<S>> {
  if (keys.length === 0) return new Map();
  const cache = rowCache(tx, store);
  const objectStore = tx.objectStore(store) as unknown as { get(key: RowKey<S>): Promise<Row<S> | undefined> };
  const entries = await Promise.all(keys.map(async (key) => {
    if (!cache.has(key)) cache.set(key, await objectStore.get(key));
    return [key, cache.get(key)] as const;
  }));
  return new Map(entries);
}

/** Writes a row (undefined: deletes it, if it was there). */
export async function writeRow<S extends RowStore>(tx: AnyTx, store: S, key: RowKey<S>, before: Row<S> | undefined, row: Row<S> | undefined): Promise<void> {
  rowCache(tx, store).set(key, row);
  // idb's store, untyped: its put and delete return promises.
  const objectStore = (tx as HistoryTx<'readwrite'>).objectStore(store) as unknown as IDBPObjectStore<unknown, ArrayLike<string>, string, 'readwrite'>;
  if (row) await objectStore.put(row, key);
  else if (before) await objectStore.delete(key);
}
