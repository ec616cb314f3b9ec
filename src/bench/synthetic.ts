/**
 * Synthetic history for the store benchmark: records shaped like recordReport's, whose hashes
 * have the distributions real fingerprints have, made fast enough to seed 100,000 of them.
 *   sketch      the 64 smallest of `size` uniform 32-bit hashes (order statistics: exponential gaps)
 *   keys        winnow() (the core's own) over a fresh run of uniform shingle hashes, first 24 kept
 *   paragraphs  uniform 32-bit hashes
 * Everything else (URL shape, title, site, words, counts) comes from a real record used as a
 * template, with sites drawn from a Zipf law: a reader's history is mostly a few sites.
 */
import { fold, mix, sketchThreshold, SKETCH_SIZE, storedKeys, WINNOW_WINDOW, winnow } from '../core/index.ts';
import { pageHashOf } from '../history/codec.ts';
import type { ArticleRecord } from '../history/records.ts';

export type Random = () => number;

import { seededRandom } from './random.mjs';

export { seededRandom };

const uint32 = (random: Random) => Math.floor(random() * 2 ** 32);

export function uniformHashes(count: number, random: Random): number[] {
  const hashes: number[] = [];
  for (let i = 0; i < count; i++) hashes.push(uint32(random));
  return hashes;
}

/** Picks ranks 0..n-1 with probability proportional to 1 / (rank + 1)^s. */
export function zipf(n: number, s = 1): (random: Random) => number {
  const cumulative = new Float64Array(n);
  let sum = 0;
  for (let i = 0; i < n; i++) cumulative[i] = sum += 1 / (i + 1) ** s;
  return (random) => {
    const target = random() * sum;
    let low = 0;
    let high = n - 1;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (cumulative[mid]! < target) low = mid + 1;
      else high = mid;
    }
    return low;
  };
}

/** The bottom-k sample of `size` distinct uniform 32-bit hashes, sorted ascending. */
export function syntheticSketch(size: number, random: Random, k = SKETCH_SIZE): number[] {
  if (size <= k) {
    const all = new Set<number>();
    while (all.size < size) all.add(uint32(random));
    return Array.from(Uint32Array.from(all).sort());
  }
  const sketch: number[] = [];
  let x = 0;
  while (sketch.length < k) {
    x += (-Math.log(1 - random()) / (size + 1)) * 2 ** 32;
    const value = Math.min(Math.floor(x), 2 ** 32 - 1);
    if (value !== sketch[sketch.length - 1]) sketch.push(value);
  }
  return sketch;
}

/** Winnowed keys of a text of `shingles` shingles, at most `max` of them. */
export function syntheticKeys(shingles: number, max: number, random: Random): number[] {
  // Winnowing keeps about 2 / (window + 1) of the shingles: generate what `max` keys need, with a
  // margin, rather than the whole text.
  const needed = Math.min(shingles, Math.ceil(((max + 8) * (WINNOW_WINDOW + 1)) / 2) + WINNOW_WINDOW);
  const run: number[] = [];
  for (let i = Math.max(1, needed); i > 0; i--) run.push(uint32(random));
  return winnow(run, WINNOW_WINDOW, max);
}

export interface SeedOptions {
  /** Real records (as recordReport writes them) lending their shape. */
  templates: readonly ArticleRecord[];
  random: Random;
  /** firstSeen of record 1; ids are spaced `spacing` ms apart. */
  start: number;
  spacing: number;
}

/**
 * Makes records `from`..`to` (inclusive ids). Sites follow a Zipf law over the templates' sites;
 * the record's URL is its template's with a unique suffix, so every record is its own page.
 */
export function syntheticRecords(from: number, to: number, options: SeedOptions): ArticleRecord[] {
  const { templates, random, start, spacing } = options;
  const bySite = shuffled(groupBySite(templates), seededRandom(1));
  const pickSite = zipf(bySite.length);
  const records: ArticleRecord[] = [];
  for (let id = from; id <= to; id++) {
    const site = bySite[pickSite(random)]!;
    const template = site[Math.floor(random() * site.length)]!;
    const url = withSuffix(template.url, id.toString(36));
    const firstSeen = start + id * spacing;
    records.push({
      id,
      url,
      page: pageHashOf(url),
      host: template.host,
      site: template.site,
      title: template.title,
      siteName: template.siteName,
      firstSeen,
      lastSeen: firstSeen,
      words: template.words,
      size: template.size,
      ...foldedSketch(syntheticSketch(template.size, random)),
      keys: syntheticKeys(template.size, Math.max(1, template.keys.length), random),
      paragraphs: uniformHashes(template.paragraphs.length, random),
      story: id,
    });
  }
  return records;
}

/**
 * A copy of a story recorded earlier on another site: the first 60% of its keys and paragraphs and
 * a 70% subset of its shingles, as a truncated syndicated copy has. Queries for the story find it.
 */
export function truncatedCopy(
  source: { hashes: readonly number[]; keys: readonly number[]; paragraphs: readonly number[]; words: number; title: string },
  id: number,
  host: Pick<ArticleRecord, 'url' | 'host' | 'site' | 'siteName'>,
  firstSeen: number,
): ArticleRecord {
  const kept = source.hashes.filter((h) => mix(h ^ id) % 10 < 7);
  const url = withSuffix(host.url, `copy-${id.toString(36)}`);
  const head = <T>(list: readonly T[]) => list.slice(0, Math.max(1, Math.ceil(list.length * 0.6)));
  return {
    id,
    url,
    page: pageHashOf(url),
    host: host.host,
    site: host.site,
    title: source.title,
    siteName: host.siteName,
    firstSeen,
    lastSeen: firstSeen,
    words: Math.round(source.words * 0.6),
    size: kept.length,
    ...foldedSketch(kept.slice(0, SKETCH_SIZE)),
    keys: storedKeys(head(source.keys)),
    paragraphs: head(source.paragraphs),
    story: id,
  };
}

function groupBySite(templates: readonly ArticleRecord[]): ArticleRecord[][] {
  const groups = new Map<string, ArticleRecord[]>();
  for (const t of templates) {
    const group = groups.get(t.site);
    if (group) group.push(t);
    else groups.set(t.site, [t]);
  }
  if (groups.size === 0) throw new Error('no template records to seed from');
  return [...groups.values()];
}

function shuffled<T>(list: T[], random: Random): T[] {
  for (let i = list.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [list[i], list[j]] = [list[j]!, list[i]!];
  }
  return list;
}

/** `url` with `-suffix` added to its path: another page of the same site. */
export function withSuffix(url: string, suffix: string): string {
  try {
    const parsed = new URL(url);
    parsed.pathname = `${parsed.pathname.replace(/\/+$/, '')}-${suffix}`;
    return parsed.href;
  } catch {
    return `${url}-${suffix}`;
  }
}

/** A full bottom-k sketch as a record stores it. */
export function foldedSketch(sketch: readonly number[]): { sketch: number[]; threshold: number } {
  return { sketch: sketch.map(fold), threshold: sketchThreshold(sketch) };
}
