/**
 * The reading history in IndexedDB, through idb: the typed schema, its upgrade ladder, and the
 * compact form records take on disk. A shipped step is never edited; a change of schema is a new
 * step. Everything outside this file works with `ArticleRecord`; only this file knows `StoredArticle`.
 */
import { openDB, type DBSchema, type IDBPDatabase, type IDBPTransaction, type StoreNames } from 'idb';
import { fold, hashString, hostOf, pageKey, sketchThreshold } from '../core/index.ts';

export interface ArticleRecord {
  id?: number;
  /** The page's address: its canonical URL when the page names one on its own site. */
  url: string;
  /** pageHash() of the page's key: one record per page. */
  page: number;
  /** The host as shown, from `url`. */
  host: string;
  /** Registrable domain (or host for IPs and localhost). */
  site: string;
  title: string;
  siteName: string | null;
  firstSeen: number;
  lastSeen: number;
  words: number;
  /** Distinct shingles in the whole text. */
  size: number;
  /** Bottom-k sample of the shingle hashes, each folded to 16 bits (in the order of the full hashes). */
  sketch: number[];
  /** The full k-th hash: the sample holds every hash up to it (Infinity: the whole set). */
  threshold: number;
  /** The first winnowed fingerprints, posted for look-up. */
  keys: number[];
  /** Hash of each paragraph, in order. */
  paragraphs: number[];
  /** Id of the story's first article: sightings of one story share it. */
  story: number;
  /** Articles the reader said are not the same story as this one. */
  apart?: number[];
}

/**
 * A record as stored: one-letter names and packed arrays, because every byte is paid for by every
 * article of years of reading (see BENCHMARKS.md, "Where the bytes go"). Indexed: p, y, s, v.
 */
export interface StoredArticle {
  id?: number;
  /** url ("https://" left off) */
  u: string;
  /** page hash */
  p: number;
  /** site */
  s: string;
  /** title */
  t: string;
  /** site name, when the page gives one */
  n?: string;
  /** first seen, last seen */
  f: number;
  v: number;
  /** words, size */
  w: number;
  z: number;
  /** folded sketch, its threshold (absent: Infinity) */
  h: Uint16Array;
  m?: number;
  /** look-up keys, paragraph hashes */
  k: Uint32Array;
  g: Uint32Array;
  /** story, apart */
  y: number;
  a?: number[];
}

export interface HistorySchema extends DBSchema {
  articles: {
    key: number;
    value: StoredArticle;
    indexes: { page: number; story: number; site: string; lastSeen: number };
  };
  /**
   * Look-up postings: for each bucket (a key's high 16 bits), the keys of that bucket and the
   * articles holding them, packed as [key, id, key, id, …]. One row per bucket rather than one
   * index entry per key and article: 8 bytes of payload a posting, the row's own cost shared.
   */
  postings: {
    key: number;
    value: Uint32Array;
  };
}

export type HistoryDB = IDBPDatabase<HistorySchema>;
export type HistoryTx<Mode extends IDBTransactionMode> = IDBPTransaction<HistorySchema, StoreNames<HistorySchema>[], Mode>;
type AnyTx = HistoryTx<'readonly'> | HistoryTx<'readwrite'> | HistoryTx<'versionchange'>;

export const DB_NAME = 'deja-lu';
/** Both stores: every change to the history touches the two together. */
export const STORES = ['articles', 'postings'] as const;

/** The page key as stored: two 32-bit hashes folded into one 53-bit number (no collision in practice). */
export function pageHash(key: string): number {
  return (hashString(key) % 0x200000) * 0x100000000 + hashString(`\u0001${key}`);
}

/** The page hash of a page's URL. */
export const pageHashOf = (url: string): number => pageHash(pageKey(url));

