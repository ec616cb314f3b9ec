/**
 * Exact word-shingle sets for the baselines and the diagnosis of missed pairs: no hashing, no
 * sampling, so the figures are what the decision rule would see with perfect information.
 */

export const BASELINE_SHINGLE = 5;

/** Distinct runs of `n` consecutive tokens; a text shorter than that is one shingle of all of it. */
export function wordShingles(tokens: readonly string[], n = BASELINE_SHINGLE): Set<string> {
  const shingles = new Set<string>();
  if (tokens.length === 0) return shingles;
  if (tokens.length < n) return shingles.add(tokens.join(' '));
  for (let i = 0; i + n <= tokens.length; i++) shingles.add(tokens.slice(i, i + n).join(' '));
  return shingles;
}

export interface SetOverlap {
  shared: number;
  /** Shared shingles over the smaller set (containment of the shorter text in the longer). */
  containment: number;
  /** Jaccard resemblance. */
  jaccard: number;
}

export function overlapOf(shared: number, sizeA: number, sizeB: number): SetOverlap {
  const smaller = Math.min(sizeA, sizeB);
  const union = sizeA + sizeB - shared;
  return { shared, containment: smaller === 0 ? 0 : shared / smaller, jaccard: union === 0 ? 0 : shared / union };
}

export function setOverlap(a: ReadonlySet<string>, b: ReadonlySet<string>): SetOverlap {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let shared = 0;
  for (const shingle of small) if (large.has(shingle)) shared++;
  return overlapOf(shared, a.size, b.size);
}

export interface PairOverlap extends SetOverlap {
  a: string;
  b: string;
}

/**
 * Every pair of documents that shares at least one shingle, found through an inverted index
 * rather than by comparing all pairs. `a` comes before `b` in the map's order.
 */
export function sharedPairs(docs: ReadonlyMap<string, ReadonlySet<string>>): PairOverlap[] {
  const ids = [...docs.keys()];
  const sizes = ids.map((id) => docs.get(id)?.size ?? 0);
  const postings = new Map<string, number[]>();
  ids.forEach((id, index) => {
    for (const shingle of docs.get(id) ?? []) {
      const list = postings.get(shingle);
      if (list) list.push(index);
      else postings.set(shingle, [index]);
    }
  });
  const counts = new Map<number, number>();
  const n = ids.length;
  for (const list of postings.values()) {
    for (let i = 0; i < list.length; i++) {
      for (let j = i + 1; j < list.length; j++) {
        const key = (list[i] ?? 0) * n + (list[j] ?? 0);
        counts.set(key, (counts.get(key) ?? 0) + 1);
      }
    }
  }
  const pairs: PairOverlap[] = [];
  for (const [key, shared] of counts) {
    const i = Math.floor(key / n);
    const j = key % n;
    pairs.push({ a: ids[i] ?? '', b: ids[j] ?? '', ...overlapOf(shared, sizes[i] ?? 0, sizes[j] ?? 0) });
  }
  return pairs.sort((x, y) => y.containment - x.containment || (x.a < y.a ? -1 : x.a > y.a ? 1 : x.b < y.b ? -1 : 1));
}
