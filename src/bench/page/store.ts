/**
 * The extension's own IndexedDB, from an extension page (its origin): seeding with the synthetic
 * history, trimming back to a size, forgetting pages, reading records and storage back.
 */
import { deleteRange, insertArticles, storedCount } from '../../history/articles.ts';
import { pageHashOf } from '../../history/codec.ts';
import { clearHistory } from '../../history/commands.ts';
import { openHistory } from '../../history/open.ts';
import type { HistoryDB } from '../../history/schema.ts';
import type { PageReport } from '../../protocol.ts';
import type { SentRecord } from '../bytes.ts';
import { corpusCopies, seededRandom, Synthesiser, templateOfReport, type HistoryShape } from '../synthetic.ts';
import type { StorageEstimate } from './api.ts';

let db: HistoryDB | null = null;
let synth: Synthesiser | null = null;

export const history = async (): Promise<HistoryDB> => (db ??= await openHistory());

export async function open(): Promise<boolean> {
  await history();
  return true;
}

export function close(): boolean {
  db?.close();
  db = null;
  return true;
}

export const count = async (): Promise<number> => storedCount((await history()).transaction('articles', 'readonly'));

export async function clear(): Promise<boolean> {
  await clearHistory(await history());
  return true;
}

/** Prepares the synthesiser: templates from the corpus reports, the time line of the history. */
export function prepare(reports: PageReport[], shape: HistoryShape): { sites: number } {
  synth = new Synthesiser(reports.map(templateOfReport), shape);
  return { sites: synth.sites.length };
}

/**
 * Seeds ids 1..n: a truncated copy on another site of every other report (so half the timed
 * look-ups find a story), ids after them synthetic.
 */
export async function seedCopies(reports: PageReport[], shape: HistoryShape): Promise<number> {
  const copies = corpusCopies(reports, reports.map(templateOfReport), shape, seededRandom(3));
  await insertArticles(await history(), copies);
  return copies.length;
}

/** Synthetic records `from`..`to` in one transaction; generation and writing timed apart. */
export async function seed(from: number, to: number): Promise<{ generateMs: number; writeMs: number }> {
  if (!synth) throw new Error('prepare() first');
  const t0 = performance.now();
  const records = synth.records(from, to);
  const t1 = performance.now();
  await insertArticles(await history(), records);
  const t2 = performance.now();
  return { generateMs: t1 - t0, writeMs: t2 - t1 };
}

/** Deletes every record with an id above `keep`: what a timed record or a page visit added. */
export async function trim(keep: number): Promise<boolean> {
  await deleteRange(await history(), IDBKeyRange.lowerBound(keep, true));
  return true;
}

/** Deletes the records of these pages (so that the next visit is a first reading). */
export async function forgetPages(urls: string[]): Promise<boolean> {
  const store = await history();
  for (const url of urls) {
    const ids = await store.getAllKeysFromIndex('articles', 'page', pageHashOf(url));
    for (const id of ids) await deleteRange(store, IDBKeyRange.only(id));
  }
  return true;
}

/**
 * `n` stored records spread evenly over the ids 1..`last`, as stored, their typed arrays as lists
 * (typed arrays do not cross to Node; src/bench/bytes.ts makes them typed again).
 */
export async function sample(n: number, last: number): Promise<SentRecord[]> {
  const store = await history();
  const tx = store.transaction('articles');
  const ids = Array.from({ length: n }, (_, i) => 1 + Math.floor((i * last) / n));
  const records = await Promise.all(ids.map((id) => tx.store.get(id)));
  await tx.done;
  return records.flatMap((r) => (r ? [{ ...r, t: typeof r.t === 'string' ? r.t : [...r.t], h: [...r.h], k: [...r.k], g: [...r.g] }] : []));
}

export async function estimate(): Promise<StorageEstimate> {
  const { usage = 0, quota = 0 } = await navigator.storage.estimate();
  // Chromium breaks usage down by storage type (non-standard).
  const details = ((await navigator.storage.estimate()) as { usageDetails?: Record<string, number> }).usageDetails ?? null;
  return { usage, quota, details };
}
