/**
 * Storage after a browser restart on the same profile (Chromium then recomputes usage from the
 * files), and where the bytes go: a sample of the stored records, modelled.
 */
import { sleep } from '../../../test/harness/poll.ts';
import { modelBytes, type SentRecord } from '../bytes.ts';
import type { StorageEstimate } from '../page/api.ts';
import type { BenchCaller } from './call.ts';
import { diskUsage, type DiskUsage } from './disk.ts';
import type { BytesBreakdown, RecordShape, StorageResult } from './results.ts';
import type { HistoryResult } from './history.ts';

const BREAKDOWN_ARTICLES = 2_000;

/** IndexedDB's share of the estimate where Chromium gives it, else the whole usage. */
const idb = (e: StorageEstimate | null): number => e?.details?.indexedDB ?? e?.usage ?? Number.NaN;

/**
 * Reads storage in the restarted browser: the estimate and the files, against what was read before
 * seeding, right after it, and with the browser closed.
 */
export async function storageAfterRestart(
  bench: BenchCaller, profile: string, history: HistoryResult, diskWhenClosed: DiskUsage,
): Promise<StorageResult> {
  const stored = await bench('count');
  await sleep(1500);
  const after = { estimate: await bench('estimate'), disk: await diskUsage(profile, 'IndexedDB') };
  const { before, immediate } = history;
  return {
    articles: stored, before, immediate, diskWhenClosed, after,
    bytesPerArticle: (idb(after.estimate) - idb(before.estimate)) / stored,
    bytesPerArticleImmediate: (idb(immediate) - idb(before.estimate)) / stored,
    diskBytesPerArticle: (after.disk.bytes - before.disk.bytes) / stored,
    diskBytesPerArticleClosed: (diskWhenClosed.bytes - before.disk.bytes) / stored,
  };
}

/** A sample of the stored records, modelled as Chromium lays them out (src/bench/bytes.ts). */
export async function bytesBreakdown(bench: BenchCaller, stored: number): Promise<BytesBreakdown> {
  const sampled = await bench('sample', BREAKDOWN_ARTICLES, stored);
  return { n: sampled.length, shipped: modelBytes(sampled, stored), shape: recordShape(sampled) };
}

/** Mean sizes of the stored records' parts. */
function recordShape(records: readonly SentRecord[]): RecordShape {
  const mean = (f: (r: SentRecord) => number) => records.reduce((sum, r) => sum + f(r), 0) / records.length;
  return {
    keys: mean((r) => r.k.length), paragraphs: mean((r) => r.g.length), sketch: mean((r) => r.h.length),
    urlChars: mean((r) => r.u.length), titleChars: mean((r) => r.t.length),
  };
}
