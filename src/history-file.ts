/**
 * The export file: the reader's whole history as JSON with a schema version. `parseHistoryFile`
 * accepts a file or rejects it with a specific error; it never returns something half-valid.
 */
import type { ArticleRecord } from './platform/database.ts';

export const FILE_FORMAT = 'deja-lu-history';
export const FILE_VERSION = 1;
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
  if (file.version !== FILE_VERSION) fail(`unsupported version ${JSON.stringify(file.version)}: this version of Déjà Lu reads version ${FILE_VERSION}`);
  if (!Array.isArray(file.articles)) fail('"articles" must be a list');
  if (file.articles.length > MAX_ARTICLES) fail(`too many articles (${file.articles.length})`);
  const articles = file.articles.map((a, i) => article(a, i));
  return { format: FILE_FORMAT, version: FILE_VERSION, exportedAt: String(file.exportedAt ?? ''), articles };
}

function article(value: unknown, index: number): ArticleRecord {
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
  const hashes = (k: string, max: number) => {
    const v = a[k];
    if (!Array.isArray(v) || v.length > max || !v.every((h) => Number.isInteger(h) && h >= 0 && h <= 0xffffffff)) {
      fail(`${at}: "${k}" must be a list of at most ${max} 32-bit hashes`);
    }
    return v as number[];
  };
  const record: ArticleRecord = {
    id: count('id'), url: text('url'), page: text('page'), host: text('host', 253), site: text('site', 253),
    title: text('title'), siteName: optionalText('siteName'), byline: optionalText('byline'),
    published: optionalText('published'), lang: optionalText('lang'), firstSeen: count('firstSeen'),
    lastSeen: count('lastSeen'), words: count('words'), size: count('size'), sketch: hashes('sketch', 1_024),
    keys: hashes('keys', 1_024), paragraphs: hashes('paragraphs', 1_000), story: count('story'),
  };
  if (a.apart !== undefined) record.apart = hashes('apart', 10_000);
  if (!/^https?:\/\//i.test(record.url)) fail(`${at}: "url" must be an http(s) address`);
  if (record.lastSeen < record.firstSeen) fail(`${at}: "lastSeen" is before "firstSeen"`);
  return record;
}

/** Whether a stored value is a well-formed article (a damaged record is skipped, not trusted). */
export function isArticleRecord(value: unknown): value is ArticleRecord {
  try {
    article(value, 0);
    return true;
  } catch {
    return false;
  }
}

function fail(message: string): never {
  throw new HistoryFileError(message);
}
