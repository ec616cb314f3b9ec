import { describe, expect, it } from 'vitest';
import { allPass, BUDGETS, checkBudgets, type Measured } from '../../src/bench/budgets.ts';

const good: Measured = {
  fingerprintMsPer1000Words: 0.6,
  bytesPerArticle: 500,
  workRatio: 1.1,
  contentScriptBytes: 50_000,
  marksScriptBytes: 6_000,
};

const byId = (m: Measured) => Object.fromEntries(checkBudgets(m).map((b) => [b.id, b]));

describe('checkBudgets', () => {
  it('passes figures within every budget', () => {
    const results = checkBudgets(good);
    expect(results.map((b) => b.id).sort()).toEqual(['bytesPerArticle', 'contentScriptBytes', 'fingerprintMsPer1000Words', 'marksScriptBytes', 'workRatio']);
    expect(allPass(results)).toBe(true);
  });

  it('passes a figure exactly at its limit and fails one just over', () => {
    expect(byId({ ...good, workRatio: 1.15 }).workRatio!.pass).toBe(true);
    expect(byId({ ...good, workRatio: 1.1501 }).workRatio!.pass).toBe(false);
    expect(byId({ ...good, bytesPerArticle: 601 }).bytesPerArticle!.pass).toBe(false);
    expect(byId({ ...good, fingerprintMsPer1000Words: 1.01 }).fingerprintMsPer1000Words!.pass).toBe(false);
    expect(byId({ ...good, contentScriptBytes: 60 * 1024 }).contentScriptBytes!.pass).toBe(true);
    expect(byId({ ...good, contentScriptBytes: 60 * 1024 + 1 }).contentScriptBytes!.pass).toBe(false);
    expect(byId({ ...good, marksScriptBytes: 8 * 1024 }).marksScriptBytes!.pass).toBe(true);
    expect(byId({ ...good, marksScriptBytes: 8 * 1024 + 1 }).marksScriptBytes!.pass).toBe(false);
  });

  it('holds only sizes under --check-stable, every budget under --check', () => {
    const slow = checkBudgets({ ...good, fingerprintMsPer1000Words: 3 });
    expect(slow.filter((b) => !b.stable).map((b) => b.id)).toEqual(['fingerprintMsPer1000Words', 'workRatio']);
    expect(allPass(slow, 'stable')).toBe(true);
    expect(allPass(slow, 'all')).toBe(false);
    expect(allPass(checkBudgets({ ...good, workRatio: 1.2 }), 'stable')).toBe(true);
    expect(allPass(checkBudgets({ ...good, workRatio: 1.2 }), 'all')).toBe(false);
    expect(allPass(checkBudgets({ ...good, bytesPerArticle: 700 }), 'stable')).toBe(false);
    expect(allPass(checkBudgets({ ...good, marksScriptBytes: 15_000 }), 'stable')).toBe(false);
  });

  it('fails a budget whose figure was not measured', () => {
    const results = checkBudgets({ ...good, contentScriptBytes: Number.NaN, workRatio: Number.NaN });
    expect(results.filter((b) => !b.pass).map((b) => b.id).sort()).toEqual(['contentScriptBytes', 'workRatio']);
    expect(allPass(results)).toBe(false);
  });
});

describe('the budgets table', () => {
  it('tags every budget with where it is measured, and holds in CI only the size and ratio budgets', () => {
    const nodeIds = Object.entries(BUDGETS).filter(([, b]) => b.where === 'node').map(([id]) => id).sort();
    expect(nodeIds).toEqual(['bytesPerArticle', 'contentScriptBytes', 'fingerprintMsPer1000Words', 'marksScriptBytes', 'workRatio']);
    const chromium = checkBudgets({
      lookupMedian100kMs: 9, lookupGrowth: 1.5, storedBytesPerArticle: 560, bigPageLongestTaskMs: 80, popupFirstRenderMs: 400,
      pageLoadRatio: 1.1, lcpRatio: 1.1, marksMainThreadMs: 30, marksLongestTaskMs: 80,
    });
    expect(chromium.filter((b) => b.stable).map((b) => b.id)).toEqual(['lookupGrowth', 'storedBytesPerArticle']);
    expect(allPass(chromium, 'stable')).toBe(true);
    expect(allPass(chromium, 'all')).toBe(false);
    expect(allPass(checkBudgets({
      lookupMedian100kMs: 1, lookupGrowth: 2.5, storedBytesPerArticle: 560, bigPageLongestTaskMs: 1, popupFirstRenderMs: 1,
      pageLoadRatio: 1, lcpRatio: 1, marksMainThreadMs: 1, marksLongestTaskMs: 1,
    }), 'stable')).toBe(false);
  });

  it('holds the page-load ratios under --check only: 1.02× passes, just over fails', () => {
    const figures = {
      lookupMedian100kMs: 1, lookupGrowth: 1, storedBytesPerArticle: 500, bigPageLongestTaskMs: 1, popupFirstRenderMs: 1,
      pageLoadRatio: 1.02, lcpRatio: 1.02, marksMainThreadMs: 1, marksLongestTaskMs: 1,
    };
    expect(allPass(checkBudgets(figures), 'all')).toBe(true);
    const slower = checkBudgets({ ...figures, pageLoadRatio: 1.03, lcpRatio: Number.NaN });
    expect(slower.filter((b) => !b.pass).map((b) => b.id)).toEqual(['pageLoadRatio', 'lcpRatio']);
    expect(slower.filter((b) => !b.pass).every((b) => !b.stable && b.unit === '×')).toBe(true);
    expect(allPass(slower, 'all')).toBe(false);
    expect(allPass(slower, 'stable')).toBe(true);
  });

  it('holds the link marks\' time on a 1,000-link page under --check only: 10 ms in all, no task over 50 ms', () => {
    const figures = {
      lookupMedian100kMs: 1, lookupGrowth: 1, storedBytesPerArticle: 500, bigPageLongestTaskMs: 1, popupFirstRenderMs: 1,
      pageLoadRatio: 1, lcpRatio: 1, marksMainThreadMs: 10, marksLongestTaskMs: 50,
    };
    expect(allPass(checkBudgets(figures), 'all')).toBe(true);
    const slower = checkBudgets({ ...figures, marksMainThreadMs: 10.1, marksLongestTaskMs: 50.1 });
    expect(slower.filter((b) => !b.pass).map((b) => b.id)).toEqual(['marksMainThreadMs', 'marksLongestTaskMs']);
    expect(slower.filter((b) => !b.pass).every((b) => !b.stable && b.unit === 'ms')).toBe(true);
    expect(allPass(slower, 'stable')).toBe(true);
    expect(checkBudgets({ ...figures, marksMainThreadMs: Number.NaN }).find((b) => b.id === 'marksMainThreadMs')?.pass).toBe(false);
  });
});
