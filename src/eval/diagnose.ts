/**
 * Why a labelled pair was or was not matched: the comparison the store makes (src/history/
 * assess.ts), recomputed from the two fingerprints, to set beside the exact shingle overlap.
 * It mirrors assess.ts without the site-boilerplate discount; keep the two in step.
 */
import { exactSample, overlap, sketchSample } from '../core/compare.ts';
import { countShared, decide, leadShared, sharedParagraphs, type Relation } from '../core/decide.ts';
import type { Fingerprint } from '../core/fingerprint.ts';
import { queryKeys, storedKeys } from '../core/lookup-keys.ts';

export interface StoreView {
  /** Look-up keys of the later page (queryKeys) among the earlier page's stored keys: 0 = never a candidate. */
  sharedKeys: number;
  /** Containment estimated from the earlier page's stored sketch (no boilerplate discount). */
  containment: number;
  resemblance: number;
  shared: number;
  /** Paragraphs of the later page found verbatim in the earlier one (0 on the same site, as the store counts). */
  paragraphs: number;
  /** Keys of the later page among the earlier page's stored keys, the passage evidence (0 on the same site). */
  passageKeys: number;
  /** What decide() says on that estimate, before any boilerplate discount. */
  relation: Relation;
}

/** The comparison the store makes when `later` is visited after `earlier` was recorded. */
export function storeView(earlier: Fingerprint, later: Fingerprint, sameSite = false): StoreView {
  const stored = storedKeys(earlier.keys);
  const sharedKeys = countShared(queryKeys(later.keys), stored);
  const o = overlap(exactSample(later.hashes), sketchSample(earlier.sketch, earlier.hashes.length));
  const passages = sameSite
    ? { paragraphs: 0, keys: 0 }
    : { paragraphs: sharedParagraphs(later.paragraphs, earlier.paragraphs), keys: countShared(later.keys, stored) };
  return {
    sharedKeys, containment: o.containment, resemblance: o.resemblance, shared: o.shared,
    paragraphs: passages.paragraphs, passageKeys: passages.keys, relation: decide(o, passages, undefined, leadShared({ ...later, size: later.hashes.length }, { ...earlier, keys: stored, size: earlier.hashes.length })),
  };
}
