/** Order statistics for timings. Pure: numbers in, numbers out. */

export interface Summary {
  n: number;
  median: number;
  p95: number;
  mean: number;
  min: number;
  max: number;
  total: number;
}

/**
 * The q-quantile (0..1) by linear interpolation between the closest ranks (Hyndman & Fan type 7,
 * numpy's default): the median of [1, 2, 3, 4] is 2.5. NaN for no samples.
 */
export function quantile(samples: readonly number[], q: number): number {
  if (samples.length === 0) return Number.NaN;
  if (!(q >= 0 && q <= 1)) throw new RangeError(`quantile ${q} is outside 0..1`);
  const sorted = Float64Array.from(samples).sort();
  const rank = q * (sorted.length - 1);
  const below = Math.floor(rank);
  const above = Math.min(below + 1, sorted.length - 1);
  const low = sorted[below]!;
  return low + (sorted[above]! - low) * (rank - below);
}

export const median = (samples: readonly number[]): number => quantile(samples, 0.5);

export function summarise(samples: readonly number[]): Summary {
  let total = 0;
  let min = Infinity;
  let max = -Infinity;
  for (const x of samples) {
    total += x;
    if (x < min) min = x;
    if (x > max) max = x;
  }
  const n = samples.length;
  return {
    n,
    median: median(samples),
    p95: quantile(samples, 0.95),
    mean: n === 0 ? Number.NaN : total / n,
    min: n === 0 ? Number.NaN : min,
    max: n === 0 ? Number.NaN : max,
    total,
  };
}

/** Sum of a / sum of b over paired samples: the ratio of total work, not a mean of ratios. */
export function ratioOfTotals(a: readonly number[], b: readonly number[]): number {
  if (a.length !== b.length) throw new RangeError('ratioOfTotals needs paired samples');
  let sumA = 0;
  let sumB = 0;
  for (let i = 0; i < a.length; i++) {
    sumA += a[i]!;
    sumB += b[i]!;
  }
  return sumB === 0 ? Number.NaN : sumA / sumB;
}

/** Per-sample ratios a[i] / b[i] (pairs with b[i] = 0 are left out). */
export function pairedRatios(a: readonly number[], b: readonly number[]): number[] {
  if (a.length !== b.length) throw new RangeError('pairedRatios needs paired samples');
  const ratios: number[] = [];
  for (let i = 0; i < a.length; i++) if (b[i]! > 0) ratios.push(a[i]! / b[i]!);
  return ratios;
}
