/**
 * Bytes per stored article, estimated from the records:
 *   value    the record as stored (encode()), as V8's ValueSerializer writes it (node:v8
 *            serialize: Chromium stores IndexedDB values with the same serializer);
 *   entries  one entry in the object store (primary key) and one per index entry (index key +
 *            primary key), with keys sized as Chromium's IndexedDB key encoding writes them: a
 *            number is a type byte and a float64 (9 bytes), a string a type byte, a varint length
 *            and UTF-16 (2 bytes a char);
 *   postings 8 bytes per look-up key (the key and the article's id in its bucket's packed row),
 *            plus the row's key and header shared among the postings of a bucket at the history
 *            size given;
 *   links    8 bytes per links entry (the article's page hash and its headline's hash, when it
 *            has one, in their buckets' packed rows: links.ts), plus the rows' shared cost.
 * LevelDB's own prefixes, sequence numbers, block overhead and compression are not counted.
 */
import { serialize } from 'node:v8';
import { encode } from '../history/codec.ts';
import { LINK_BUCKETS, linkHashes } from '../history/links.ts';
import { BUCKETS } from '../history/postings.ts';
import type { ArticleRecord } from '../history/records.ts';

/** A record in its stored form, as the codec writes it. */
type StoredArticle = ReturnType<typeof encode>;

export interface IndexSpec {
  name: string;
  keyPath: string;
  multiEntry: boolean;
}

export interface RecordBytes {
  value: number;
  primary: number;
  indexes: Record<string, number>;
  total: number;
  /** Bytes each field adds to the serialized value (its name, its tag and its contents). */
  fields: Record<string, number>;
  /**
   * Extra bytes in Chromium, where V8's small integers are 31-bit (pointer compression) rather
   * than Node's 32-bit: an array holding any integer in [2^30, 2^31) is stored as doubles there.
   */
  chromiumSmiExtra: number;
}

/**
 * A stored article's bytes, its postings included, in a history of `articles` articles; `siteShare`:
 * its share of the sites' rows (their bytes over the history's articles).
 */
export function storedBytes(record: ArticleRecord, indexes: readonly IndexSpec[], articles: number, meanKeys: number, siteShare = 0): RecordBytes {
  const bytes = recordBytes(encode(record) as unknown as Record<string, unknown>, 'id', indexes);
  const postingsPerRow = Math.max(1, (articles * meanKeys) / BUCKETS);
  const rowOverhead = idbKeyBytes(0) + serialize(new Uint32Array(0)).length;
  const postings = new Set(record.keys).size * (8 + rowOverhead / postingsPerRow);
  // About 2 entries an article (page and headline): rows of LINK_BUCKETS share their overhead.
  const links = linkHashes(record).length * (8 + rowOverhead / Math.max(1, (articles * 2) / LINK_BUCKETS));
  return { ...bytes, indexes: { ...bytes.indexes, postings, links, sites: siteShare }, total: bytes.total + postings + links + siteShare };
}

/** Bytes of a row of the sites store: its key (the site, as an IndexedDB key) and its value. */
export const siteRowBytes = (site: string, row: unknown): number => idbKeyBytes(site) + serialize(row).length;

export function recordBytes(record: Record<string, unknown>, primaryKeyPath: string, indexes: readonly IndexSpec[]): RecordBytes {
  const value = record;
  const valueBytes = serialize(value).length;
  const primaryKey = value[primaryKeyPath];
  const pkBytes = idbKeyBytes(primaryKey);
  const perIndex: Record<string, number> = {};
  for (const index of indexes) {
    let bytes = 0;
    for (const key of indexKeys(value[index.keyPath], index.multiEntry)) bytes += idbKeyBytes(key) + pkBytes;
    perIndex[index.name] = bytes;
  }
  const fields: Record<string, number> = {};
  let chromiumSmiExtra = 0;
  for (const name of Object.keys(value)) {
    const { [name]: field, ...rest } = value;
    fields[name] = valueBytes - serialize(rest).length;
    if (Array.isArray(field)) chromiumSmiExtra += smi31Extra(field);
  }
  const indexTotal = Object.values(perIndex).reduce((a, b) => a + b, 0);
  return {
    value: valueBytes,
    primary: pkBytes,
    indexes: perIndex,
    total: valueBytes + pkBytes + indexTotal,
    fields,
    chromiumSmiExtra,
  };
}

/** The keys an index holds for a value at its key path: none when it is not a valid key. */
export function indexKeys(value: unknown, multiEntry: boolean): unknown[] {
  if (multiEntry && Array.isArray(value)) {
    const seen = new Set<unknown>();
    for (const item of value) if (isValidKey(item) && !Array.isArray(item)) seen.add(item);
    return [...seen];
  }
  return isValidKey(value) ? [value] : [];
}

function isValidKey(value: unknown): boolean {
  if (typeof value === 'number') return !Number.isNaN(value);
  if (typeof value === 'string' || value instanceof Date) return true;
  if (Array.isArray(value)) return value.every(isValidKey);
  return value instanceof ArrayBuffer || ArrayBuffer.isView(value);
}

/** Size of a key in Chromium's IndexedDB key encoding. */
export function idbKeyBytes(key: unknown): number {
  if (typeof key === 'number' || key instanceof Date) return 9;
  if (typeof key === 'string') return 1 + varintBytes(key.length) + 2 * key.length;
  if (Array.isArray(key)) return 1 + varintBytes(key.length) + key.reduce((sum: number, k) => sum + idbKeyBytes(k), 0);
  if (key instanceof ArrayBuffer || ArrayBuffer.isView(key)) return 1 + varintBytes(key.byteLength) + key.byteLength;
  return 0;
}

