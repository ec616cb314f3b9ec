/**
 * The reading history in IndexedDB, through idb: the typed schema, its upgrade ladder, and the
 * compact form records take on disk. A shipped step is never edited; a change of schema is a new
 * step. Everything outside this file works with `ArticleRecord`; only this file knows `StoredArticle`.
 */
import { openDB, type DBSchema, type IDBPDatabase, type IDBPObjectStore, type IDBPTransaction, type StoreNames } from 'idb';
import { fold, foldParagraph, hashString, hostOf, pageKey, siteOf, SKETCH_SIZE, sketchThreshold, storedKeys } from '../core/index.ts';

export interface ArticleRecord {
  id?: number;
  /** The page's address: its canonical URL when the page names one on its own site whose record (if any) holds the same text. */
  url: string;
  /** pageHash() of the page's key: one record per page. */
  page: number;
  /** The host as shown, from `url`. */
  host: string;
  /** Registrable domain (or host for IPs and localhost), from `url`. */
  site: string;
  title: string;
  /** The name the page gives its site: kept once per site (siteNames()), not read back with the record. */
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
  /** The winnowed fingerprints posted for look-up: the lead's and an anchor per stretch of text (storedKeys). */
  keys: number[];
  /** Hash of each paragraph (PARAGRAPH_BITS bits), in order. */
  paragraphs: number[];
  /** Id of the story's first article: sightings of one story share it. */
  story: number;
  /** Articles the reader said are not the same story as this one. */
  apart?: number[];
}

/**
 * A record as stored: one-letter names and packed arrays, because every byte is paid for by every
 * article of years of reading (see BENCHMARKS.md, "Where the bytes go"). Indexed: p, y, v. The
 * site is not stored (it follows from the URL), nor the story of an article that began its own.
 */
export interface StoredArticle {
  id?: number;
  /** url ("https://" left off) */
  u: string;
  /** page hash */
  p: number;
  /** title (packText) */
  t: string | Uint8Array;
  /** site name (schema 3; now in the site's row) */
  n?: string | Uint8Array;
  /** first seen (absent: last seen), last seen */
  f?: number;
  v: number;
  /** words, size */
  w: number;
  z: number;
  /**
   * folded sketch; its threshold (absent: Infinity, or, when h holds SKETCH_SIZE + 1 values, the
   * high 16 bits of the threshold appended to a full sketch, whose last hash is its low 16 bits)
   */
  h: Uint16Array;
  m?: number;
  /** look-up keys, paragraph hashes (32 bits before schema 4) */
  k: Uint32Array;
  g: Uint16Array | Uint32Array;
  /** story (absent: the article's own id), apart */
  y?: number;
  a?: number[];
}


export interface HistorySchema extends DBSchema {
  articles: {
    key: number;
    value: StoredArticle;
    indexes: { page: number; story: number; lastSeen: number };
  };
  /**
   * Look-up postings: for each bucket (a key's high 16 bits), the keys of that bucket and the
   * articles holding them, packed as [key, id, key, id, …]. One row per bucket rather than one
   * index entry per key and article: 8 bytes of payload a posting, the row's own cost shared.
   * Row PENDING holds, in the same form, the postings of the latest articles read, not yet filed.
   */
  postings: {
    key: number;
    value: Uint32Array;
  };
  /**
   * For each site, the ids of its SITE_ROW most recently added articles, ascending (the sample its
   * template is recognised from, read in one request instead of walking an index of every
   * article), and the name its pages give it (the same on all of them, so kept once).
   */
  sites: {
    key: string;
    value: SiteRow;
  };
  /**
   * Counters that must survive the records they count (schema 5). NEXT_ID: the id the next new
   * article takes. Ids are never given twice: a tab's verdict, kept after its article is forgotten,
   * would otherwise name whatever page took the id next.
   */
  counters: {
    key: string;
    value: number;
  };
}

export interface SiteRow {
  i: Uint32Array;
  /** packText */
  n?: string | Uint8Array;
}

export type HistoryDB = IDBPDatabase<HistorySchema>;
export type HistoryTx<Mode extends IDBTransactionMode> = IDBPTransaction<HistorySchema, StoreNames<HistorySchema>[], Mode>;
type AnyTx = HistoryTx<'readonly'> | HistoryTx<'readwrite'> | HistoryTx<'versionchange'>;

