/**
 * The look-up rows: the postings of each key bucket (and the PENDING row of the latest articles'
 * postings), and each site's row of its latest articles. A change is applied in named steps:
 * grouped by the rows it touches, each row read once, rewritten, and the PENDING row filed into
 * its buckets once full.
 */
import { decodeSiteRow, encodeSiteRow } from './codec.ts';
import { linkRowsTouched, rewriteLinkRows, type LinkChange } from './links.ts';
import { readRows, rowsOf, writeRow, type RowMap } from './row-cache.ts';
import type { AnyTx } from './schema.ts';

/** A key's bucket in the postings store: its high 16 bits. */
export const bucketOf = (key: number): number => key >>> 16;
export const BUCKETS = 2 ** 16;
/**
 * The postings row of the articles recorded last, whatever their keys' buckets. A page read adds
 * its postings there in one write, rather than in a write to the row of each key (8 of the 25 or
 * so requests a new page's record made, each a round of the browser's database); they are filed
 * into their buckets together once PENDING_LIMIT have gathered, by the record that fills the row,
 * in its transaction. Every look-up reads this row along with its keys' buckets.
 */
export const PENDING = BUCKETS;
/**
 * Pending postings filed at once: about 32 articles', a row of 2 KB; a larger row costs every
 * record more than it saves (BENCHMARKS.md, "Pending postings").
 */
export const PENDING_LIMIT = 256;
/** Articles per site kept in its row of the sites store. */
export const SITE_ROW = 6;

/**
 * A change to the look-up rows: an article's keys (and its place among its site's latest, and its
 * links hashes, `links`: every one of them, or none to leave its links rows alone) added, or removed.
 */
export interface PostingChange extends LinkChange {
  id: number;
  keys: readonly number[];
  /** The article's site (absent: the sites' rows are left alone, as before they existed). */
  site?: string;
  /** The name the article's page gives its site, kept as the site's name. */
  siteName?: string | null;
  remove?: boolean;
  /** Added keys go to the PENDING row, to be filed in their buckets with others later. */
  pending?: boolean;
}

/** How a write ends its transaction. */
export interface WriteOptions {
  /**
   * Nothing else will be asked of the transaction: its commit is requested as soon as the last
   * write is issued, not after the answers come back (one round trip to the database fewer).
   */
  last?: boolean;
}

/**
 * Applies changes to the postings and the sites' rows in `tx`: each row touched is read, changed
 * and written once, so many articles can be posted together without one write undoing another.
 * A removal is looked for in the PENDING row as well as in its keys' buckets; when the PENDING row
 * reaches PENDING_LIMIT postings, they are filed into their buckets.
 */
export async function applyPostingChanges(tx: AnyTx, changes: readonly PostingChange[], { last = false }: WriteOptions = {}): Promise<void> {
  const { byBucket, bySite } = rowsTouched(changes);
  const byLinkBucket = linkRowsTouched(changes);
  const bucketRows = rowsOf(tx, 'postings', [...byBucket.keys()]);
  const siteRows = rowsOf(tx, 'sites', [...bySite.keys()]);
  const linkRows = rowsOf(tx, 'links', [...byLinkBucket.keys()]);
  const [buckets, sites, links] = bucketRows instanceof Map && siteRows instanceof Map && linkRows instanceof Map
    ? [bucketRows, siteRows, linkRows] : await Promise.all([bucketRows, siteRows, linkRows]);
  const writes: Promise<void>[] = [];
  const filing = rewriteBuckets(tx, byBucket, buckets, writes);
  rewriteSiteRows(tx, bySite, sites, writes);
  rewriteLinkRows(tx, byLinkBucket, links, writes);
  // Filing reads the rows of the pending keys' buckets first: the commit waits for its writes.
  if (filing.length > 0) writes.push(applyPostingChanges(tx, filing, { last }));
  else if (last) tx.commit();
  await Promise.all(writes);
}

/** The changes touching each postings row and each site's row. */
function rowsTouched(changes: readonly PostingChange[]) {
  const byBucket = new Map<number, PostingChange[]>();
  const bySite = new Map<string, PostingChange[]>();
  for (const change of changes) {
    // No keys: the postings are left alone (a change of an article's links alone).
    const rows = new Set(change.keys.length === 0 ? [] : change.pending && !change.remove ? [PENDING] : change.keys.map(bucketOf));
    if (change.remove && change.keys.length > 0) rows.add(PENDING);
    for (const bucket of rows) listAt(byBucket, bucket).push(change);
    if (change.site !== undefined) listAt(bySite, change.site).push(change);
  }
  return { byBucket, bySite };
}

/**
 * Issues the rewrite of each postings row touched (into `writes`); returns the additions that
 * file the PENDING row into its buckets when it is full (else none).
 */
