/**
 * Scores the constructed pairs in worker threads, each a share of them (pairs are independent:
 * each is replayed in its own fresh history). Every worker builds the same pairs from the stories
 * and the seed, so only those cross to it, and only the outcomes come back.
 */
import { buildConstructed, type Story } from './constructed.ts';
import { scorePairs, type PairOutcome } from './constructed-run.ts';
import { answer, workerAnswer } from './worker-answer.ts';

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
    const shares = await Promise.all([...Array(count).keys()].map((part) => {
      const data: Share = { role: CONSTRUCTED_ROLE, stories: [...stories], seed, part, parts: count };
      return workerAnswer<PairOutcome[]>(script, data, 'constructed worker');
    }));
    // Back in the pairs' own order: pair i is the (i / count)-th of share i % count.
    const total = shares.reduce((n, s) => n + s.length, 0);
    return [...Array(total).keys()].map((i) => shares[i % count]![Math.floor(i / count)]!);
  };
}

/** The worker's side: scores its share of the pairs and posts the outcomes back. */
export async function serveConstructed(data: Share, post: (message: unknown) => void): Promise<void> {
  await answer(() => scorePairs(shareOf(buildConstructed(data.stories, data.seed), data.part, data.parts)), post);
}