export const DB_NAME = 'deja-lu';
/** Every store: a change to the history touches them together. */
export const STORES = ['articles', 'postings', 'sites', 'counters'] as const;
/** The counters row holding the next article's id. */
export const NEXT_ID = 'nextId';
/** Articles per site kept in its row of the sites store. */
export const SITE_ROW = 6;

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
  const ownId = r.id ?? id;
  const title = unpackText(r.t);
  const siteName = r.n === undefined ? null : unpackText(r.n);
  if (typeof r.u !== 'string' || title === null || (r.n !== undefined && siteName === null) || !(r.h instanceof Uint16Array)
    || !(r.k instanceof Uint32Array) || !(r.g instanceof Uint16Array || r.g instanceof Uint32Array) || !whole(r.p) || !whole(r.f ?? r.v) || !whole(r.v)
    || !whole(r.w) || !whole(r.z) || !whole(ownId) || !whole(r.y ?? ownId) || (r.m !== undefined && typeof r.m !== 'number')) return null;
  const url = /^https?:\/\//i.test(r.u) ? r.u : `https://${r.u}`;
  const record: ArticleRecord = {
    id: ownId, url, page: r.p, host: hostOf(url), site: siteOf(url), title, siteName,
    firstSeen: r.f ?? r.v, lastSeen: r.v, words: r.w, size: r.z, ...sketchOf(r.h, r.m),
    keys: [...r.k], paragraphs: Array.from(r.g, foldParagraph), story: r.y ?? ownId,
  };
  if (Array.isArray(r.a) && r.a.every(whole)) record.apart = r.a;
  return record;
}

/** A stored sketch and its threshold (see StoredArticle.h). */
function sketchOf(h: Uint16Array, m: number | undefined): { sketch: number[]; threshold: number } {
  if (m !== undefined) return { sketch: [...h], threshold: m };
  if (h.length !== SKETCH_SIZE + 1) return { sketch: [...h], threshold: Infinity };
  return { sketch: [...h.subarray(0, SKETCH_SIZE)], threshold: h[SKETCH_SIZE]! * 0x10000 + h[SKETCH_SIZE - 1]! };
}

