import { describe, expect, it } from 'vitest';
import { bagF1, mean, textTokens } from '../../src/eval/f1.ts';

describe('bag-of-tokens F1', () => {
  it('is 1 for the same tokens in another order', () => {
    expect(bagF1(['b', 'a', 'c'], ['a', 'b', 'c'])).toEqual({ precision: 1, recall: 1, f1: 1 });
  });

  it('counts a repeated token only as often as the other side has it', () => {
    // predicted: a a a b; gold: a b c → common a, b = 2
    const s = bagF1(['a', 'a', 'a', 'b'], ['a', 'b', 'c']);
    expect(s.precision).toBeCloseTo(2 / 4);
    expect(s.recall).toBeCloseTo(2 / 3);
    expect(s.f1).toBeCloseTo((2 * 0.5 * (2 / 3)) / (0.5 + 2 / 3));
  });

  it('is 0 when nothing was extracted and 1 when both are empty', () => {
    expect(bagF1([], ['a'])).toEqual({ precision: 0, recall: 0, f1: 0 });
    expect(bagF1(['a'], ['b']).f1).toBe(0);
    expect(bagF1([], []).f1).toBe(1);
  });

  it('tokenises as fingerprinting does: entities, case, curly quotes', () => {
    expect(textTokens('AT&amp;T’s “Big” Deal')).toEqual(textTokens("at&t's \"big\" deal"));
    expect(bagF1(textTokens('Don’t PANIC.'), textTokens("don't panic")).f1).toBe(1);
  });

  it('averages, with no figure for no values', () => {
    expect(mean([0, 0.5, 1])).toBe(0.5);
    expect(mean([])).toBeNull();
  });
});
