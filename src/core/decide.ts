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
  /**
   * Containment at or above which the shorter text's lead is not asked for (see Lead): nearly all
   * of the shorter text is then in the other, its lead with it.
   */
  leadFree: number;
}

export const DEFAULT_THRESHOLDS: Thresholds = {
  sameStory: 0.5,
  minShared: 25,
  minEvidence: 3,
  partialShared: 60,
  partialKeys: 2,
  leadFree: 0.9,
};

export type Relation = 'same-story' | 'partial' | 'different';

/** Evidence of passages shared at length, for partial reuse (Infinity when unknown). */
export interface Passages {
  paragraphs: number;
  keys: number;
}

const UNKNOWN: Passages = { paragraphs: Infinity, keys: Infinity };

/**
 * Whether the shared text holds the shorter text's lead (true when unknown). Two different stories
 * followed by one long block (a company's "forward-looking statements" and "about" text under two
 * of its releases, an author's bio under two columns) can share most of the shorter text, but
 * never its lead: a story's copies keep its beginning, or at least the beginning of the part they
 * copy, which is then the shorter text's lead.
 */
export function decide(o: Overlap, passages: Passages = UNKNOWN, t: Thresholds = DEFAULT_THRESHOLDS, lead = true): Relation {
  if (o.evidence < t.minEvidence) return 'different';
  if (o.containment >= t.sameStory && o.shared >= t.minShared && (lead || o.containment >= t.leadFree)) return 'same-story';
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

/** What leadShared() reads of a text: its look-up keys and paragraph hashes, in text order, and its size. */
export interface LeadView {
  keys: readonly number[];
  paragraphs: readonly number[];
  size: number;
}

/** The look-up keys stored for a text's lead (its first 90 words or so: storedKeys()). */
export const LEAD_KEYS = 3;
/**
 * The keys and paragraphs leadShared() reads as a text's lead: its first 60 words or so. A press
 * release of one 70-word paragraph over a legal block has its third key and second paragraph in
 * the block.
 */
export const LEAD_CHECK_KEYS = 2;
export const LEAD_PARAGRAPHS = 1;
/**
 * Paragraphs, none of them in the longer text, after an opening both texts share, that make the
 * shorter text a story of its own: the opening was a standard preface (an editor's note), not the
 * story. A copy cut short ends in one cut paragraph, not three.
 */
export const OWN_PARAGRAPHS = 3;

/**
 * Whether one text's lead is found in the other: one of its first LEAD_CHECK_KEYS keys among the
 * other's keys, or its first paragraph verbatim in the other (a lead whose first words were
 * changed, by a dateline say, keeps its later keys). The shorter text's lead, for a copy of part
 * of a story; or the longer's, for a copy that a preface made the longer and a cut the shorter.
 * `stored` holds only an article's stored keys, whose first ones are its lead's (storedKeys()):
 * the page's lead is looked for among them and among the stored paragraphs, all kept in order.
 */
export function leadShared(page: LeadView, stored: LeadView): boolean {
  const [shorter, longer] = page.size <= stored.size ? [page, stored] : [stored, page];
  if (onlyOpeningShared(shorter.paragraphs, longer.paragraphs)) return false;
  const leadOf = (a: LeadView, b: LeadView) =>
    countShared(a.keys.slice(0, LEAD_CHECK_KEYS), b.keys) > 0 || countShared(a.paragraphs.slice(0, LEAD_PARAGRAPHS), b.paragraphs) > 0;
  return leadOf(shorter, longer) || leadOf(longer, shorter);
}

/**
 * Whether the two texts open with the same paragraphs (two or more) and the shorter then goes on
 * for OWN_PARAGRAPHS or more that the longer lacks: two stories under one standard preface.
 */
export function onlyOpeningShared(shorter: readonly number[], longer: readonly number[]): boolean {
  let opening = 0;
  while (opening < shorter.length && opening < longer.length && shorter[opening] === longer[opening]) opening++;
  if (opening < 2) return false;
  const rest = shorter.slice(opening);
  return rest.length >= OWN_PARAGRAPHS && countShared(rest, longer) === 0;
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
