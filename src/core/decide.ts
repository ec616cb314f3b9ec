import type { Overlap } from './compare.ts';
import { PARAGRAPH_BITS } from './fingerprint.ts';

/**
 * The decision rule. Syndicated copies are often cut short, so the test is containment of the
 * shorter text in the longer one, not resemblance; a floor on shared shingles keeps a short text
 * from matching on a sentence or two. Figures behind the defaults are in README ("How it decides").
 */
export interface Thresholds {
  /** Containment of the shorter text in the longer at or above which two texts are one story. */
  sameStory: number;
  /** Fewer estimated shared shingles than this is never the same story (about 30 words). */
  minShared: number;
  /** Fewer sampled shingles in common than this is too little evidence for any verdict. */
  minEvidence: number;
  /** Partial reuse (shared wire paragraphs): at least this many shared shingles, below sameStory. */
  partialShared: number;
  /**
   * ...and a passage shared at length: a paragraph found verbatim in both, or this many shared
   * winnowed keys (each one stands for a run of shared text). A quote inside a paragraph is not reuse.
   */
  partialKeys: number;
}

export const DEFAULT_THRESHOLDS: Thresholds = {
  sameStory: 0.5,
  minShared: 25,
  minEvidence: 3,
  partialShared: 60,
  partialKeys: 3,
};

export type Relation = 'same-story' | 'partial' | 'different';

/** Evidence of passages shared at length, for partial reuse (Infinity when unknown). */
export interface Passages {
  paragraphs: number;
  keys: number;
}

const UNKNOWN: Passages = { paragraphs: Infinity, keys: Infinity };

export function decide(o: Overlap, passages: Passages = UNKNOWN, t: Thresholds = DEFAULT_THRESHOLDS): Relation {
  if (o.evidence < t.minEvidence) return 'different';
  if (o.containment >= t.sameStory && o.shared >= t.minShared) return 'same-story';
  const sharesPassage = passages.paragraphs >= 1 || passages.keys >= t.partialKeys;
  if (o.shared >= t.partialShared && sharesPassage) return 'partial';
  return 'different';
}

/**
 * Paragraphs found in both texts, beyond chance: with PARAGRAPH_BITS-bit hashes two long texts
 * share a few by coincidence (a × b / 65,536 expected: 0.004 for two texts of 17 paragraphs, 0.6
 * for two of 200), and twice the expected number is discounted.
 */
export function sharedParagraphs(a: readonly number[], b: readonly number[]): number {
  const chance = Math.floor((2 * a.length * b.length) / 2 ** PARAGRAPH_BITS);
  return Math.max(0, countShared(a, b) - chance);
}

/** How many values of `a` occur in `b` (paragraph hashes, look-up keys). */
export function countShared(a: readonly number[], b: readonly number[]): number {
  const inB = new Set(b);
  return a.reduce((n, hash) => n + (inB.has(hash) ? 1 : 0), 0);
}

/** A stored text judged the same story as the page being read: its size and its overlap with the page. */
export interface Match {
  size: number;
  overlap: Overlap;
}

/**
 * Whether two stored texts that each match the page being read are one story *both ways*, so that
 * their stories may be merged: the shingles they share through the page (at least what each shares
 * with it, less the page's size) make up `sameStory` of the longer of the two, not just of the
 * shorter. Containment of the shorter text is not transitive: a digest carrying two stories
 * contains each, though the two share nothing (issue 14).
 */
export function oneStoryBothWays(pageSize: number, a: Match, b: Match, t: Thresholds = DEFAULT_THRESHOLDS): boolean {
  const common = a.overlap.shared + b.overlap.shared - pageSize;
  return common >= t.minShared && common >= t.sameStory * Math.max(a.size, b.size);
}
