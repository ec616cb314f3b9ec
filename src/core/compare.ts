import { SKETCH_SIZE } from './sketch.ts';

/**
 * A stored sketch keeps only the low 16 bits of each of its hashes ("b-bit" sampling, Li & König
 * 2010), with its threshold in full. Compared with the exact set of the page being read, which is
 * restricted to the threshold first, a chance coincidence of 16 bits happens for about one hash in
 * a thousand (64 / 65,536): a 0.1 % bias on containment for half the bytes.
 */
export const FOLD_BITS = 16;
export const fold = (hash: number): number => hash & ((1 << FOLD_BITS) - 1);

/**
 * A consistent sample of a text's shingle hashes: every hash of the text up to `threshold` (all of
 * them when the threshold is Infinity), and how many distinct shingles the whole text has.
 */
export interface Sample {
  hashes: readonly number[];
  threshold: number;
  size: number;
  /** The hashes are folded to FOLD_BITS bits: a stored sketch, every hash of it below `threshold`. */
  folded?: boolean;
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

/** A bottom-k sketch in full; a sketch shorter than k holds the whole set. */
export function sketchSample(sketch: readonly number[], size: number): Sample {
  return { hashes: sketch, threshold: sketchThreshold(sketch), size };
}

/** The hash below which a bottom-k sketch is a complete sample (Infinity: it holds the whole set). */
export const sketchThreshold = (sketch: readonly number[]): number =>
  sketch.length < SKETCH_SIZE ? Infinity : (sketch[sketch.length - 1] ?? Infinity);

/** A stored sketch: its hashes folded (in the order of the full hashes), and its threshold. */
export function foldedSample(folded: readonly number[], threshold: number, size: number): Sample {
  return { hashes: folded, threshold, size, folded: true };
}

/**
 * Estimates how much two texts share from their samples. Below the smaller of the two thresholds
 * both samples are complete, so the hashes there are a uniform sample of each text (Broder's
 * containment estimate). `ignore` removes hashes known to be boilerplate from both sides.
 */
export function overlap(a: Sample, b: Sample, ignore?: (hash: number) => boolean): Overlap {
  const limit = Math.min(a.threshold, b.threshold);
  // A folded sample is compared in folded values (and `ignore` is asked about folded values).
  const folding = a.folded === true || b.folded === true;
  const sideA = restrict(a, limit, folding, ignore);
  const sideB = restrict(b, limit, folding, ignore);
  const common = countCommon(sideA.kept, sideB.kept);
  const shorterIsA = sideA.size <= sideB.size;
  const shorter = shorterIsA ? sideA : sideB;
  const containment = shorter.kept.length === 0 ? 0 : common / shorter.kept.length;
  const shared = containment * shorter.size;
  const union = sideA.size + sideB.size - shared;
  return { containment, resemblance: union > 0 ? shared / union : 0, shared, evidence: common };
}

function restrict(sample: Sample, limit: number, folding: boolean, ignore?: (hash: number) => boolean) {
  // Folded values cannot be compared with the limit: a folded sample is only ever compared with a
  // sample whose threshold is no lower (the exact set of the page being read).
  if (sample.folded && sample.threshold > limit) throw new RangeError('two folded sketches cannot be compared');
  let kept: number[] = [];
  let inRange = 0;
  for (const full of sample.hashes) {
    if (!sample.folded && full > limit) break;
    inRange++;
    const hash = folding && !sample.folded ? fold(full) : full;
    if (!ignore?.(hash)) kept.push(hash);
  }
  if (folding) kept = kept.sort((x, y) => x - y);
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
