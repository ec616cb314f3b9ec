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
 * The measured bytes on disk stay the figure that counts; this says which part is which, and
 * what a change of schema would save.
 */
import { serialize } from 'node:v8';

/** @typedef {import('../../../src/platform/database.ts').ArticleRecord} ArticleRecord */

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

/**
 * @typedef {object} Layout
 * @property {(r: ArticleRecord) => unknown} value  the value as stored
 * @property {(r: ArticleRecord) => Record<string, unknown[]>} indexes  each index's keys for the record
 */

/** @type {Layout} */
const SHIPPED = {
  value: (r) => r,
  indexes: (r) => ({ page: [r.page], story: [r.story], site: [r.site], keys: [...new Set(r.keys)], lastSeen: [r.lastSeen] }),
};

/**
 * Serialised size of a value whose hash arrays may be packed: arrays of numbers are measured as
 * V8 writes them; `packed` arrays as a Uint32Array (an ArrayBuffer of 4 bytes per hash, ~10 bytes of tags).
 * @param {Record<string, unknown>} value
 * @param {string[]} packed
 */
function valueBytes(value, packed = []) {
  const rest = { ...value };
  let extra = 0;
  for (const field of packed) {
    const list = /** @type {number[]} */ (rest[field] ?? []);
    extra += 10 + 4 * list.length;
    rest[field] = 0;
  }
  return serialize(rest).length + extra + ENVELOPE;
}

/**
 * Mean modelled bytes per article, by part. `arrays` names the value's hash arrays (label →
 * field); each costs what the value loses without it, the rest of the value is its other fields.
 * @param {ArticleRecord[]} records
 * @param {{ value?: (r: ArticleRecord) => Record<string, unknown>, packed?: string[], indexes?: Layout['indexes'], arrays?: Record<string, string> }} [layout]
 * @returns {Record<string, number>}
 */
export function modelBytes(records, layout = {}) {
  const toValue = layout.value ?? ((r) => /** @type {Record<string, unknown>} */ (/** @type {unknown} */ (r)));
  const indexes = layout.indexes ?? SHIPPED.indexes;
  const packed = layout.packed ?? [];
  const arrays = layout.arrays ?? { sketch: 'sketch', keys: 'keys', paragraphs: 'paragraphs' };
  /** @type {Record<string, number>} */
  const parts = {};
  const add = (/** @type {string} */ k, /** @type {number} */ v) => void (parts[k] = (parts[k] ?? 0) + v);
  for (const r of records) {
    const value = toValue(r);
    const whole = valueBytes(value, packed);
    let rest = whole;
    for (const [label, field] of Object.entries(arrays)) {
      if (!(field in value)) continue;
      const without = { ...value };
      delete without[field];
      const cost = whole - valueBytes(without, packed.filter((f) => f !== field));
      add(`record: ${label}`, cost);
      rest -= cost;
    }
    add('record: text fields, numbers, names', rest);
    add('record: its row key and the exists row', 2 * (ROW + PREFIX + PRIMARY + VERSION));
    for (const [name, keys] of Object.entries(indexes(r))) {
      for (const key of keys) add(`index: ${name}`, indexRow(key));
    }
  }
  for (const k of Object.keys(parts)) parts[k] = /** @type {number} */ (parts[k]) / records.length;
  return parts;
}

/** @param {Record<string, number>} parts */
export const total = (parts) => Object.values(parts).reduce((a, b) => a + b, 0);

/**
 * The shipped layout and what some changes would save, each as modelled raw bytes per article.
 * @param {ArticleRecord[]} records
 */
export function bytesBreakdown(records) {
  const shipped = modelBytes(records);
  const pageHash = (/** @type {ArticleRecord} */ r) => ({ page: [0], story: [r.story], site: [r.site], keys: [...new Set(r.keys)], lastSeen: [r.lastSeen] });
  const fewerKeys = (/** @type {number} */ n) => (/** @type {ArticleRecord} */ r) => ({ ...pageHash(r), keys: [...new Set(r.keys.slice(0, n))] });
  /** @type {(r: ArticleRecord) => Record<string, unknown>} */
  const noPageString = (r) => ({ ...r, page: 0 });
  const variants = [
    { name: 'as shipped', parts: shipped },
    { name: 'sketch + paragraphs packed (Uint32Array)', parts: modelBytes(records, { packed: ['sketch', 'paragraphs'] }) },
    { name: '+ page key stored as a 32-bit hash', parts: modelBytes(records, { packed: ['sketch', 'paragraphs'], value: noPageString, indexes: pageHash }) },
    { name: '+ 12 look-up keys instead of 24', parts: modelBytes(records, { packed: ['sketch', 'paragraphs'], value: (r) => ({ ...noPageString(r), keys: r.keys.slice(0, 12) }), indexes: fewerKeys(12) }) },
    { name: '+ 8 look-up keys, 32-hash sketch', parts: modelBytes(records, { packed: ['sketch', 'paragraphs'], value: (r) => ({ ...noPageString(r), keys: r.keys.slice(0, 8), sketch: r.sketch.slice(0, 32) }), indexes: fewerKeys(8) }) },
    {
      name: '+ one-letter field names, no page/host strings in the record',
      parts: modelBytes(records, {
        packed: ['h', 'g'],
        value: (r) => ({
          i: r.id, u: r.url, p: 0, s: r.site, t: r.title, n: r.siteName, b: r.byline, d: r.published, l: r.lang,
          f: r.firstSeen, v: r.lastSeen, w: r.words, z: r.size, h: r.sketch.slice(0, 32), k: r.keys.slice(0, 8), g: r.paragraphs, y: r.story,
        }),
        indexes: fewerKeys(8),
        arrays: { sketch: 'h', keys: 'k', paragraphs: 'g' },
      }),
    },
    {
      // A store of postings (key → packed ids of its articles, appended to on record) instead of
      // the multiEntry index: ~4 bytes per key and article, the row overhead shared by many.
      name: '+ look-up keys in a packed postings store instead of the keys index',
      parts: {
        ...modelBytes(records, {
          packed: ['h', 'g'],
          value: (r) => ({
            i: r.id, u: r.url, p: 0, s: r.site, t: r.title, n: r.siteName, b: r.byline, d: r.published, l: r.lang,
            f: r.firstSeen, v: r.lastSeen, w: r.words, z: r.size, h: r.sketch.slice(0, 32), k: r.keys.slice(0, 8), g: r.paragraphs, y: r.story,
          }),
          indexes: (r) => ({ ...fewerKeys(8)(r), keys: [] }),
          arrays: { sketch: 'h', keys: 'k', paragraphs: 'g' },
        }),
        postings: records.reduce((sum, r) => sum + 4 * new Set(r.keys.slice(0, 8)).size, 0) / records.length,
      },
    },
  ];
  return { shipped, variants: variants.map((v) => ({ name: v.name, raw: total(v.parts) })) };
}
