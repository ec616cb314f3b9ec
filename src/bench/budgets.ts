/**
 * The performance budgets the Node half of `npm run bench -- --check` holds the code to. Pure.
 * Look-up + record is budgeted on the real IndexedDB, in Chromium (scripts/bench-browser.mjs: 5 ms
 * at 100,000 articles and 2× the 1,000-article figure); in fake-indexeddb, an in-memory model of
 * it, its growth is reported only.
 *
 * A budget on an absolute time flips with the machine's load (CI's shared 2-core machine missed
 * the 50 ms and 150 ms ones while every test passed): `--check` holds every budget, for people to
 * run on a quiet machine and report; `--check-stable` holds only those a loaded machine cannot
 * flip (STABLE) and reports the rest (CI).
 */

export interface Measured {
  /** Fingerprint time per 1,000 words (total time / total words over the corpus). */
  fingerprintMsPer1000Words: number;
  /** Mean bytes per stored article, index entries included. */
  bytesPerArticle: number;
  /** Our whole per-page work (extractArticle, fingerprint included) / Readability alone. */
  workRatio: number;
  /** Size of dist/chrome/content.js in bytes. */
  contentScriptBytes: number;
}

export interface BudgetResult {
  id: keyof Measured;
  label: string;
  actual: number;
  limit: number;
  unit: string;
  /** Held by --check-stable (CI): a figure load cannot flip (STABLE). */
  stable: boolean;
  pass: boolean;
}

export type CheckMode = 'all' | 'stable';

/**
 * The budgets load cannot flip: sizes. The per-page work ratio, though its two figures are timed
 * side by side, moved from 1.04 to 1.15× between runs of the same code on this 2-core machine (the
 * two workloads feel the machine differently): held by --check, reported in CI.
 */
const STABLE = new Set<keyof Measured>(['bytesPerArticle', 'contentScriptBytes']);

export const BUDGETS = {
  fingerprintMsPer1000Words: 1,
  bytesPerArticle: 600,
  workRatio: 1.15,
  contentScriptBytes: 60 * 1024,
} as const;

/** Every budget, each passing only when its figure was measured and is within the limit. */
export function checkBudgets(m: Measured): BudgetResult[] {
  const budget = (id: BudgetResult['id'], label: string, actual: number, limit: number, unit: string): BudgetResult => ({
    id, label, actual, limit, unit, stable: STABLE.has(id), pass: Number.isFinite(actual) && actual <= limit,
  });
  return [
    budget('fingerprintMsPer1000Words', 'fingerprint time per 1,000 words', m.fingerprintMsPer1000Words, BUDGETS.fingerprintMsPer1000Words, 'ms'),
    budget('bytesPerArticle', 'bytes per stored article, indexes included (mean)', m.bytesPerArticle, BUDGETS.bytesPerArticle, 'B'),
    budget('workRatio', 'our per-page work / Readability alone', m.workRatio, BUDGETS.workRatio, '×'),
    budget('contentScriptBytes', 'content script dist/chrome/content.js', m.contentScriptBytes, BUDGETS.contentScriptBytes, 'B'),
  ];
}

/** Whether the budgets the mode holds are all met (the others are reported, not held). */
export const allPass = (results: readonly BudgetResult[], mode: CheckMode = 'all'): boolean =>
  results.every((r) => r.pass || (mode === 'stable' && !r.stable));
