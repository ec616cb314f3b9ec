/**
 * Which of a page's links lead to what the reader has read (links.ts): the links rows the batch
 * needs, read at once (the whole small store in one request when most are needed), then the few
 * articles they name, checked against each link. Never a request per link.
 */
import { siteForUrl } from '../core/url.ts';
import type { LinkBatch, LinkMark } from '../protocol.ts';
import { pageHashOf } from './codec.ts';
import { articlesById } from './articles.ts';
import { confirms, linkBucketOf, queryHashes, type LinkCandidate, type LinkQuery } from './links.ts';
import type { HistoryDB, ReadTx } from './schema.ts';
import { linkQueries } from './link-batch.ts';

/** Past this many rows, one getAll of the store costs less than a request per row. */
const ROWS_READ_ONE_BY_ONE = 32;
/**
 * A headline filed for more articles than this is a recurring one ("Wordle hint", a daily
 * roundup), which tells no link's story apart: it matches nothing, and its articles are not read
 * (a front page of such links would otherwise read hundreds of articles for each).
 */
export const MAX_HEADLINE_READINGS = 8;

/**
 * For each link (in order), the reading it leads to, or null. `page` is the address of the page
 * showing the links: a link to the page itself, or to a headline read there, is not marked.
 */
export async function linkMarks(db: HistoryDB, page: string, links: readonly LinkQuery[]): Promise<(LinkMark | null)[]> {
  const hashes = links.map(queryHashes);
  const wanted = new Set(hashes.flatMap((h) => (h.title === null ? [h.page] : [h.page, h.title])));
  if (wanted.size === 0) return links.map(() => null);
  const tx = db.transaction(['articles', 'links'], 'readonly');
  const found = idsByHash(await linkRows(tx, [...new Set([...wanted].map(linkBucketOf))]), wanted);
  const candidates = hashes.map((h): LinkCandidate[] => [
    ...(found.get(h.page) ?? []).map((id) => ({ id, by: 'page' as const })),
    ...titleIds(found, h.title).map((id) => ({ id, by: 'title' as const })),
  ]);
  const articles = await articlesById(tx, candidates.flat().map((c) => c.id));
  await tx.done;
  const self = pageHashOf(page);
  // The page itself when it was read, else the latest reading of the headline: what the tooltip names.
  return links.map((link, i) => {
    let best: LinkMark | null = null;
    const stories = new Set<number>();
    let site: string | undefined;
    for (const { id, by } of candidates[i]!) {
      const article = articles.get(id);
      if (!article || article.page === self || !confirms(article, link, by)) continue;
      if (by === 'title') {
        // Another page of the site the headline was read on is another article under a recurring
        // headline ("NHL roundup: Sunday's action"): a copy is on another site, or at the same address.
        if (article.site === (site ??= siteForUrl(link.url))) continue;
        stories.add(article.story);
      }
      if (!best || (by === 'page' && best.by === 'title') || (by === best.by && article.lastSeen > best.lastSeen)) {
        best = { host: article.host, lastSeen: article.lastSeen, by };
      }
    }
    // A headline read in two stories tells the link's story apart from neither.
    return best?.by === 'title' && stories.size > 1 ? null : best;
  });
}

/** The links of a batch as a page sends it (link-batch.ts) that lead to what was read, each with its place in the batch. */
export async function batchMarks(db: HistoryDB, batch: LinkBatch): Promise<{ index: number; mark: LinkMark }[]> {
  const queries = linkQueries(batch);
  const marks = await linkMarks(db, batch.page, queries.map((q) => q.query));
  return queries.flatMap(({ index }, i) => {
    const mark = marks[i];
    return mark ? [{ index, mark }] : [];
  });
}

/** The articles filed under a link's headline hash, none for a recurring headline (MAX_HEADLINE_READINGS). */
function titleIds(found: ReadonlyMap<number, number[]>, title: number | null): number[] {
  const ids = title === null ? undefined : found.get(title);
  return ids && ids.length <= MAX_HEADLINE_READINGS ? ids : [];
}

async function linkRows(tx: ReadTx, buckets: readonly number[]): Promise<(Uint32Array | undefined)[]> {
  const store = tx.objectStore('links');
  if (buckets.length > ROWS_READ_ONE_BY_ONE) return store.getAll();
  return Promise.all(buckets.map((bucket) => store.get(bucket)));
}

/** The ids filed under each wanted hash, each row scanned once. */
function idsByHash(rows: readonly (Uint32Array | undefined)[], wanted: ReadonlySet<number>): Map<number, number[]> {
  const ids = new Map<number, number[]>();
  for (const row of rows) {
    if (!(row instanceof Uint32Array)) continue;
    for (let i = 0; i + 1 < row.length; i += 2) {
      const hash = row[i]!;
      if (!wanted.has(hash)) continue;
      const list = ids.get(hash) ?? [];
      ids.set(hash, list);
      list.push(row[i + 1]!);
    }
  }
  return ids;
}
