import { describe, expect, it } from 'vitest';
import { median, pairedRatios, quantile, ratioOfTotals, summarise } from '../../src/bench/stats.ts';

describe('quantile', () => {
  it('interpolates between the closest ranks', () => {
    expect(median([1, 2, 3, 4])).toBe(2.5);
    expect(median([5, 1, 3])).toBe(3);
    expect(quantile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11], 0.95)).toBeCloseTo(10.5);
    expect(quantile([10, 20], 0)).toBe(10);
    expect(quantile([10, 20], 1)).toBe(20);
  });

  it('sorts numerically, not as strings', () => {
    expect(median([100, 9, 20])).toBe(20);
  });

  it('gives NaN for no samples and refuses a quantile outside 0..1', () => {
    expect(median([])).toBeNaN();
    expect(() => quantile([1], 1.5)).toThrow(RangeError);
  });

  it('does not reorder its input', () => {
    const samples = [3, 1, 2];
    median(samples);
    expect(samples).toEqual([3, 1, 2]);
  });
});

describe('summarise', () => {
  it('reports count, median, p95, mean, extremes and total', () => {
    const s = summarise(Array.from({ length: 101 }, (_, i) => i));
    expect(s).toMatchObject({ n: 101, median: 50, mean: 50, min: 0, max: 100, total: 5050 });
    expect(s.p95).toBeCloseTo(95);
  });

  it('handles no samples', () => {
    expect(summarise([])).toMatchObject({ n: 0, total: 0 });
    expect(summarise([]).median).toBeNaN();
  });
});

describe('ratios', () => {
  it('divides total work, so big pages weigh more than a mean of ratios would let them', () => {
    expect(ratioOfTotals([2, 10], [1, 10])).toBeCloseTo(12 / 11);
    expect(pairedRatios([2, 10], [1, 10])).toEqual([2, 1]);
  });

  it('skips zero denominators and refuses unpaired samples', () => {
    expect(pairedRatios([1, 2], [0, 4])).toEqual([0.5]);
    expect(ratioOfTotals([1], [0])).toBeNaN();
    expect(() => ratioOfTotals([1], [1, 2])).toThrow(RangeError);
  });
});