export function varintBytes(n: number): number {
  let bytes = 1;
  for (let x = Math.floor(n / 128); x > 0; x = Math.floor(x / 128)) bytes++;
  return bytes;
}

/** V8 writes a small integer as a tag and a zig-zag varint. */
export function smiBytes(n: number): number {
  return 1 + varintBytes(n >= 0 ? 2 * n : -2 * n - 1);
}

const NODE_SMI = 2 ** 31;
const CHROMIUM_SMI = 2 ** 30;

/**
 * For an integer array that Node holds as small integers but Chromium (31-bit Smis) would hold as
 * doubles: the 9 bytes a double takes per element minus what Node wrote. 0 otherwise.
 */
export function smi31Extra(values: readonly unknown[]): number {
  let nodeBytes = 0;
  let beyondChromium = false;
  for (const v of values) {
    if (typeof v !== 'number' || !Number.isInteger(v) || v < -NODE_SMI || v >= NODE_SMI) return 0;
    if (v < -CHROMIUM_SMI || v >= CHROMIUM_SMI) beyondChromium = true;
    nodeBytes += smiBytes(v);
  }
  return beyondChromium ? 9 * values.length - nodeBytes : 0;
}

/**
 * A stored record as the benchmark page sends it back from the browser: its typed arrays as lists
 * (typed arrays do not cross the DevTools protocol).
 */
export type SentRecord = Omit<StoredArticle, 'h' | 'k' | 'g' | 't'> & { h: number[]; k: number[]; g: number[]; t: string | number[] };

/**
 * Where a stored article's bytes go in Chromium, modelled from real stored records (a sample read
 * back from the extension's database) with the rules its IndexedDB follows on LevelDB
 * (content/browser/indexed_db/indexed_db_leveldb_coding.cc), to split the figure measured on disk:
 *   - the record: one row keyed by (prefix, primary key) holding the value serialised by V8's
 *     ValueSerializer plus Blink's envelope, and one "exists" row per record;
 *   - each index entry: one row keyed by (prefix, index key, sequence, primary key) holding
 *     (version, primary key); keys sized as idbKeyBytes does;
 *   - LevelDB: an 8-byte sequence/type trailer and ~3 bytes of lengths per row, before the block
 *     compression (Snappy) and key prefix sharing that make the disk figure smaller.
 * The sites' rows are left out. The bytes measured on disk stay the figure that counts.
 */
const LEVELDB = {
  /** database, object store and index ids, small, with their header byte */
  prefix: 4,
  /** the id: a number key */
  primary: 9,
  /** LevelDB internal key trailer + lengths */
  row: 8 + 3,
  /** Blink's SerializedScriptValue header and trailer around V8's bytes */
  envelope: 16,
  /** varint record version */
  version: 2,
};

const indexRow = (key: unknown) =>
  LEVELDB.row + LEVELDB.prefix + idbKeyBytes(key) + 1 + LEVELDB.primary + LEVELDB.version + LEVELDB.primary;

/** The stored value's fields grouped as the breakdown names them. */
const GROUPS = { sketch: ['h', 'm'], paragraphs: ['g'], keys: ['k'] } as const;
const INDEXES = { p: 'page', y: 'story', v: 'lastSeen' } as const;

/** Mean modelled bytes per article, by part, in a history of `articles` articles. */
export function modelBytes(records: readonly SentRecord[], articles: number): Record<string, number> {
  const parts: Record<string, number> = {};
  const add = (k: string, v: number) => void (parts[k] = (parts[k] ?? 0) + v);
  const meanKeys = records.reduce((sum, r) => sum + r.k.length, 0) / records.length;
  const perRow = Math.max(1, (articles * meanKeys) / BUCKETS);
  const postingRow = LEVELDB.row + LEVELDB.prefix + 9 + LEVELDB.version + LEVELDB.envelope + serialize(new Uint32Array(0)).length;
  for (const r of records) {
    const value: Record<string, unknown> = {
      ...r, t: typeof r.t === 'string' ? r.t : Uint8Array.from(r.t), h: Uint16Array.from(r.h), k: Uint32Array.from(r.k), g: Uint16Array.from(r.g),
    };
    const whole = serialize(value).length + LEVELDB.envelope;
    let rest = whole;
    for (const [label, fields] of Object.entries(GROUPS)) {
      const without = { ...value };
      for (const f of fields) delete without[f];
      const cost = whole - serialize(without).length - LEVELDB.envelope;
      add(`record: ${label}`, cost);
      rest -= cost;
    }
    add('record: text fields, numbers, names', rest);
    add('record: its row key and the exists row', 2 * (LEVELDB.row + LEVELDB.prefix + LEVELDB.primary + LEVELDB.version));
    // An index has an entry only for a record holding its key (the story index: none for an article heading its story).
    for (const [field, name] of Object.entries(INDEXES)) add(`index: ${name}`, value[field] === undefined ? 0 : indexRow(value[field]));
    add('postings: 8 B per key, a share of its bucket row', new Set(r.k).size * (8 + postingRow / perRow));
  }
  for (const k of Object.keys(parts)) parts[k] = parts[k]! / records.length;
  return parts;
}

export const totalBytes = (parts: Record<string, number>): number => Object.values(parts).reduce((a, b) => a + b, 0);
