import { describe, expect, it } from 'vitest';
import { exactSample, overlap } from '../../src/core/compare.ts';
import { oneStoryBothWays } from '../../src/core/decide.ts';
import { fingerprint } from '../../src/core/fingerprint.ts';
import { makeArticle } from '../fixtures/text.ts';

const a = makeArticle(81, 10);
const b = makeArticle(82, 10);
const hashes = (paragraphs: string[]) => fingerprint(paragraphs).hashes;
/** Two texts as matched through a page: their sizes and their exact overlaps with it. */
function through(page: string[], x: string[], y: string[]): boolean {
  const p = exactSample(hashes(page));
  const match = (t: string[]) => ({ size: hashes(t).length, overlap: overlap(p, exactSample(hashes(t))) });
  return oneStoryBothWays(p.size, match(x), match(y));
}

describe('oneStoryBothWays', () => {
  it('two copies of one story, however the page cuts them, are one story', () => {
    expect(through(a, a, a.slice(0, 7))).toBe(true);
    expect(through(a.slice(0, 8), a, a.slice(2))).toBe(true);
  });

  it('two stories a digest carries are not, though the digest contains each', () => {
    expect(through([...a, ...b], a, b)).toBe(false);
    // Nor two halves of one text that share nothing, nor too little of the longer.
    expect(through(a, a.slice(0, 5), a.slice(5))).toBe(false);
    expect(through(a, a.slice(0, 6), a.slice(4))).toBe(false);
  });
});
