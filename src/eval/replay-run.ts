/**
 * Replays the corpus through the real replay code (src/cli/replay.ts: extraction, store, decision),
 * in this thread or in a worker thread so that it runs beside the extraction measurements.
 */
import { replay, type ReplayLine, type Visit } from '../cli/replay.ts';
import { openHistory } from '../history/open.ts';
import { answer, workerAnswer } from './worker-answer.ts';

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
  return (visits) => workerAnswer<Replayed>(script, { role: WORKER_ROLE, visits }, 'replay worker');
}

/** The worker's side: replays the visits it was given and posts the lines back. */
export async function serveReplay(data: { visits: Visit[] }, post: (message: unknown) => void): Promise<void> {
  await answer(() => replayHere(data.visits), post);
}
