/**
 * Replays the corpus through the real replay code (src/cli/replay.ts: extraction, store, decision),
 * in this thread or in a worker thread so that it runs beside the extraction measurements.
 */
import { Worker } from 'node:worker_threads';
import { replay, type ReplayLine, type Visit } from '../cli/replay.ts';
import { openHistory } from '../platform/database.ts';

export interface Replayed {
  lines: ReplayLine[];
  seconds: number;
}

export type Replayer = (visits: readonly Visit[]) => Promise<Replayed>;

/** A fresh in-memory history (fake-indexeddb), every visit in order. */
export const replayHere: Replayer = async (visits) => {
  const started = performance.now();
  const db = await openHistory(`deja-lu-eval-${process.pid}-${Date.now()}`);
  const lines: ReplayLine[] = [];
  try {
    for await (const line of replay(db, visits)) lines.push(line);
  } finally {
    db.close();
  }
  return { lines, seconds: (performance.now() - started) / 1000 };
};

export const WORKER_ROLE = 'deja-lu-eval-replay';

/** Runs `replayHere` in a worker started from `script`, which must call `serveReplay` when it is one. */
export function replayInWorker(script: string | URL): Replayer {
  return (visits) => new Promise<Replayed>((resolvePromise, reject) => {
    const worker = new Worker(script, { workerData: { role: WORKER_ROLE, visits } });
    let settled = false;
    worker.once('message', (message: { ok: true; replayed: Replayed } | { ok: false; error: string }) => {
      settled = true;
      if (message.ok) resolvePromise(message.replayed);
      else reject(new Error(`replay worker: ${message.error}`));
    });
    worker.once('error', (error) => {
      settled = true;
      reject(error);
    });
    worker.once('exit', (code) => {
      if (!settled) reject(new Error(`replay worker exited with code ${code} before answering`));
    });
  });
}

/** The worker's side: replays the visits it was given and posts the lines back. */
export async function serveReplay(data: { visits: Visit[] }, post: (message: unknown) => void): Promise<void> {
  try {
    post({ ok: true, replayed: await replayHere(data.visits) });
  } catch (error) {
    post({ ok: false, error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  }
}
