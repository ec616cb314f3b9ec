/**
 * Synthetic reading history for both halves of the benchmark, shaped like the records recordReport
 * writes, made fast enough to seed 100,000 of them (in the browser, inside the extension page, so
 * that they never cross the DevTools protocol).
 *
 * Every field but the hashes comes from a real corpus article used as a template (URL shape with a
 * unique suffix, title with its first word made unique (ownTitle), site, words, counts); the hashes have the distributions real fingerprints
 * have, which matters for the bytes stored (V8 serialises a small integer as a varint, a large one
 * as a double):
 *   sketch      the 64 smallest of `size` uniform 32-bit hashes (order statistics: exponential gaps)
 *   keys        winnow() (the core's own) over a fresh run of uniform shingle hashes, first ones kept
 *   paragraphs  uniform 32-bit hashes, one per paragraph of the template
 * Sites follow a Zipf law (a reader's history is mostly a few sites); about 1 article in 10 joins
 * the story of a recent article (a story read on several sites), the rest are singletons.
 */
import { fold, mix, sketchThreshold, SKETCH_SIZE, storedKeys, WINNOW_WINDOW, winnow } from '../core/index.ts';
import { MAX_STORED_KEYS } from '../core/lookup-keys.ts';
import { hostOf, siteOf } from '../core/url.ts';
import { pageHashOf } from '../history/codec.ts';
import type { ArticleRecord } from '../history/records.ts';
import type { PageReport } from '../protocol.ts';
import { seededRandom, type Random } from './random.ts';

export { seededRandom, type Random };

/** Share of synthetic articles that join the story of a recent article on another site. */
export const JOIN_STORY = 0.1;
/** How far back (in articles) a joined story may start: a news cycle. */
const JOIN_WINDOW = 500;

const uint32 = (random: Random) => Math.floor(random() * 2 ** 32);

/** What a template lends a synthetic record: everything but the hashes. */
export interface Template {
  url: string;
  site: string;
  host: string;
  title: string;
  siteName: string | null;
  words: number;
  /** Shingles (the sketch's text size). */
  size: number;
  keys: number;
  paragraphs: number;
}

/** A corpus page's report as a template (the browser half, before anything is stored). */
export function templateOfReport(report: PageReport): Template {
  return {
    url: report.url, site: siteOf(report.url), host: hostOf(report.url), title: report.title, siteName: report.siteName,
    words: report.words, size: report.hashes.length, keys: Math.min(MAX_STORED_KEYS, report.keys.length),
    paragraphs: report.paragraphs.length,
  };
}

/** A record recordReport wrote as a template (the Node half). */
export function templateOfRecord(record: ArticleRecord): Template {
  return {
    url: record.url, site: record.site, host: record.host, title: record.title, siteName: record.siteName,
    words: record.words, size: record.size, keys: record.keys.length, paragraphs: record.paragraphs.length,
  };
}

/** The history's time line: record `id` was read at `start + id * spacing` (ms). */
export interface HistoryShape {
  start: number;
  spacing: number;
}

/**
 * Makes synthetic records with ids `from`..`to` (inclusive), deterministic for a given seed when
 * asked for in the same ranges.
 */
export class Synthesiser {
  readonly sites: Template[][];
  private readonly pickSite: (random: Random) => number;
  private readonly random: Random;
  /** The story of each recent id, to join. */
  private readonly stories = new Map<number, number>();

  constructor(templates: readonly Template[], private readonly shape: HistoryShape, seed = 42) {
    const bySite = new Map<string, Template[]>();
    for (const t of templates) bySite.set(t.site, [...(bySite.get(t.site) ?? []), t]);
    if (bySite.size === 0) throw new Error('no templates to synthesise from');
    const order = seededRandom(7);
    const sites = [...bySite.values()].sort((a, b) => a[0]!.site.localeCompare(b[0]!.site));
    for (let i = sites.length - 1; i > 0; i--) {
      const j = Math.floor(order() * (i + 1));
      [sites[i], sites[j]] = [sites[j]!, sites[i]!];
    }
    this.sites = sites;
    this.pickSite = zipf(sites.length);
    this.random = seededRandom(seed);
  }

  records(from: number, to: number): ArticleRecord[] {
    const { random, shape } = this;
    const records: ArticleRecord[] = [];
    for (let id = from; id <= to; id++) {
      const site = this.sites[this.pickSite(random)]!;
      const template = site[Math.floor(random() * site.length)]!;
      const url = withSuffix(template.url, id.toString(36));
      const firstSeen = Math.round(shape.start + id * shape.spacing);
      let story = id;
      if (id > JOIN_WINDOW && random() < JOIN_STORY) {
        const earlier = id - 1 - Math.floor(random() * JOIN_WINDOW);
        story = this.stories.get(earlier) ?? earlier;
      }
      this.stories.set(id, story);
      this.stories.delete(id - JOIN_WINDOW - 1);
      records.push({
        id, url, page: pageHashOf(url), host: template.host, site: template.site, title: ownTitle(template.title, id),
        siteName: template.siteName, firstSeen, lastSeen: firstSeen, words: template.words, size: template.size,
        ...foldedSketch(syntheticSketch(template.size, random)),
        keys: syntheticKeys(template.size, Math.max(1, template.keys), random),
        paragraphs: uniformHashes(template.paragraphs, random),
        story,
      });
    }
    return records;
  }
}

/**
 * Ids 1..n: a truncated copy, on another site, of every other corpus report, so that about half of
 * the timed look-ups find the story already read.
 */
export function corpusCopies(reports: readonly PageReport[], templates: readonly Template[], shape: HistoryShape, random: Random): ArticleRecord[] {
  const copies: ArticleRecord[] = [];
  reports.forEach((report, i) => {
    if (i % 2 !== 0) return;
    const site = siteOf(report.url);
    const others = templates.filter((t) => t.site !== site);
    const host = others[Math.floor(random() * others.length)];
    if (!host) return;
    const id = copies.length + 1;
    copies.push(truncatedCopy(report, id, host, Math.round(shape.start + id * shape.spacing)));
  });
  return copies;
}

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

/**
 * A copy of a story recorded earlier on another site: the first 60% of its keys and paragraphs and
 * a 70% subset of its shingles, as a truncated syndicated copy has. Queries for the story find it.
 */
export function truncatedCopy(
  source: { hashes: readonly number[]; keys: readonly number[]; paragraphs: readonly number[]; words: number; title: string },
  id: number,
  host: Pick<Template, 'url' | 'host' | 'site' | 'siteName'>,
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

/**
 * The template's headline made the article's own, at about its length: its first word replaced by
 * the id (a reader's history has each headline once; the same one under every article a template
 * makes would put dozens of articles under each headline, and a longer one more bytes).
 */
export function ownTitle(title: string, id: number): string {
  const space = title.indexOf(' ');
  return space > 0 ? `${id.toString(36)}${title.slice(space)}` : `${id.toString(36)} ${title}`;
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
