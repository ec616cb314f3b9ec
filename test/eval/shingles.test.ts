import { describe, expect, it } from 'vitest';
import { setOverlap, sharedPairs, wordShingles } from '../../src/eval/shingles.ts';

const words = (text: string) => text.split(' ');

describe('word shingles', () => {
  it('takes every run of n words, distinct', () => {
    expect([...wordShingles(words('a b c a b c'), 3)]).toEqual(['a b c', 'b c a', 'c a b']);
  });

  it('keeps a text shorter than n as one shingle, and none for no text', () => {
    expect([...wordShingles(words('a b'), 5)]).toEqual(['a b']);
    expect(wordShingles([], 5).size).toBe(0);
  });
});

describe('overlap of shingle sets', () => {
  it('gives containment of the smaller set and Jaccard', () => {
    const long = new Set(['1', '2', '3', '4', '5', '6', '7', '8']);
    const cut = new Set(['1', '2', '3', 'x']);
    expect(setOverlap(cut, long)).toEqual({ shared: 3, containment: 0.75, jaccard: 3 / 9 });
    expect(setOverlap(long, cut)).toEqual(setOverlap(cut, long));
  });

  it('is 0 for empty sets', () => {
    expect(setOverlap(new Set(), new Set(['a']))).toEqual({ shared: 0, containment: 0, jaccard: 0 });
  });

  it('finds every pair sharing a shingle through the index, with the same figures as a direct comparison', () => {
    const docs = new Map([
      ['A', new Set(['p', 'q', 'r', 's'])],
      ['B', new Set(['p', 'q', 'z'])],
      ['C', new Set(['m', 'n'])],
      ['D', new Set(['q', 'm'])],
    ]);
    const pairs = sharedPairs(docs);
    const byKey = new Map(pairs.map((p) => [`${p.a}${p.b}`, p]));
    expect([...byKey.keys()].sort()).toEqual(['AB', 'AD', 'BD', 'CD']);
    for (const p of pairs) {
      expect({ shared: p.shared, containment: p.containment, jaccard: p.jaccard })
        .toEqual(setOverlap(docs.get(p.a)!, docs.get(p.b)!));
    }
    expect(pairs[0]).toMatchObject({ a: 'A', b: 'B', shared: 2 }); // highest containment first
  });
});
