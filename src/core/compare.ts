import { SKETCH_SIZE } from './sketch.ts';

/**
 * A consistent sample of a text's shingle hashes: every hash of the text up to `threshold` (all of
 * them when the threshold is Infinity), and how many distinct shingles the whole text has.
 */
export interface Sample {
  hashes: readonly number[];
  threshold: number;
  size: number;
}

export interface Overlap {
  /** Share of the shorter text's shingles found in the longer one (0..1). */
  containment: number;
  /** Jaccard resemblance of the two shingle sets (0..1). */
  resemblance: number;
  /** Estimated number of shingles the two texts share. */
  shared: number;
  /** Sampled shingles found in both: the evidence behind the estimate. */
  evidence: number;
}

/** The exact set of a text being compared now. */
export function exactSample(sortedHashes: readonly number[]): Sample {
  return { hashes: sortedHashes, threshold: Infinity, size: sortedHashes.length };
}

/** A stored bottom-k sketch; a sketch shorter than k holds the whole set. */
export function sketchSample(sketch: readonly number[], size: number): Sample {
  const full = sketch.length < SKETCH_SIZE;
  return { hashes: sketch, threshold: full ? Infinity : (sketch[sketch.length - 1] ?? Infinity), size };
}

/**
 * Estimates how much two texts share from their samples. Below the smaller of the two thresholds
 * both samples are complete, so the hashes there are a uniform sample of each text (Broder's
 * containment estimate). `ignore` removes hashes known to be boilerplate from both sides.
 */
export function overlap(a: Sample, b: Sample, ignore?: (hash: number) => boolean): Overlap {
  const limit = Math.min(a.threshold, b.threshold);
  const sideA = restrict(a, limit, ignore);
  const sideB = restrict(b, limit, ignore);
  const common = countCommon(sideA.kept, sideB.kept);
  const shorterIsA = sideA.size <= sideB.size;
  const shorter = shorterIsA ? sideA : sideB;
  const containment = shorter.kept.length === 0 ? 0 : common / shorter.kept.length;
  const shared = containment * shorter.size;
  const union = sideA.size + sideB.size - shared;
  return { containment, resemblance: union > 0 ? shared / union : 0, shared, evidence: common };
}

function restrict(sample: Sample, limit: number, ignore?: (hash: number) => boolean) {
  const kept: number[] = [];
  let inRange = 0;
  for (const hash of sample.hashes) {
    if (hash > limit) break;
    inRange++;
    if (!ignore?.(hash)) kept.push(hash);
  }
  // Boilerplate removed from the sample is removed, in proportion, from the text's size.
  const size = inRange === 0 ? sample.size : (sample.size * kept.length) / inRange;
  return { kept, size };
}

function countCommon(a: readonly number[], b: readonly number[]): number {
  let i = 0;
  let j = 0;
  let common = 0;
  while (i < a.length && j < b.length) {
    const x = a[i] ?? 0;
    const y = b[j] ?? 0;
    if (x === y) {
      common++;
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  return common;
}
