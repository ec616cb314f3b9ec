/**
 * The receiving side's checks on the protocol (src/protocol.ts): is a message ours, where may it
 * come from, and is its request well formed. The router (router.ts) runs them before any handler.
 */
import { LINK_BATCH, type Direction, type Envelope, type MessageType, type Request } from '../protocol.ts';

/** Upper bounds on what a content script may send: far above any real article, far below harm. */
export const LIMITS = { text: 2_048, url: 4_096, hashes: 40_000, keys: 2_000, paragraphs: 1_000, links: LINK_BATCH.links, linkText: LINK_BATCH.text } as const;

/**
 * Each message's direction, from the protocol's grouping: a message added to the protocol but not
 * here, or put here under the other direction, fails to compile.
 */
export const DIRECTIONS = {
  'page/check': 'content',
  'page/record': 'content',
  'links/read': 'content',
  'tab/verdict': 'page',
  'history/stories': 'page',
  'article/forget': 'page',
  'article/unlink': 'page',
  'story/delete': 'page',
  'history/export': 'page',
  'history/import': 'page',
  'history/clear': 'page',
  'history/health': 'page',
} as const satisfies { [T in MessageType]: Direction<T> };

const TYPES = Object.keys(DIRECTIONS) as readonly string[];

export function isEnvelope(value: unknown): value is Envelope {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return v.app === 'deja-lu' && TYPES.includes(v.type as string);
}

/** Checks a request's shape and sizes; throws a specific error naming the first bad field. */
export function validateRequest<T extends MessageType>(type: T, payload: unknown): Request<T> {
  const p = record(payload, 'payload');
  switch (type) {
    case 'page/check':
    case 'page/record':
      if (p.article === false) {
        string(p.url, 'url', LIMITS.url);
        string(p.reason, 'reason', LIMITS.text);
      } else {
        if (p.article !== true) throw new Error('article: expected true or false');
        string(p.url, 'url', LIMITS.url);
        for (const f of ['canonical', 'siteName', 'byline', 'published', 'lang'] as const) {
          if (p[f] !== null) string(p[f], f, f === 'canonical' ? LIMITS.url : LIMITS.text);
        }
        string(p.title, 'title', LIMITS.text);
        count(p.words, 'words');
        hashes(p.hashes, 'hashes', LIMITS.hashes);
        hashes(p.sketch, 'sketch', LIMITS.hashes);
        hashes(p.keys, 'keys', LIMITS.keys);
        hashes(p.paragraphs, 'paragraphs', LIMITS.paragraphs);
        if (p.stamps !== undefined) hashes(p.stamps, 'stamps', LIMITS.paragraphs);
      }
      break;
    case 'links/read': {
      string(p.page, 'page', LIMITS.url);
      string(p.base, 'base', LIMITS.url);
      strings(p.hrefs, 'hrefs', LINK_BATCH.href);
      strings(p.texts, 'texts', LIMITS.linkText);
      if ((p.hrefs as string[]).length !== (p.texts as string[]).length) throw new Error('hrefs and texts: expected as many of each');
      break;
    }
    case 'tab/verdict':
      count(p.tabId, 'tabId');
      break;
    case 'history/stories':
      string(p.query, 'query', LIMITS.text);
      if (typeof p.multiSite !== 'boolean') throw new Error('multiSite: expected true or false');
      if (p.before !== null) count(p.before, 'before');
      count(p.limit, 'limit');
      break;
    case 'article/forget':
      count(p.id, 'id');
      string(p.url, 'url', LIMITS.url);
      break;
    case 'article/unlink':
      count(p.id, 'id');
      string(p.url, 'url', LIMITS.url);
      if (p.tabId !== undefined) count(p.tabId, 'tabId');
      break;
    case 'story/delete':
      count(p.story, 'story');
      break;
    case 'history/export':
    case 'history/clear':
    case 'history/health':
      break;
    case 'history/import':
      if (!('file' in p)) throw new Error('file: missing');
      break;
    default:
      return unhandled(type);
  }
  return payload as Request<T>;
}

/** Compiles only when every message type has its case above. */
function unhandled(type: never): never {
  throw new Error(`unknown message type ${String(type)}`);
}

function record(value: unknown, name: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Error(`${name}: expected an object`);
  return value as Record<string, unknown>;
}

function string(value: unknown, name: string, max: number): void {
  if (typeof value !== 'string') throw new Error(`${name}: expected a string`);
  if (value.length > max) throw new Error(`${name}: longer than ${max} characters`);
}

/** A list of at most LIMITS.links strings. */
function strings(value: unknown, name: string, max: number): void {
  if (!Array.isArray(value)) throw new Error(`${name}: expected an array`);
  if (value.length > LIMITS.links) throw new Error(`${name}: more than ${LIMITS.links} entries`);
  for (const s of value) string(s, `${name}: an entry`, max);
}

function count(value: unknown, name: string): void {
  if (!Number.isSafeInteger(value) || (value as number) < 0) throw new Error(`${name}: expected a whole number ≥ 0`);
}

function hashes(value: unknown, name: string, max: number): void {
  if (!Array.isArray(value)) throw new Error(`${name}: expected an array`);
  if (value.length > max) throw new Error(`${name}: more than ${max} entries`);
  for (const h of value) {
    if (!Number.isInteger(h) || h < 0 || h > 0xffffffff) throw new Error(`${name}: expected 32-bit unsigned integers`);
  }
}
