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
 *            size given.
 * LevelDB's own prefixes, sequence numbers, block overhead and compression are not counted.
 */
import { serialize } from 'node:v8';
import { encode } from '../history/codec.ts';
import { BUCKETS } from '../history/postings.ts';
import type { ArticleRecord } from '../history/records.ts';

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
  return { ...bytes, indexes: { ...bytes.indexes, postings, sites: siteShare }, total: bytes.total + postings + siteShare };
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
