import { describe, expect, it } from 'vitest';
import { winnow, bottomK } from '../../src/core/sketch.ts';

const random = (seed: number) => () => ((seed = Math.imul(seed ^ (seed >>> 15), 0x2c1b3c6d) + 0x9e3779b9) >>> 0);

describe('winnow', () => {
  it('picks the minimum of each window once', () => {
    expect(winnow([5, 3, 9, 1, 7, 8, 2], 3)).toEqual([3, 1, 2]);
  });

  it('guarantees a shared key for any shared run as long as the window', () => {
    const next = random(7);
    const shared = Array.from({ length: 60 }, next);
    const a = [...Array.from({ length: 300 }, next), ...shared, ...Array.from({ length: 200 }, next)];
    const b = [...Array.from({ length: 50 }, next), ...shared];
    const keysA = new Set(winnow(a, 56));
    expect(winnow(b, 56).some((k) => keysA.has(k))).toBe(true);
  });

  it('handles texts shorter than a window', () => {
    expect(winnow([4, 2, 8], 56)).toEqual([2]);
    expect(winnow([], 56)).toEqual([]);
  });
});

describe('bottomK', () => {
  it('keeps the k smallest of a sorted set', () => {
    expect(bottomK([1, 2, 3, 4], 2)).toEqual([1, 2]);
  });
});
