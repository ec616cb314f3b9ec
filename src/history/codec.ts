/**
 * The stored form of the history, and the one place that reads or writes it. STORED_FIELDS names
 * every stored field once: its letter, the record field it holds and what it means; encode, decode,
 * the indexes (indexedFields) and the benchmark's byte model all follow it.
 */
import { fold, foldParagraph, hashString, hostOf, pageKey, siteOf, SKETCH_SIZE } from '../core/index.ts';
import { isWholeNumber, type ArticleRecord } from './records.ts';
import type { SiteRow, StoredArticle } from './stored.ts';

/** One stored field: its letter, the ArticleRecord field it holds (or the row's part), and how. */
export interface StoredField<Letter extends string = string> {
  store: 'articles' | 'sites' | 'links';
  letter: Letter;
  field: string;
  meaning: string;
  /** The name of the index on it. */
  index?: 'page' | 'story' | 'lastSeen';
}

export const STORED_FIELDS = [
  { store: 'articles', letter: 'id', field: 'id', meaning: 'the key: the article id, never given twice (counters.nextId)' },
  { store: 'articles', letter: 'u', field: 'url', meaning: 'the address, "https://" left off' },
  { store: 'articles', letter: 'p', field: 'page', meaning: 'page hash (pageHash of the page key)', index: 'page' },
  { store: 'articles', letter: 't', field: 'title', meaning: 'title (packText: a string, or UTF-8 bytes when shorter)' },
  { store: 'articles', letter: 'n', field: 'siteName', meaning: 'site name, schema 3 only: now in the site\'s row (sites.n)' },
  { store: 'articles', letter: 'f', field: 'firstSeen', meaning: 'first seen (absent: the same as last seen)' },
  { store: 'articles', letter: 'v', field: 'lastSeen', meaning: 'last seen', index: 'lastSeen' },
  { store: 'articles', letter: 'w', field: 'words', meaning: 'words' },
  { store: 'articles', letter: 'z', field: 'size', meaning: 'size: distinct shingles of the text' },
  {
    store: 'articles', letter: 'h', field: 'sketch',
    meaning: 'sketch folded to 16 bits (Uint16Array); when it holds SKETCH_SIZE + 1 values, the last is the high 16 bits of the threshold, whose low 16 bits are the last hash of the full sketch',
  },
  { store: 'articles', letter: 'm', field: 'threshold', meaning: 'threshold when h cannot carry it (absent: Infinity, or carried by h)' },
  { store: 'articles', letter: 'k', field: 'keys', meaning: 'look-up keys (Uint32Array)' },
  { store: 'articles', letter: 'g', field: 'paragraphs', meaning: 'paragraph hashes (Uint16Array; Uint32Array before schema 4)' },
  { store: 'articles', letter: 'y', field: 'story', meaning: 'story (absent: the article\'s own id, it began its story)', index: 'story' },
  { store: 'articles', letter: 'a', field: 'apart', meaning: 'ids kept apart from it ("Not the same story"; absent: none)' },
  { store: 'sites', letter: 'i', field: 'latest', meaning: 'ids of the site\'s SITE_ROW latest articles, ascending (Uint32Array)' },
  { store: 'sites', letter: 'n', field: 'siteName', meaning: 'the name the site\'s pages give it (packText)' },
  {
    store: 'links', letter: 'page hash', field: 'page', meaning: 'in the row of its high 8 bits, the page hash\'s low 32 bits, then the article id (Uint32Array pairs: links.ts)',
  },
  {
    store: 'links', letter: 'headline hash', field: 'title', meaning: 'headlineHash of the title, when not generic, then the article id, in the same rows (links.ts)',
  },
] as const satisfies readonly StoredField[];

// Every stored field is in the table: a field added to StoredArticle or SiteRow without its row fails here.
type Listed<S extends StoredField['store']> = Extract<(typeof STORED_FIELDS)[number], { store: S }>['letter'];
const everyFieldListed: [Exclude<keyof StoredArticle, Listed<'articles'>>, Exclude<keyof SiteRow, Listed<'sites'>>] extends [never, never] ? true : never = true;
void everyFieldListed;

/** The indexes of the articles store: name and the letter it indexes. */
export const indexedFields = (): { name: NonNullable<StoredField['index']>; letter: string }[] =>
  STORED_FIELDS.flatMap((f: StoredField) => (f.index ? [{ name: f.index, letter: f.letter }] : []));

/** The letter an index reads. */
export const letterOf = (index: NonNullable<StoredField['index']>): string => indexedFields().find((f) => f.name === index)!.letter;

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
    || !(r.k instanceof Uint32Array) || !(r.g instanceof Uint16Array || r.g instanceof Uint32Array) || !isWholeNumber(r.p) || !isWholeNumber(r.f ?? r.v)
    || !isWholeNumber(r.v) || !isWholeNumber(r.w) || !isWholeNumber(r.z) || !isWholeNumber(ownId) || !isWholeNumber(r.y ?? ownId)
    || (r.m !== undefined && typeof r.m !== 'number')) return null;
  const url = /^https?:\/\//i.test(r.u) ? r.u : `https://${r.u}`;
  const record: ArticleRecord = {
    id: ownId, url, page: r.p, host: hostOf(url), site: siteOf(url), title, siteName,
    firstSeen: r.f ?? r.v, lastSeen: r.v, words: r.w, size: r.z, ...sketchOf(r.h, r.m),
    keys: [...r.k], paragraphs: Array.from(r.g, foldParagraph), story: r.y ?? ownId,
  };
  if (Array.isArray(r.a) && r.a.every(isWholeNumber)) record.apart = r.a;
  return record;
}

/** Decoded records, damaged ones left out. */
export const decodeAll = (values: readonly unknown[]): ArticleRecord[] =>
  values.map((v) => decode(v)).filter((r): r is ArticleRecord => r !== null);

/** The id a stored value names, damaged or not (null: none). */
export const storedId = (value: unknown): number | null =>
  typeof (value as { id?: unknown } | null)?.id === 'number' ? (value as { id: number }).id : null;

/** A stored sketch and its threshold (see STORED_FIELDS, h and m). */
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

/** A stored value moved into `story`, the rest as it is (fields it cannot read are kept). */
export const inStory = (stored: StoredArticle, story: number): StoredArticle => ({ ...stored, y: story });

/** Whether a stored value is the first article of its story (it names no other). */
export const beginsStory = (stored: StoredArticle): boolean => stored.y === undefined;

/** A stored value without `id` among those kept apart from it; null when it had none to drop. */
export function withoutApart(stored: StoredArticle, id: number): StoredArticle | null {
  return stored.a?.includes(id) ? { ...stored, a: stored.a.filter((a) => a !== id) } : null;
}

/** A site's row as stored: its latest ids and its name (null: none). */
export const encodeSiteRow = (latest: Uint32Array, name: string | null): SiteRow => (name === null ? { i: latest } : { i: latest, n: packText(name) });

/**
 * A site's row read: its latest ids, ascending, and its name (null: none, or unreadable). A damaged
 * row (a bad write, a disk error) reads as no latest ids, so that the site's pages are still looked
 * up and recorded, and the next record writes the row anew.
 */
export function decodeSiteRow(row: unknown): { latest: Uint32Array | number[]; name: string | null } {
  const fields = typeof row === 'object' && row !== null ? (row as Partial<Record<keyof SiteRow, unknown>>) : {};
  const latest = fields.i instanceof Uint32Array || (Array.isArray(fields.i) && fields.i.every(isWholeNumber)) ? fields.i : [];
  return { latest, name: unpackText(fields.n) };
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
function unpackText(value: unknown): string | null {
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
