/**
 * Issue 14: a model-based test of the reading history. Random sequences of reading pages (new,
 * again, on a full disk), checks, "not the same story", forgetting a page, deleting a story,
 * waiting, retention prune, export, import (of earlier exports, some altered), clear, and export →
 * clear → import, run through the worker's handlers against the model of history-model.ts, with
 * the invariants of history-invariants.ts checked after every step.
 */
import fc from 'fast-check';
import { describe, it } from 'vitest';
import { checkState } from './history-invariants.ts';
import { Model } from './history-model.ts';
import { POOL } from './history-pool.ts';
import { run, type Action } from './history-steps.ts';
import { makeWorld } from './history-world.ts';

// Most pages read are of two stories (and the digest quoting both), so that sequences often
// read, unlink and delete within one story; the rest of the pool is read now and then.
const focus = POOL.flatMap((p, i) => (p.story === 0 || p.story === 1 || p.name === 'digest0' ? [i] : []));
const page = fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...focus) }, { weight: 1, arbitrary: fc.nat({ max: POOL.length - 1 }) });
const n = fc.nat({ max: 40 });
const action: fc.Arbitrary<Action> = fc.oneof(
  { weight: 10, arbitrary: page.map((p) => ({ kind: 'record' as const, page: p })) },
  { weight: 3, arbitrary: n.map((i) => ({ kind: 'revisit' as const, n: i })) },
  { weight: 1, arbitrary: page.map((p) => ({ kind: 'check' as const, page: p })) },
  { weight: 4, arbitrary: n.map((i) => ({ kind: 'unlink' as const, n: i })) },
  { weight: 2, arbitrary: n.map((i) => ({ kind: 'forget' as const, n: i })) },
  { weight: 1, arbitrary: n.map((i) => ({ kind: 'deleteStory' as const, n: i })) },
  { weight: 2, arbitrary: fc.integer({ min: 1, max: 30 }).map((hours) => ({ kind: 'wait' as const, hours })) },
  { weight: 1, arbitrary: fc.constant({ kind: 'retention' as const }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('diskFull' as const), pages: fc.array(page, { minLength: 1, maxLength: 3 }), failures: fc.integer({ min: 1, max: 4 }) }) },
  { weight: 2, arbitrary: fc.constant({ kind: 'export' as const }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('import' as const), file: fc.nat({ max: 2 }), tamper: fc.constantFrom('none' as const, 'apart' as const, 'dangling' as const), cleared: fc.boolean() }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'clear' as const }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'roundTrip' as const }) },
);

describe('reading history (model-based)', () => {
  it('keeps its invariants through any sequence of the reader\'s actions', async () => {
    await fc.assert(fc.asyncProperty(fc.array(action, { minLength: 1, maxLength: 40 }), async (actions) => {
      const world = await makeWorld(Date.UTC(2026, 0, 1));
      const model = new Model();
      try {
        for (const a of actions) {
          await run(world, model, a);
          await checkState(world, model);
        }
      } finally {
        world.db.close();
      }
    // 100 sequences of up to 40 steps: 60 took 1.3-2.1 s on a busy 2-core machine with the known
    // failures set aside. fast-check prints the seed and path of a failure to replay it.
    }), { numRuns: 100 });
  }, 60_000);
});