/** The stored form of a record. */
export function encode(record: ArticleRecord): StoredArticle {
  const stored: StoredArticle = {
    u: record.url.replace(/^https:\/\//i, ''), p: record.page, t: packText(record.title),
    v: record.lastSeen, w: record.words, z: record.size,
    h: Uint16Array.from(record.sketch, fold), k: Uint32Array.from(record.keys), g: Uint16Array.from(record.paragraphs, foldParagraph),
  };
  const { threshold, sketch } = record;
  if (record.firstSeen !== record.lastSeen) stored.f = record.firstSeen;
  if (record.id !== undefined) stored.id = record.id;
  if (record.story !== record.id) stored.y = record.story;
  // A full sketch's threshold is its last hash: only the high half needs keeping (2 bytes, not 12).
  if (sketch.length === SKETCH_SIZE && Number.isInteger(threshold) && threshold >= 0 && threshold <= 0xffffffff && fold(threshold) === fold(sketch[SKETCH_SIZE - 1]!)) {
    stored.h = Uint16Array.from([...stored.h, threshold >>> 16]);
  } else if (Number.isFinite(threshold) || sketch.length === SKETCH_SIZE + 1) stored.m = threshold;
  if (record.apart && record.apart.length > 0) stored.a = record.apart;
  return stored;
}

/**
 * Text as stored: V8 stores a string with any character beyond Latin-1 at two bytes a character,
 * so a title with one curly quote costs double. Such text is kept as UTF-8 when that is shorter.
 */
export function packText(text: string): string | Uint8Array {
  if (!/[^\u0000-\u00ff]/.test(text)) return text;
  const utf8 = encoder.encode(text);
  return utf8.length < 2 * text.length ? utf8 : text;
}

/** Text from its stored form; null when it is neither. */
export function unpackText(value: unknown): string | null {
  if (typeof value === 'string') return value;
  if (!(value instanceof Uint8Array)) return null;
  try {
    return decoder.decode(value);
  } catch {
    return null;
  }
}

const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8', { fatal: true });

function whole(value: unknown): value is number {
  return Number.isSafeInteger(value) && (value as number) >= 0;
}

/** A key's bucket in the postings store: its high 16 bits. */
export const bucketOf = (key: number): number => key >>> 16;
export const BUCKETS = 2 ** 16;
/**
 * The postings row of the articles recorded last, whatever their keys' buckets. A page read adds
 * its postings there in one write, rather than in a write to the row of each key (8 of the 25 or
 * so requests a new page's record made, each a round of the browser's database); they are filed
 * into their buckets together once PENDING_LIMIT have gathered, by the record that fills the row,
 * in its transaction. Every look-up reads this row along with its keys' buckets.
 */
export const PENDING = BUCKETS;
/**
 * Pending postings filed at once: about 32 articles', a row of 2 KB. A larger row costs every
 * record more to read and rewrite than it saves: at 2,048 the 100k median record took 3.8 and 4.1
 * ms in two runs of the browser benchmark, against 2.7 to 3.5 ms at 256 in the same session.
 */
export const PENDING_LIMIT = 256;

/**
 * Rows already read in a transaction, by store: a record reads the rows of its keys (and of its
 * site) to look the page up, then changes some of them; within one transaction (and IndexedDB
 * runs a readwrite one alone) what it read is still what is stored.
 */
type RowStore = 'postings' | 'sites';
type RowKey<S extends RowStore> = HistorySchema[S]['key'];
type Row<S extends RowStore> = HistorySchema[S]['value'];
type RowMap<S extends RowStore> = Map<RowKey<S>, Row<S> | undefined>;

const rowsRead = new WeakMap<object, { postings: RowMap<'postings'>; sites: RowMap<'sites'> }>();

function rowCache<S extends RowStore>(tx: AnyTx, store: S): RowMap<S> {
  let cache = rowsRead.get(tx);
  if (!cache) rowsRead.set(tx, (cache = { postings: new Map(), sites: new Map() }));
  return cache[store] as RowMap<S>;
}

/**
 * The rows of `keys`, at once when every one was read in `tx` already (the writes that follow are
 * then issued without waiting a turn), else once read.
 */
function rowsOf<S extends RowStore>(tx: AnyTx, store: S, keys: readonly RowKey<S>[]): RowMap<S> | Promise<RowMap<S>> {
  const cache = rowCache(tx, store);
  return keys.every((key) => cache.has(key)) ? new Map(keys.map((key) => [key, cache.get(key)])) : readRows(tx, store, keys);
}

async function readRows<S extends RowStore>(tx: AnyTx, store: S, keys: readonly RowKey<S>[]): Promise<RowMap<S>> {
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
async function writeRow<S extends RowStore>(tx: AnyTx, store: S, key: RowKey<S>, before: Row<S> | undefined, row: Row<S> | undefined): Promise<void> {
  rowCache(tx, store).set(key, row);
  // idb's store, untyped: its put and delete return promises.
  const objectStore = (tx as HistoryTx<'readwrite'>).objectStore(store) as unknown as IDBPObjectStore<unknown, ArrayLike<string>, string, 'readwrite'>;
  if (row) await objectStore.put(row, key);
  else if (before) await objectStore.delete(key);
}

/** A change to the look-up rows: an article's keys (and its place among its site's latest) added, or removed. */
export interface PostingChange {
  id: number;
  keys: readonly number[];
  /** The article's site (absent: the sites' rows are left alone, as before they existed). */
  site?: string;
  /** The name the article's page gives its site, kept as the site's name. */
  siteName?: string | null;
  remove?: boolean;
  /** Added keys go to the PENDING row, to be filed in their buckets with others later. */
  pending?: boolean;
}

/** How a write ends its transaction. */
export interface WriteOptions {
  /**
   * Nothing else will be asked of the transaction: its commit is requested as soon as the last
   * write is issued, not after the answers come back (one round trip to the database fewer).
   */
  last?: boolean;
}

/**
 * Applies changes to the postings and the sites' rows in `tx`: each row touched is read, changed
 * and written once, so many articles can be posted together without one write undoing another.
 * A removal is looked for in the PENDING row as well as in its keys' buckets; when the PENDING row
 * reaches PENDING_LIMIT postings, they are filed into their buckets.
 */
export async function post(tx: AnyTx, changes: readonly PostingChange[], { last = false }: WriteOptions = {}): Promise<void> {
  const byBucket = new Map<number, PostingChange[]>();
  const bySite = new Map<string, PostingChange[]>();
  for (const change of changes) {
    const rows = new Set(change.pending && !change.remove ? [PENDING] : change.keys.map(bucketOf));
    if (change.remove) rows.add(PENDING);
    for (const bucket of rows) listAt(byBucket, bucket).push(change);
    if (change.site !== undefined) listAt(bySite, change.site).push(change);
  }
  const bucketRows = rowsOf(tx, 'postings', [...byBucket.keys()]);
  const siteRows = rowsOf(tx, 'sites', [...bySite.keys()]);
  const [buckets, sites] = bucketRows instanceof Map && siteRows instanceof Map ? [bucketRows, siteRows] : await Promise.all([bucketRows, siteRows]);
  const writes: Promise<void>[] = [];
  let filing: PostingChange[] = [];
  for (const [bucket, touching] of byBucket) {
    const row = buckets.get(bucket);
    const gone = new Set(touching.map((c) => c.id));
    const kept: number[] = [];
    if (row) for (let i = 0; i + 1 < row.length; i += 2) if (!gone.has(row[i + 1]!)) kept.push(row[i]!, row[i + 1]!);
    const before = kept.length;
    for (const { id, keys, remove, pending = false } of touching) {
      // A pending addition goes to the PENDING row only, any other to its keys' buckets only.
      if (remove || pending !== (bucket === PENDING)) continue;
      for (const key of new Set(keys)) if (bucket === PENDING || bucketOf(key) === bucket) kept.push(key >>> 0, id);
    }
    // Unchanged (a removal of an article whose postings are elsewhere): not written again.
    if (kept.length === before && before === (row?.length ?? 0)) continue;
    if (bucket === PENDING && kept.length >= 2 * PENDING_LIMIT) {
      filing = pendingChanges(kept);
      writes.push(writeRow(tx, 'postings', bucket, row, undefined));
    } else {
      writes.push(writeRow(tx, 'postings', bucket, row, kept.length > 0 ? Uint32Array.from(kept) : undefined));
    }
  }
  for (const [site, touching] of bySite) {
    const row = sites.get(site);
    const ids = new Set(row?.i ?? []);
    const before = unpackText(row?.n);
    let name = before;
    for (const { id, remove } of touching) if (remove) ids.delete(id);
    for (const { id, remove, siteName } of touching) {
      if (remove) continue;
      ids.add(id);
      // The site's name is the one its first page gave: no later page renames it for the others
      // (on medium.com any author's page could call the site "Reuters").
      if (siteName && name === null) name = siteName;
    }
    const latest = Uint32Array.from([...ids].sort((a, b) => a - b).slice(-SITE_ROW));
    const same = row !== undefined && name === before && latest.length === row.i.length && latest.every((id, i) => id === row.i[i]);
    const updated: SiteRow | undefined = latest.length === 0 && name === null ? undefined : name === null ? { i: latest } : { i: latest, n: packText(name) };
    if (!same) writes.push(writeRow(tx, 'sites', site, row, updated));
  }
  // Filing reads the rows of the pending keys' buckets first: the commit waits for its writes.
  if (filing.length > 0) writes.push(post(tx, filing, { last }));
  else if (last) tx.commit();
  await Promise.all(writes);
}

/** The additions that file the postings of a PENDING row into their buckets. */
function pendingChanges(pairs: readonly number[]): PostingChange[] {
  const byId = new Map<number, number[]>();
  for (let i = 0; i + 1 < pairs.length; i += 2) listAt(byId, pairs[i + 1]!).push(pairs[i]!);
  return [...byId].map(([id, keys]) => ({ id, keys }));
}

function listAt<K, V>(map: Map<K, V[]>, key: K): V[] {
  let list = map.get(key);
  if (!list) map.set(key, (list = []));
  return list;
}

/**
 * Ids of the site's most recently added articles (at most SITE_ROW, which a row written when
 * SITE_ROW was larger may still exceed), newest first.
 */
export async function latestIds(tx: AnyTx, site: string): Promise<number[]> {
  const row = (await readRows(tx, 'sites', [site])).get(site);
  return row ? [...row.i].reverse().slice(0, SITE_ROW) : [];
}

/** The name each site gives itself (sites that give none are left out). */
export async function siteNames(tx: AnyTx): Promise<Map<string, string>> {
  const store = tx.objectStore('sites');
  const [sites, rows] = await Promise.all([store.getAllKeys(), store.getAll()]);
  const names = new Map<string, string>();
  sites.forEach((site, i) => {
    const name = unpackText(rows[i]?.n);
    if (name) names.set(site, name);
  });
  return names;
}

/** The postings of `keys`: for each key (in order), the ids of the articles holding it. */
export async function postings(tx: AnyTx, keys: readonly number[]): Promise<number[][]> {
  const rows = await readRows(tx, 'postings', [...new Set(keys.map(bucketOf)), PENDING]);
  const pending = rows.get(PENDING);
  return keys.map((key) => {
    const ids: number[] = [];
    for (const row of [rows.get(bucketOf(key)), pending]) {
      if (row) for (let i = 0; i + 1 < row.length; i += 2) if (row[i] === key >>> 0) ids.push(row[i + 1]!);
    }
    return ids;
  });
}

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
  await Promise.all([added, counted, post(tx, [{ id: record.id, keys: record.keys, site: record.site, siteName: record.siteName, pending: true }], options)]);
}

/** Replaces a stored record, and its postings when its keys are not `previousKeys`. */
export async function putArticle(tx: HistoryTx<'readwrite'>, record: ArticleRecord, previousKeys: readonly number[], options: WriteOptions = {}): Promise<void> {
  const { id, site, keys } = record;
  if (id === undefined) throw new TypeError('putArticle replaces a stored record, which has an id');
  const same = previousKeys.length === keys.length && previousKeys.every((k, i) => k === keys[i]);
  const put = tx.objectStore('articles').put(encode(record));
  if (same) {
    if (options.last) tx.commit();
    await put;
    return;
  }
  await Promise.all([put, post(tx, [{ id, keys: previousKeys, site, remove: true }, { id, keys, site, siteName: record.siteName, pending: true }], options)]);
}

/** Writes many records with their ids (a bulk load), their postings each bucket at once. */
export async function insertArticles(db: HistoryDB, records: readonly ArticleRecord[]): Promise<number> {
  const tx = db.transaction(STORES, 'readwrite');
  const store = tx.objectStore('articles');
  for (const record of records) void store.put(encode(record));
  await post(tx, records.map((r) => ({ id: r.id ?? 0, keys: r.keys, site: r.site, siteName: r.siteName })));
  await tx.done;
  return records.length;
}

/** Deletes the records with ids in `range`, with their postings. */
export async function deleteRange(db: HistoryDB, range: IDBKeyRange): Promise<number> {
  const tx = db.transaction(STORES, 'readwrite');
  const records = decodeAll(await tx.objectStore('articles').getAll(range));
  await tx.objectStore('articles').delete(range);
  await post(tx, records.map((r) => ({ id: r.id ?? 0, keys: r.keys, site: r.site, remove: true })));
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
    post(tx, [{ id, keys: record.keys, site: record.site, remove: true }]),
    ...(record.apart ?? []).map(async (other) => {
      const value = await store.get(other);
      if (value?.a?.includes(id)) await store.put({ ...value, a: value.a.filter((a) => a !== id) });
    }),
  ]);
}

