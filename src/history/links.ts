/**
 * The links store: what a listing page's links are looked up in, to mark those already read. Each
 * article is filed under two 32-bit hashes, its page's (the page hash's low 32 bits) and its
 * headline's (headlineHash; none for a generic one), as [hash, id] pairs in a row per bucket (the
 * hash's high 8 bits), like the postings: 8 bytes an entry, so a page's links are answered by
 * reading a few rows, never a request per link. A hash can name the wrong article (a page hash and
 * a headline hash are 32 bits, and share rows): a match is checked against the article itself.
 */
import { headlineHash, headlineKey } from '../core/headline.ts';
import { pageHashOf } from './codec.ts';
import type { ArticleRecord } from './records.ts';
import { readRows, writeRow, type RowMap } from './row-cache.ts';
import type { AnyTx } from './schema.ts';

/** A hash's row in the links store: its high 8 bits. */
export const linkBucketOf = (hash: number): number => hash >>> 24;
export const LINK_BUCKETS = 256;

/** The low 32 bits of a page hash (pageHash: up to 53 bits). */
export const pageLinkHash = (page: number): number => page % 0x100000000;

/** The hashes an article is filed under in the links store: its page's, then its headline's (if any). */
export function linkHashes(record: Pick<ArticleRecord, 'page' | 'title'>): number[] {
  const title = headlineHash(record.title);
  return title === null ? [pageLinkHash(record.page)] : [pageLinkHash(record.page), title];
}

/**
 * Reads, with a look-up, the links rows a record of the page at any of `urls` titled `title` would
 * be written to: its write is then issued at once, the commit with it, without a round trip more.
 */
export async function readLinkRows(tx: AnyTx, urls: readonly string[], title: string): Promise<void> {
  const hashes = urls.map((url) => pageLinkHash(pageHashOf(url)));
  const headline = headlineHash(title);
  if (headline !== null) hashes.push(headline);
  await readRows(tx, 'links', [...new Set(hashes.map(linkBucketOf))]);
}

/** A change to the links rows: an article's hashes added, or removed (postings.ts applies it with its own). */
export interface LinkChange {
  id: number;
  links?: readonly number[];
  remove?: boolean;
}

/** The changes touching each links row. */
export function linkRowsTouched(changes: readonly LinkChange[]): Map<number, LinkChange[]> {
  const byBucket = new Map<number, LinkChange[]>();
  for (const change of changes) {
    for (const bucket of new Set((change.links ?? []).map(linkBucketOf))) {
      const list = byBucket.get(bucket) ?? [];
      byBucket.set(bucket, list);
      list.push(change);
    }
  }
  return byBucket;
}

/**
 * Issues the rewrite of each links row touched (into `writes`): the entries of every article a
 * change touches are taken out, those of the additions put back (a change lists all of an
 * article's hashes, so none of its entries in a row it touches is lost).
 */
export function rewriteLinkRows(tx: AnyTx, byBucket: Map<number, LinkChange[]>, rows: RowMap<'links'>, writes: Promise<void>[]): void {
  for (const [bucket, touching] of byBucket) {
    const row = rows.get(bucket);
    const gone = new Set(touching.map((c) => c.id));
    const kept: number[] = [];
    if (row) for (let i = 0; i + 1 < row.length; i += 2) if (!gone.has(row[i + 1]!)) kept.push(row[i]!, row[i + 1]!);
    for (const { id, links = [], remove } of touching) {
      if (!remove) for (const hash of new Set(links)) if (linkBucketOf(hash) === bucket) kept.push(hash >>> 0, id);
    }
    if (row && kept.length === row.length && kept.every((v, i) => v === row[i])) continue;
    writes.push(writeRow(tx, 'links', bucket, row, kept.length > 0 ? Uint32Array.from(kept) : undefined));
  }
}

/** A link as a page shows it: its target and its text (the headline, when it holds one). */
export interface LinkQuery {
  url: string;
  text: string;
}

/** What a link is matched to: the article's id, and how (its page, or its headline). */
export interface LinkCandidate {
  id: number;
  by: 'page' | 'title';
}

/** The hashes a link is looked up under: its target page's, and its text's headline's (if any). */
export function queryHashes(link: LinkQuery): { page: number; title: number | null } {
  return { page: pageLinkHash(pageHashOf(link.url)), title: headlineHash(link.text) };
}

/** Whether a stored article is really what a link's hash pointed to (hashes of 32 bits collide). */
export function confirms(article: Pick<ArticleRecord, 'page' | 'title'>, link: LinkQuery, by: LinkCandidate['by']): boolean {
  if (by === 'page') return article.page === pageHashOf(link.url);
  const key = headlineKey(link.text);
  return key !== null && headlineKey(article.title) === key;
}