function rewriteBuckets(tx: AnyTx, byBucket: Map<number, PostingChange[]>, rows: RowMap<'postings'>, writes: Promise<void>[]): PostingChange[] {
  let filing: PostingChange[] = [];
  for (const [bucket, touching] of byBucket) {
    const row = rows.get(bucket);
    const gone = new Set(touching.map((c) => c.id));
    const kept: number[] = [];
    if (row) for (let i = 0; i + 1 < row.length; i += 2) if (!gone.has(row[i + 1]!)) kept.push(row[i]!, row[i + 1]!);
    const before = kept.length;
    for (const { id, keys, remove, pending = false } of touching) {
      // A pending addition goes to the PENDING row only, any other to its keys' buckets only.
      if (remove || pending !== (bucket === PENDING)) continue;
      for (const key of new Set(keys)) if (bucket === PENDING || bucketOf(key) === bucket) kept.push(key >>> 0, id);
    }
    // Unchanged (a removal of an article whose postings are elsewhere): not written again.
    if (kept.length === before && before === (row?.length ?? 0)) continue;
    if (bucket === PENDING && kept.length >= 2 * PENDING_LIMIT) {
      filing = pendingChanges(kept);
      writes.push(writeRow(tx, 'postings', bucket, row, undefined));
    } else {
      writes.push(writeRow(tx, 'postings', bucket, row, kept.length > 0 ? Uint32Array.from(kept) : undefined));
    }
  }
  return filing;
}

/** Issues the rewrite of each site's row touched (into `writes`), unless it comes out the same. */
function rewriteSiteRows(tx: AnyTx, bySite: Map<string, PostingChange[]>, rows: RowMap<'sites'>, writes: Promise<void>[]): void {
  for (const [site, touching] of bySite) {
    const row = rows.get(site);
    const { latest: before, name: nameBefore } = decodeSiteRow(row);
    const ids = new Set(before);
    let name = nameBefore;
    for (const { id, remove } of touching) if (remove) ids.delete(id);
    for (const { id, remove, siteName } of touching) {
      if (remove) continue;
      ids.add(id);
      // The site's name is the one its first page gave: no later page renames it for the others
      // (on medium.com any author's page could call the site "Reuters").
      if (siteName && name === null) name = siteName;
    }
    const latest = Uint32Array.from([...ids].sort((a, b) => a - b).slice(-SITE_ROW));
    const same = row !== undefined && name === nameBefore && latest.length === before.length && latest.every((id, i) => id === before[i]);
    const updated = latest.length === 0 && name === null ? undefined : encodeSiteRow(latest, name);
    if (!same) writes.push(writeRow(tx, 'sites', site, row, updated));
  }
}

/** The additions that file the postings of a PENDING row into their buckets. */
function pendingChanges(pairs: readonly number[]): PostingChange[] {
  const byId = new Map<number, number[]>();
  for (let i = 0; i + 1 < pairs.length; i += 2) listAt(byId, pairs[i + 1]!).push(pairs[i]!);
  return [...byId].map(([id, keys]) => ({ id, keys }));
}

function listAt<K, V>(map: Map<K, V[]>, key: K): V[] {
  let list = map.get(key);
  if (!list) map.set(key, (list = []));
  return list;
}

/** The postings of `keys`: for each key (in order), the ids of the articles holding it. */
export async function postingsOf(tx: AnyTx, keys: readonly number[]): Promise<number[][]> {
  const rows = await readRows(tx, 'postings', [...new Set(keys.map(bucketOf)), PENDING]);
  const pending = rows.get(PENDING);
  return keys.map((key) => {
    const ids: number[] = [];
    for (const row of [rows.get(bucketOf(key)), pending]) {
      if (row) for (let i = 0; i + 1 < row.length; i += 2) if (row[i] === key >>> 0) ids.push(row[i + 1]!);
    }
    return ids;
  });
}

/**
 * Ids of the site's most recently added articles (at most SITE_ROW, which a row written when
 * SITE_ROW was larger may still exceed), newest first.
 */
export async function latestIds(tx: AnyTx, site: string): Promise<number[]> {
  const row = (await readRows(tx, 'sites', [site])).get(site);
  return row ? [...decodeSiteRow(row).latest].reverse().slice(0, SITE_ROW) : [];
}

/** The name each site gives itself (sites that give none are left out). */
export async function siteNames(tx: AnyTx): Promise<Map<string, string>> {
  const store = tx.objectStore('sites');
  const [sites, rows] = await Promise.all([store.getAllKeys(), store.getAll()]);
  const names = new Map<string, string>();
  sites.forEach((site, i) => {
    const { name } = decodeSiteRow(rows[i]);
    if (name) names.set(site, name);
  });
  return names;
}
