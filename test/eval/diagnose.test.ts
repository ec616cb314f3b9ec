import { describe, expect, it } from 'vitest';
import { fingerprint } from '../../src/core/fingerprint.ts';
import { storeView } from '../../src/eval/diagnose.ts';
import { makeArticle } from '../fixtures/text.ts';

describe('store view of a pair', () => {
  it('sees a truncated copy as the same story, with look-up keys in common', () => {
    const story = makeArticle(1, 40);
    const view = storeView(fingerprint(story), fingerprint(story.slice(0, 16)));
    expect(view.relation).toBe('same-story');
    expect(view.sharedKeys).toBeGreaterThan(0);
    expect(view.containment).toBeGreaterThan(0.9);
  });

  it('sees two different stories as different', () => {
    const view = storeView(fingerprint(makeArticle(1, 40)), fingerprint(makeArticle(2, 40)));
    expect(view.relation).toBe('different');
    expect(view.sharedKeys).toBe(0);
  });
});

describe('store view and shared passages', () => {
  it('counts paragraphs and keys shared by both, but none on the same site', () => {
    const story = makeArticle(3, 20);
    const reuse = [...makeArticle(4, 20).slice(0, 12), ...story.slice(0, 4)];
    const other = storeView(fingerprint(story), fingerprint(reuse));
    expect(other.paragraphs).toBe(4);
    expect(other.passageKeys).toBeGreaterThan(0);
    const sameSite = storeView(fingerprint(story), fingerprint(reuse), true);
    expect([sameSite.paragraphs, sameSite.passageKeys]).toEqual([0, 0]);
  });
});
