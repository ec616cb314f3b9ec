/**
 * The performance budgets the Node half of `npm run bench -- --check` holds the code to. Pure.
 * Look-up + record is budgeted on the real IndexedDB, in Chromium (scripts/bench-browser.mjs: 5 ms
 * at 100,000 articles and 2× the 1,000-article figure); in fake-indexeddb, an in-memory model of
 * it, its growth is reported only.
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
  pass: boolean;
}

export const BUDGETS = {
  fingerprintMsPer1000Words: 1,
  bytesPerArticle: 600,
  workRatio: 1.15,
  contentScriptBytes: 60 * 1024,
} as const;

/** Every budget, each passing only when its figure was measured and is within the limit. */
export function checkBudgets(m: Measured): BudgetResult[] {
  const budget = (id: BudgetResult['id'], label: string, actual: number, limit: number, unit: string): BudgetResult => ({
    id, label, actual, limit, unit, pass: Number.isFinite(actual) && actual <= limit,
  });
  return [
    budget('fingerprintMsPer1000Words', 'fingerprint time per 1,000 words', m.fingerprintMsPer1000Words, BUDGETS.fingerprintMsPer1000Words, 'ms'),
    budget('bytesPerArticle', 'bytes per stored article, indexes included (mean)', m.bytesPerArticle, BUDGETS.bytesPerArticle, 'B'),
    budget('workRatio', 'our per-page work / Readability alone', m.workRatio, BUDGETS.workRatio, '×'),
    budget('contentScriptBytes', 'content script dist/chrome/content.js', m.contentScriptBytes, BUDGETS.contentScriptBytes, 'B'),
  ];
}

export const allPass = (results: readonly BudgetResult[]): boolean => results.every((r) => r.pass);