/** An ArticleRecord from what the store holds; null for a damaged value (it is then skipped). */
export function decode(value: unknown, id?: number): ArticleRecord | null {
  if (typeof value !== 'object' || value === null) return null;
  const r = value as Partial<StoredArticle>;
  if (typeof r.u !== 'string' || typeof r.s !== 'string' || typeof r.t !== 'string' || !(r.h instanceof Uint16Array)
    || !(r.k instanceof Uint32Array) || !(r.g instanceof Uint32Array) || !whole(r.p) || !whole(r.f) || !whole(r.v)
    || !whole(r.w) || !whole(r.z) || !whole(r.y)) return null;
  const url = /^https?:\/\//i.test(r.u) ? r.u : `https://${r.u}`;
  const record: ArticleRecord = {
    id: r.id ?? id, url, page: r.p, host: hostOf(url), site: r.s, title: r.t, siteName: r.n ?? null,
    firstSeen: r.f, lastSeen: r.v, words: r.w, size: r.z, sketch: [...r.h], threshold: r.m ?? Infinity,
    keys: [...r.k], paragraphs: [...r.g], story: r.y,
  };
  if (Array.isArray(r.a) && r.a.every(whole)) record.apart = r.a;
  return record;
}

/** The stored form of a record. */
export function encode(record: ArticleRecord): StoredArticle {
  const stored: StoredArticle = {
    u: record.url.replace(/^https:\/\//i, ''), p: record.page, s: record.site, t: record.title,
    f: record.firstSeen, v: record.lastSeen, w: record.words, z: record.size,
    h: Uint16Array.from(record.sketch, fold), k: Uint32Array.from(record.keys), g: Uint32Array.from(record.paragraphs),
    y: record.story,
  };
  if (record.id !== undefined) stored.id = record.id;
  if (record.siteName !== null) stored.n = record.siteName;
  if (Number.isFinite(record.threshold)) stored.m = record.threshold;
  if (record.apart && record.apart.length > 0) stored.a = record.apart;
  return stored;
}

function whole(value: unknown): value is number {
  return Number.isSafeInteger(value) && (value as number) >= 0;
}

/** A key's bucket in the postings store: its high 16 bits. */
export const bucketOf = (key: number): number => key >>> 16;
export const BUCKETS = 2 ** 16;

/**
 * Bucket rows already read in a transaction: a record reads the rows of its keys to look the page
 * up, then changes some of them; within one transaction (and IndexedDB runs a readwrite one alone)
 * what it read is still what is stored.
 */
const rowsRead = new WeakMap<object, Map<number, Uint32Array | undefined>>();

function readRows(tx: AnyTx, buckets: readonly number[]): Promise<Map<number, Uint32Array | undefined>> {
  let cache = rowsRead.get(tx);
  if (!cache) rowsRead.set(tx, (cache = new Map()));
  const rows = cache;
  const store = tx.objectStore('postings');
  return Promise.all(buckets.map(async (b) => {
    if (!rows.has(b)) rows.set(b, await store.get(b));
    return [b, rows.get(b)] as const;
  })).then((entries) => new Map(entries));
}

/** A change to the postings: an article's keys added, or removed. */
export interface PostingChange {
  id: number;
  keys: readonly number[];
  remove?: boolean;
}

/**
 * Applies changes to the postings in `tx`: each bucket touched is read, changed and written once,
 * so many articles can be posted together without one write undoing another.
 */
export async function post(tx: AnyTx, changes: readonly PostingChange[]): Promise<void> {
  const store = (tx as HistoryTx<'readwrite'>).objectStore('postings');
  const byBucket = new Map<number, PostingChange[]>();
  for (const change of changes) {
    for (const bucket of new Set(change.keys.map(bucketOf))) {
      const list = byBucket.get(bucket) ?? [];
      list.push(change);
      byBucket.set(bucket, list);
    }
  }
  const rows = await readRows(tx, [...byBucket.keys()]);
  const cache = rowsRead.get(tx)!;
  await Promise.all([...byBucket].map(async ([bucket, touching]) => {
    const row = rows.get(bucket) ?? new Uint32Array(0);
    const gone = new Set(touching.map((c) => c.id));
    const kept: number[] = [];
    for (let i = 0; i + 1 < row.length; i += 2) if (!gone.has(row[i + 1]!)) kept.push(row[i]!, row[i + 1]!);
    for (const { id, keys, remove } of touching) {
      if (remove) continue;
      for (const key of new Set(keys)) if (bucketOf(key) === bucket) kept.push(key >>> 0, id);
    }
    const updated = kept.length > 0 ? Uint32Array.from(kept) : undefined;
    cache.set(bucket, updated);
    if (updated) await store.put(updated, bucket);
    else if (row.length > 0) await store.delete(bucket);
  }));
}

/** The postings of `keys`: for each key (in order), the ids of the articles holding it. */
export async function postings(tx: AnyTx, keys: readonly number[]): Promise<number[][]> {
  const rows = await readRows(tx, [...new Set(keys.map(bucketOf))]);
  return keys.map((key) => {
    const row = rows.get(bucketOf(key));
    const ids: number[] = [];
    if (row) for (let i = 0; i + 1 < row.length; i += 2) if (row[i] === key >>> 0) ids.push(row[i + 1]!);
    return ids;
  });
}

/** Writes a record and its postings (a new id when it has none); returns its id. */
export async function putArticle(tx: HistoryTx<'readwrite'>, record: ArticleRecord, previousKeys: readonly number[] = []): Promise<number> {
  const store = tx.objectStore('articles');
  const id = record.id === undefined ? await store.add(encode(record)) : await store.put(encode(record));
  const same = previousKeys.length === record.keys.length && previousKeys.every((k, i) => k === record.keys[i]);
  if (!same) await post(tx, [{ id, keys: previousKeys, remove: true }, { id, keys: record.keys }]);
  return id;
}

/** Writes many records with their ids (a bulk load), their postings each bucket at once. */
export async function insertArticles(db: HistoryDB, records: readonly ArticleRecord[]): Promise<number> {
  const tx = db.transaction(STORES, 'readwrite');
  const store = tx.objectStore('articles');
  for (const record of records) void store.put(encode(record));
  await post(tx, records.map((r) => ({ id: r.id ?? 0, keys: r.keys })));
  await tx.done;
  return records.length;
}

/** Deletes the records with ids in `range`, with their postings. */
export async function deleteRange(db: HistoryDB, range: IDBKeyRange): Promise<number> {
  const tx = db.transaction(STORES, 'readwrite');
  const records = decodeAll(await tx.objectStore('articles').getAll(range));
  await tx.objectStore('articles').delete(range);
  await post(tx, records.map((r) => ({ id: r.id ?? 0, keys: r.keys, remove: true })));
  await tx.done;
  return records.length;
}

/** Deletes a record and its postings. */
export async function deleteArticle(tx: HistoryTx<'readwrite'>, record: ArticleRecord): Promise<void> {
  if (record.id === undefined) return;
  await tx.objectStore('articles').delete(record.id);
  await post(tx, [{ id: record.id, keys: record.keys, remove: true }]);
}

export async function getArticle(tx: AnyTx, id: number): Promise<ArticleRecord | null> {
  return decode(await tx.objectStore('articles').get(id), id);
}

/** Every article of the history, damaged records left out. */
export async function allArticles(db: HistoryDB): Promise<ArticleRecord[]> {
  return decodeAll(await db.getAll('articles'));
}

/** Decoded records, damaged ones left out. */
export const decodeAll = (values: readonly unknown[]): ArticleRecord[] =>
  values.map((v) => decode(v)).filter((r): r is ArticleRecord => r !== null);

type Migration = (db: IDBPDatabase<HistorySchema>, tx: IDBPTransaction<HistorySchema, StoreNames<HistorySchema>[], 'versionchange'>) => void | Promise<void>;

/** A record as versions 1 and 2 stored it. */
interface LegacyArticle {
  id: number; url: string; page: string; site: string; title: string; siteName: string | null;
  firstSeen: number; lastSeen: number; words: number; size: number; sketch: number[]; keys: number[];
  paragraphs: number[]; story: number; apart?: number[];
}

/** Keys posted per article (the first ones: copies keep a story's beginning). */
export const MAX_STORED_KEYS = 12;

/** A version 1–2 record in the current form (null when damaged). */
export function fromLegacy(value: unknown): ArticleRecord | null {
  const r = value as Partial<LegacyArticle> | null;
  if (!r || typeof r.url !== 'string' || typeof r.page !== 'string' || typeof r.site !== 'string' || typeof r.title !== 'string'
    || !Array.isArray(r.sketch) || !Array.isArray(r.keys) || !Array.isArray(r.paragraphs)) return null;
  if (![r.id, r.firstSeen, r.lastSeen, r.words, r.size, r.story].every(whole)) return null;
  const record: ArticleRecord = {
    id: r.id, url: r.url, page: pageHash(r.page), host: hostOf(r.url), site: r.site, title: r.title,
    siteName: r.siteName ?? null, firstSeen: r.firstSeen!, lastSeen: r.lastSeen!, words: r.words!, size: r.size!,
    sketch: r.sketch.map(fold), threshold: sketchThreshold(r.sketch), keys: r.keys.slice(0, MAX_STORED_KEYS),
    paragraphs: r.paragraphs, story: r.story!,
  };
  if (Array.isArray(r.apart)) record.apart = r.apart;
  return record;
}

/** Step N brings a database from version N - 1 to N. Append only. */
const MIGRATIONS: Migration[] = [
  (db) => {
    const articles = db.createObjectStore('articles', { keyPath: 'id', autoIncrement: true });
    // Version 1 indexed the long field names of its records (the typed schema knows only today's).
    const untyped = articles as unknown as IDBObjectStore;
    untyped.createIndex('page', 'page');
    untyped.createIndex('story', 'story');
    untyped.createIndex('site', 'site');
    untyped.createIndex('keys', 'keys', { multiEntry: true });
  },
  // The history list reads newest first without loading every record.
  (_db, tx) => void (tx.objectStore('articles') as unknown as IDBObjectStore).createIndex('lastSeen', 'lastSeen'),
  // Compact records and a postings store instead of the multiEntry index of keys (bytes per article
  // measured in BENCHMARKS.md). Every record is rewritten in this one transaction.
  async (db, tx) => {
    db.createObjectStore('postings');
    const articles = tx.objectStore('articles');
    for (const name of [...articles.indexNames]) articles.deleteIndex(name);
    const changes: PostingChange[] = [];
    let cursor = await articles.openCursor();
    while (cursor) {
      // A damaged record is left as it is: still skipped, still counted by 'history/health'.
      const record = fromLegacy(cursor.value);
      if (record) {
        await cursor.update(encode(record));
        changes.push({ id: cursor.primaryKey, keys: record.keys });
      }
      cursor = await cursor.continue();
    }
    await post(tx, changes);
    articles.createIndex('page', 'p');
    articles.createIndex('story', 'y');
    articles.createIndex('site', 's');
    articles.createIndex('lastSeen', 'v');
  },
];

export const DB_VERSION = MIGRATIONS.length;

/**
 * Opens (and upgrades) the history. `onClose` hears that this connection is closed for good: its
 * owner must open the database again when it next needs it, or every later use fails.
 */
export async function openHistory(name = DB_NAME, version = DB_VERSION, onClose?: () => void): Promise<HistoryDB> {
  const db: HistoryDB = await openDB<HistorySchema>(name, version, {
    async upgrade(database, oldVersion, newVersion, tx) {
      for (let step = oldVersion + 1; step <= (newVersion ?? version); step++) await MIGRATIONS[step - 1]?.(database, tx);
    },
    // A newer version of the extension wants to upgrade, or the database is being deleted: step
    // aside rather than block it.
    blocking: () => {
      db.close();
      onClose?.();
    },
    // The browser closed the connection (the database was deleted, or the disk failed).
    terminated: () => onClose?.(),
  });
  return db;
}
