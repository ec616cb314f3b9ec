/**
 * The gap the same-story threshold (containment 0.5) sits in: every edited copy of the robustness
 * suite well above it, every hard negative well below it, exactly and as estimated from a sketch.
 * The figures are printed for README's "Why these thresholds".
 */
import { describe, expect, it } from 'vitest';
import { exactSample, overlap, sketchSample } from '../../src/core/compare.ts';
import { DEFAULT_THRESHOLDS } from '../../src/core/decide.ts';
import { fingerprint } from '../../src/core/fingerprint.ts';
import { editCombinations } from '../fixtures/edits.ts';
import { OTHER_STORIES, SAME_EVENT, SISTER_FOOTER, STORIES, TEMPLATE_BLOCK } from '../fixtures/stories.ts';

const { sameStory } = DEFAULT_THRESHOLDS;
const exact = (a: string[], b: string[]) => overlap(exactSample(fingerprint(a).hashes), exactSample(fingerprint(b).hashes)).containment;
const estimated = (stored: string[], now: string[]) => {
  const s = fingerprint(stored);
  return overlap(exactSample(fingerprint(now).hashes), sketchSample(s.sketch, s.hashes.length)).containment;
};

describe('threshold margins', () => {
  it('edited copies stay well above the threshold, exactly and estimated, in both reading orders', () => {
    const exacts: number[] = [];
    const estimates: number[] = [];
    for (const story of STORIES) {
      for (const [, edit] of editCombinations()) {
        const copy = edit(story.paragraphs);
        exacts.push(exact(story.paragraphs, copy));
        estimates.push(estimated(story.paragraphs, copy), estimated(copy, story.paragraphs));
      }
    }
    estimates.sort((a, b) => a - b);
    console.log(`copies: ${exacts.length}; exact containment min ${Math.min(...exacts).toFixed(3)}; estimated min ${estimates[0]!.toFixed(3)}, 1st percentile ${estimates[Math.floor(estimates.length / 100)]!.toFixed(3)} over ${estimates.length} comparisons`);
    expect(Math.min(...exacts)).toBeGreaterThan(sameStory + 0.15);
    expect(estimates[0]).toBeGreaterThan(sameStory + 0.05);
  });

  it('hard negatives stay well below it', () => {
    const [politics, science, sport] = OTHER_STORIES.map((s) => s.paragraphs) as [string[], string[], string[]];
    const pairs: [string, string[], string[]][] = [
      ['60-word template block', [...politics, TEMPLATE_BLOCK], [...science, TEMPLATE_BLOCK]],
      ['40-word quote', SAME_EVENT.a.paragraphs, SAME_EVENT.b.paragraphs],
      ['120-word footer', [...science, ...SISTER_FOOTER], [...sport, ...SISTER_FOOTER]],
    ];
    for (const [name, a, b] of pairs) {
      const figures = [exact(a, b), estimated(a, b), estimated(b, a)];
      console.log(`${name}: exact ${figures[0]!.toFixed(3)}, estimated ${figures[1]!.toFixed(3)} / ${figures[2]!.toFixed(3)}`);
      for (const c of figures) expect(c).toBeLessThan(sameStory - 0.15);
    }
  });
});
