/**
 * Scores the constructed pairs in worker threads, each a share of them (pairs are independent:
 * each is replayed in its own fresh history). Every worker builds the same pairs from the stories
 * and the seed, so only those cross to it, and only the outcomes come back.
 */
import { Worker } from 'node:worker_threads';
import { buildConstructed, type Story } from './constructed.ts';
import { scorePairs, type PairOutcome } from './constructed-run.ts';

export type ConstructedScorer = (stories: readonly Story[], seed: number) => Promise<PairOutcome[]>;

export const CONSTRUCTED_ROLE = 'deja-lu-eval-constructed';

interface Share {
  role: typeof CONSTRUCTED_ROLE;
  stories: Story[];
  seed: number;
  part: number;
  parts: number;
}

/** The pairs of one share: every `parts`-th, from `part`. */
const shareOf = <T>(items: readonly T[], part: number, parts: number) => items.filter((_, i) => i % parts === part);

export const scoreHere: ConstructedScorer = (stories, seed) => scorePairs(buildConstructed(stories, seed));

/** Runs the shares in `count` workers started from `script`, which must call `serveConstructed` when it is one. */
export function scoreInWorkers(script: string | URL, count: number): ConstructedScorer {
  if (count <= 1) return scoreHere;
  return async (stories, seed) => {
    const shares = await Promise.all([...Array(count).keys()].map((part) => new Promise<PairOutcome[]>((resolve, reject) => {
      const data: Share = { role: CONSTRUCTED_ROLE, stories: [...stories], seed, part, parts: count };
      const worker = new Worker(script, { workerData: data });
      let settled = false;
      worker.once('message', (message: { ok: true; outcomes: PairOutcome[] } | { ok: false; error: string }) => {
        settled = true;
        if (message.ok) resolve(message.outcomes);
        else reject(new Error(`constructed worker: ${message.error}`));
      });
      worker.once('error', (error) => {
        settled = true;
        reject(error);
      });
      worker.once('exit', (code) => {
        if (!settled) reject(new Error(`constructed worker exited with code ${code} before answering`));
      });
    })));
    // Back in the pairs' own order: pair i is the (i / count)-th of share i % count.
    const total = shares.reduce((n, s) => n + s.length, 0);
    return [...Array(total).keys()].map((i) => shares[i % count]![Math.floor(i / count)]!);
  };
}

/** The worker's side: scores its share of the pairs and posts the outcomes back. */
export async function serveConstructed(data: Share, post: (message: unknown) => void): Promise<void> {
  try {
    post({ ok: true, outcomes: await scorePairs(shareOf(buildConstructed(data.stories, data.seed), data.part, data.parts)) });
  } catch (error) {
    post({ ok: false, error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  }
}
