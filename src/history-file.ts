/**
 * The export file: the reader's whole history as JSON with a schema version. `parseHistoryFile`
 * accepts a file or rejects it with a specific error; it never returns something half-valid.
 */
import { foldParagraph, hostOf, PARAGRAPH_BITS, siteOf } from './core/index.ts';
import { pageHashOf } from './history/codec.ts';
import { fromLegacy } from './history/legacy.ts';
import type { ArticleRecord } from './history/records.ts';

export const FILE_FORMAT = 'deja-lu-history';
/**
 * Version 2: page keys hashed, sketches folded to 16 bits (as stored since schema 3). Version 3:
 * paragraph hashes of 16 bits (schema 4). Versions 1 and 2 are still read.
 */
export const FILE_VERSION = 3;
const MAX_ARTICLES = 1_000_000;

export interface HistoryFile {
  format: typeof FILE_FORMAT;
  version: typeof FILE_VERSION;
  exportedAt: string;
  articles: ArticleRecord[];
}

export function historyFile(articles: ArticleRecord[], now: number): HistoryFile {
  return { format: FILE_FORMAT, version: FILE_VERSION, exportedAt: new Date(now).toISOString(), articles };
}

export class HistoryFileError extends Error {}

export function parseHistoryFile(data: unknown): HistoryFile {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) fail('not a Déjà Lu history file (expected a JSON object)');
  const file = data as Record<string, unknown>;
  if (file.format !== FILE_FORMAT) fail(`not a Déjà Lu history file (format is ${JSON.stringify(file.format) ?? 'missing'})`);
  if (file.version !== FILE_VERSION && file.version !== 1 && file.version !== 2) fail(`unsupported version ${JSON.stringify(file.version)}: this version of Déjà Lu reads versions 1 to ${FILE_VERSION}`);
  if (!Array.isArray(file.articles)) fail('"articles" must be a list');
  if (file.articles.length > MAX_ARTICLES) fail(`too many articles (${file.articles.length})`);
  const articles = file.articles.map((a, i) => (file.version === 1 ? legacyArticle(a, i) : article(a, i, file.version === 2 ? 32 : PARAGRAPH_BITS)));
  // eslint-disable-next-line @typescript-eslint/no-base-to-string -- exportedAt is informative: kept as String() made it
  return { format: FILE_FORMAT, version: FILE_VERSION, exportedAt: String(file.exportedAt ?? ''), articles };
}

/** An article of a file; `paragraphBits`: the size of its paragraph hashes (32 before version 3). */
function article(value: unknown, index: number, paragraphBits = PARAGRAPH_BITS): ArticleRecord {
  const at = `article ${index + 1}`;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) fail(`${at}: expected an object`);
  const a = value as Record<string, unknown>;
  const text = (k: string, max = 4_096) => {
    const v = a[k];
    if (typeof v !== 'string' || v.length > max) fail(`${at}: "${k}" must be text of at most ${max} characters`);
    return v;
  };
  const optionalText = (k: string) => (a[k] === null || a[k] === undefined ? null : text(k));
  const count = (k: string) => {
    const v = a[k];
    if (!Number.isSafeInteger(v) || (v as number) < 0) fail(`${at}: "${k}" must be a whole number`);
    return v as number;
  };
  const hashes = (k: string, max: number, bits = 32) => {
    const v = a[k];
    if (!Array.isArray(v) || v.length > max || !v.every((h) => Number.isInteger(h) && h >= 0 && h < 2 ** bits)) {
      fail(`${at}: "${k}" must be a list of at most ${max} ${bits}-bit hashes`);
    }
    return v as number[];
  };
  const url = text('url');
  if (!/^https?:\/\//i.test(url) || !parses(url)) fail(`${at}: "url" must be an http(s) address`);
  // The page, host and site are the URL's, as recording makes them: what a file says of them is not
  // trusted (a site given by the file would put the article's id and name in another site's row).
  const record: ArticleRecord = {
    id: count('id'), url, page: pageHashOf(url), host: hostOf(url), site: siteOf(url),
    title: text('title'), siteName: optionalText('siteName'), firstSeen: count('firstSeen'),
    lastSeen: count('lastSeen'), words: count('words'), size: count('size'), sketch: hashes('sketch', 1_024, 16),
    threshold: Infinity, keys: hashes('keys', 1_024), paragraphs: hashes('paragraphs', 1_000, paragraphBits).map(foldParagraph), story: count('story'),
  };
  if (a.apart !== undefined) record.apart = hashes('apart', 10_000, 53);
  if (a.threshold !== null) {
    const v = a.threshold;
    if (!Number.isInteger(v) || (v as number) < 0 || (v as number) > 0xffffffff) fail(`${at}: "threshold" must be a 32-bit hash or null`);
    record.threshold = v as number;
  }
  if (record.lastSeen < record.firstSeen) fail(`${at}: "lastSeen" is before "firstSeen"`);
  return record;
}

/**
 * An article of a version 1 file: brought to today's form, then checked as any other. The hashes
 * that conversion folds are checked first: folded, `["x", {}, null]` would pass as `[0, 0, 0]`.
 */
function legacyArticle(value: unknown, index: number): ArticleRecord {
  const v = value as { sketch?: unknown; paragraphs?: unknown } | null;
  const is32 = (h: unknown) => Number.isInteger(h) && (h as number) >= 0 && (h as number) <= 0xffffffff;
  const hashes = (list: unknown) => Array.isArray(list) && list.every(is32);
  const record = hashes(v?.sketch) && hashes(v?.paragraphs) ? fromLegacy(value) : null;
  if (!record) fail(`article ${index + 1}: not an article as version 1 wrote it`);
  return article({ ...record, threshold: Number.isFinite(record.threshold) ? record.threshold : null }, index, 32);
}

function fail(message: string): never {
  throw new HistoryFileError(message);
}

function parses(url: string): boolean {
  try {
    new URL(url);
    return true;
  } catch {
    return false;
  }
}