/**
 * The stored values of a story's articles (at most about `limit`): those naming it, and its first
 * article, which names none.
 */
export async function storyValues(tx: AnyTx, story: number, limit?: number): Promise<unknown[]> {
  const [first, named] = await Promise.all([tx.objectStore('articles').get(story), namingStory(tx, story, limit)]);
  return first !== undefined && first.y === undefined ? [first, ...named] : named;
}

/** The stored values of the articles that name `story` (all of its articles but its first). */
export const namingStory = (tx: AnyTx, story: number, limit?: number): Promise<unknown[]> =>
  tx.objectStore('articles').index('story').getAll(story, limit);

/** Moves every article of story `from` into story `to`. */
export async function moveStory(tx: HistoryTx<'readwrite'>, from: number, to: number): Promise<void> {
  const store = tx.objectStore('articles');
  const first = await store.get(from);
  if (first !== undefined && first.y === undefined) await store.put({ ...first, y: to });
  let cursor = await store.index('story').openCursor(from);
  while (cursor) {
    await cursor.update({ ...cursor.value, y: to });
    cursor = await cursor.continue();
  }
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

type Migration = (db: IDBPDatabase<HistorySchema>, tx: VersionTx) => void | Promise<void>;

/** A record as versions 1 and 2 stored it. */
interface LegacyArticle {
  id: number; url: string; page: string; site: string; title: string; siteName: string | null;
  firstSeen: number; lastSeen: number; words: number; size: number; sketch: number[]; keys: number[];
  paragraphs: number[]; story: number; apart?: number[];
}

/** A version 1–2 record in the current form (null when damaged). */
export function fromLegacy(value: unknown): ArticleRecord | null {
  const r = value as Partial<LegacyArticle> | null;
  if (!r || typeof r.url !== 'string' || typeof r.page !== 'string' || typeof r.site !== 'string' || typeof r.title !== 'string'
    || !Array.isArray(r.sketch) || !Array.isArray(r.keys) || !Array.isArray(r.paragraphs)) return null;
  if (![r.id, r.firstSeen, r.lastSeen, r.words, r.size, r.story].every(whole)) return null;
  const record: ArticleRecord = {
    id: r.id, url: r.url, page: pageHash(r.page), host: hostOf(r.url), site: r.site, title: r.title,
    siteName: r.siteName ?? null, firstSeen: r.firstSeen!, lastSeen: r.lastSeen!, words: r.words!, size: r.size!,
    sketch: r.sketch.map(fold), threshold: sketchThreshold(r.sketch), keys: storedKeys(r.keys),
    paragraphs: r.paragraphs.map(foldParagraph), story: r.story!,
  };
  if (Array.isArray(r.apart)) record.apart = r.apart;
  return record;
}

type VersionTx = IDBPTransaction<HistorySchema, StoreNames<HistorySchema>[], 'versionchange'>;

/**
 * Rewrites, in an upgrade, every record `convert` can read, then applies the changes to the
 * postings and sites' rows it names. A record it cannot read (null) is left as it is: still
 * skipped, still counted by 'history/health'.
 */
async function rewriteRecords(tx: VersionTx, convert: (value: unknown, id: number) => { value: StoredArticle; change: PostingChange } | null): Promise<void> {
  const changes: PostingChange[] = [];
  let cursor = await tx.objectStore('articles').openCursor();
  while (cursor) {
    const rewritten = convert(cursor.value, cursor.primaryKey);
    if (rewritten) {
      await cursor.update(rewritten.value);
      changes.push(rewritten.change);
    }
    cursor = await cursor.continue();
  }
  await post(tx, changes);
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
    await rewriteRecords(tx, (value, id) => {
      const record = fromLegacy(value);
      if (!record) return null;
      // Schema 3 kept the site name in the record.
      const stored = encode(record);
      return {
        value: record.siteName === null ? stored : { ...stored, n: packText(record.siteName) },
        change: { id, keys: record.keys },
      };
    });
    articles.createIndex('page', 'p');
    articles.createIndex('story', 'y');
    (articles as unknown as IDBObjectStore).createIndex('site', 's');
    articles.createIndex('lastSeen', 'v');
  },
  // Each site's latest articles in a row of their own instead of an index entry per article; the
  // site and an article's own story no longer stored, text packed. Every record is rewritten.
  async (db, tx) => {
    db.createObjectStore('sites');
    const articles = tx.objectStore('articles');
    (articles as unknown as IDBObjectStore).deleteIndex('site');
    await rewriteRecords(tx, (value, id) => {
      const record = decode(value, id);
      return record && { value: encode(record), change: { id, keys: [], site: record.site, siteName: record.siteName } };
    });
  },
  // A counter of ids, so that a forgotten article's id is never given again. It starts at the
  // articles store's key generator, which every id ever written has moved past (a record put with
  // its own key moves it too): an id freed before this step is not given again either.
  async (db, tx) => {
    db.createObjectStore('counters');
    const articles = tx.objectStore('articles') as unknown as { add(value: object): Promise<number>; delete(key: number): Promise<void> };
    const generated = await articles.add({});
    await articles.delete(generated);
    await tx.objectStore('counters').put(generated, NEXT_ID);
  },
];

export const DB_VERSION = MIGRATIONS.length;

/**
 * Opens (and upgrades) the history. `onClose` hears that this connection is closed for good: its
 * owner must open the database again when it next needs it, or every later use fails.
 */
export async function openHistory(name = DB_NAME, version = DB_VERSION, onClose?: () => void): Promise<HistoryDB> {
  const db: HistoryDB = await openDB<HistorySchema>(name, version, {
    // eslint-disable-next-line @typescript-eslint/no-misused-promises -- idb ignores the promise upgrade returns; kept as it was
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
