/**
 * Two compact summaries of a text's shingle hashes.
 *
 * The *sketch* is the bottom-k sample: the k smallest distinct hashes. Every text is sampled with
 * the same hash order, so for two texts the hashes below the smaller of their two k-th values are
 * a uniform sample of both, from which containment in either direction is estimated (Broder 1997).
 *
 * The *keys* are winnowed fingerprints (Schleimer, Wilkerson & Aiken 2003): the minimum hash of
 * every window of `window` consecutive shingles. Any run of `window + 4` words shared by two texts
 * is guaranteed to give them a key in common, whatever the rest of the texts are — which is what
 * lets a truncated copy find the full story through a sparse index.
 */

export const SKETCH_SIZE = 64;
/** A shared run of WINNOW_WINDOW + 4 words (60 words here) always shares a key. */
export const WINNOW_WINDOW = 56;

export function bottomK(sortedDistinct: readonly number[], k = SKETCH_SIZE): number[] {
  return sortedDistinct.slice(0, k);
}

export function winnow(hashes: readonly number[], window = WINNOW_WINDOW, max = Infinity): number[] {
  const keys: number[] = [];
  const seen = new Set<number>();
  if (hashes.length === 0) return keys;
  const span = Math.min(window, hashes.length);
  let lastPosition = -1;
  // A monotone deque of positions keeps each window's minimum in O(1) amortised time.
  const deque: number[] = [];
  for (let i = 0; i < hashes.length; i++) {
    const value = hashes[i] ?? 0;
    while (deque.length > 0 && (hashes[deque[deque.length - 1] ?? 0] ?? 0) >= value) deque.pop();
    deque.push(i);
    if ((deque[0] ?? 0) <= i - span) deque.shift();
    if (i < span - 1) continue;
    const position = deque[0] ?? 0;
    if (position === lastPosition) continue;
    lastPosition = position;
    const key = hashes[position] ?? 0;
    if (seen.has(key)) continue;
    seen.add(key);
    keys.push(key);
    if (keys.length >= max) break;
  }
  return keys;
}
