import { describe, expect, it } from 'vitest';
import { renderConstructed, summariseConstructed } from '../../src/eval/constructed-report.ts';
import type { PairOutcome } from '../../src/eval/constructed-run.ts';

const outcome = (variant: string, kind: PairOutcome['kind'], found: [boolean, boolean], containment: number, jaccard: number): PairOutcome => ({
  variant, kind, stories: ['x'], found, partial: [false, !found[1]], notRecorded: [],
  texts: { shared: 10, containment, jaccard }, extractionF1: [1, 0.9], words: [300, 150],
});

describe('constructed copies summary', () => {
  const result = summariseConstructed({
    seed: 1, stories: { all: 3, copied: 2, short: 1 }, seconds: 1.5,
    pairs: [
      outcome('truncated', 'copy', [true, true], 1, 0.4),
      outcome('truncated', 'copy', [true, false], 0.9, 0.6),
      outcome('legal block', 'negative', [true, true], 0.7, 0.3),
    ],
  });

  it('counts each order, the baselines and extraction per variant and overall', () => {
    expect(result.variants.map((v) => [v.variant, v.pairs, v.found, v.partial, v.jaccard, v.containment])).toEqual([
      ['truncated', 2, [2, 1], [0, 1], 1, 2],
      ['legal block', 1, [1, 1], [0, 0], 0, 1],
    ]);
    expect(result.variants[0]!.extractionF1).toEqual({ mean: 0.95, min: 0.9 });
    expect(result.overall.copy.found).toEqual([2, 1]);
    expect(result.overall.negative.found).toEqual([1, 1]);
  });

  it('renders a row per variant, negatives marked, and the overall line', () => {
    const markdown = renderConstructed(result);
    expect(markdown).toContain('### Constructed copies');
    expect(markdown).toMatch(/\| truncated +\| +2 \| +2 \/ 1 \| +1\.00 \/ 0\.50 \|/);
    expect(markdown).toMatch(/\| ✗ legal block +\|/);
    expect(markdown).toContain('**Copies**: 2 pairs, recall 1.00 original first / 0.50 copy first');
    expect(markdown).toContain('**Negatives**: 1 pairs, false matches 1 / 1');
  });
});
