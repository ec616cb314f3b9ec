import { hashString, mix } from './hash.ts';

/** Words per shingle. Five words: long enough to be rare by chance, short enough to survive edits. */
export const SHINGLE_SIZE = 5;

/**
 * Hashes of every run of `size` consecutive tokens, in text order. A text shorter than one
 * shingle yields a single hash of all its tokens, so that short texts still compare.
 */
export function shingleHashes(tokens: readonly string[], size = SHINGLE_SIZE): number[] {
  if (tokens.length === 0) return [];
  const tokenHashes = tokens.map(hashString);
  const count = Math.max(1, tokenHashes.length - size + 1);
  const width = Math.min(size, tokenHashes.length);
  const hashes: number[] = new Array<number>(count);
  for (let start = 0; start < count; start++) {
    let h = 0;
    for (let i = 0; i < width; i++) h = Math.imul(h ^ (tokenHashes[start + i] ?? 0), 0x9e3779b1);
    hashes[start] = mix(h);
  }
  return hashes;
}

/** Sorted distinct values, as a compact set that can be intersected by merging. */
export function sortedSet(values: ArrayLike<number>): number[] {
  const sorted = Uint32Array.from(values).sort();
  const out: number[] = [];
  for (let i = 0; i < sorted.length; i++) if (i === 0 || sorted[i] !== sorted[i - 1]) out.push(sorted[i]!);
  return out;
}
