// @ts-check
/**
 * Where a stored article's bytes go, modelled from real stored records (a sample read back from
 * the extension's database) with the rules Chromium's IndexedDB follows on LevelDB
 * (content/browser/indexed_db/indexed_db_leveldb_coding.cc), to split the measured figure:
 *   - the record: one row keyed by (prefix, primary key) holding the value serialised by V8's
 *     ValueSerializer (what node:v8 serialize() writes, plus Blink's envelope), and one
 *     "exists" row per record;
 *   - each index entry: one row keyed by (prefix, index key, sequence, primary key) holding
 *     (version, primary key); a multiEntry index has one row per distinct array element;
 *   - IDB keys: a number is 1 + 8 bytes, a string 1 + varint length + 2 bytes per UTF-16 unit;
 *   - LevelDB: an 8-byte sequence/type trailer and ~3 bytes of lengths per row, before the
 *     block compression (Snappy) and key prefix sharing that make the disk figure smaller.
 * The sites' rows (one per site, shared by its articles) are left out. The measured bytes on disk
 * stay the figure that counts; this says which part is which, and what a change of schema would save.
 */
import { serialize } from 'node:v8';

/**
 * A stored record as the benchmark page sends it: its typed arrays as lists.
 * @typedef {Omit<import('../../../src/history/stored.ts').StoredArticle, 'h' | 'k' | 'g' | 't'> & { h: number[], k: number[], g: number[], t: string | number[] }} SentRecord
 */

/** Postings buckets (src/history/postings.ts BUCKETS). */
const BUCKETS = 2 ** 16;

const PREFIX = 4; // database, object store and index ids, small, with their header byte
const PRIMARY = 9; // the id: a number key
const ROW = 8 + 3; // LevelDB internal key trailer + lengths
const ENVELOPE = 16; // Blink's SerializedScriptValue header and trailer around V8's bytes
const VERSION = 2; // varint record version

/** @param {number} n */
const varint = (n) => (n < 0x80 ? 1 : n < 0x4000 ? 2 : n < 0x200000 ? 3 : 4);
/** @param {unknown} key */
const keyBytes = (key) => (typeof key === 'number' ? 9 : 1 + varint(String(key).length) + 2 * String(key).length);
/** @param {unknown} key */
const indexRow = (key) => ROW + PREFIX + keyBytes(key) + 1 + PRIMARY + VERSION + PRIMARY;

/** The stored value's fields grouped as the breakdown names them. */
const GROUPS = { sketch: ['h', 'm'], paragraphs: ['g'], keys: ['k'] };

/**
 * Mean modelled bytes per article, by part, for the stored layout (src/history/codec.ts): the record row
 * (its value by field group), its index rows, and its postings in a history of `articles`.
 * @param {SentRecord[]} records
 * @param {number} articles
 * @returns {Record<string, number>}
 */
export function modelBytes(records, articles) {
  /** @type {Record<string, number>} */
  const parts = {};
  const add = (/** @type {string} */ k, /** @type {number} */ v) => void (parts[k] = (parts[k] ?? 0) + v);
  const meanKeys = records.reduce((sum, r) => sum + r.k.length, 0) / records.length;
  const perRow = Math.max(1, (articles * meanKeys) / BUCKETS);
  const postingRow = ROW + PREFIX + 9 + VERSION + ENVELOPE + serialize(new Uint32Array(0)).length;
  for (const r of records) {
    /** @type {Record<string, unknown>} */
    const value = { ...r, t: typeof r.t === 'string' ? r.t : Uint8Array.from(r.t), h: Uint16Array.from(r.h), k: Uint32Array.from(r.k), g: Uint16Array.from(r.g) };
    const whole = serialize(value).length + ENVELOPE;
    let rest = whole;
    for (const [label, fields] of Object.entries(GROUPS)) {
      const without = { ...value };
      for (const f of fields) delete without[f];
      const cost = whole - serialize(without).length - ENVELOPE;
      add(`record: ${label}`, cost);
      rest -= cost;
    }
    add('record: text fields, numbers, names', rest);
    add('record: its row key and the exists row', 2 * (ROW + PREFIX + PRIMARY + VERSION));
    // An index has an entry only for a record holding its key (the story index: none for an article heading its story).
    for (const name of ['p', 'y', 'v']) add(`index: ${{ p: 'page', y: 'story', v: 'lastSeen' }[name]}`, value[name] === undefined ? 0 : indexRow(value[name]));
    add('postings: 8 B per key, a share of its bucket row', new Set(r.k).size * (8 + postingRow / perRow));
  }
  for (const k of Object.keys(parts)) parts[k] = /** @type {number} */ (parts[k]) / records.length;
  return parts;
}

/** @param {Record<string, number>} parts */
export const total = (parts) => Object.values(parts).reduce((a, b) => a + b, 0);
