/** From raw timings to the figures the report prints and the budgets check. Pure. */
import type { BytesSummary } from './bytes-summary.ts';
import type { BudgetResult } from './budgets.ts';
import type { ClockKind } from './clock.ts';
import type { Machine } from './machine.ts';
import type { PageFailure, PageTiming } from './pages.ts';
import { median, pairedRatios, ratioOfTotals, summarise, type Summary } from './stats.ts';

export interface PageStats {
  /** Pages timed, and those on which extractArticle ran Readability (the stage figures cover these). */
  pages: number;
  fullPipeline: number;
  articles: number;
  stages: {
    parse: Summary;
    readability: Summary;
    readabilityOurOptions: Summary;
    gate: Summary;
    paragraphs: Summary;
    metadata: Summary;
    extras: Summary;
    extrasBySubtraction: Summary;
    fingerprint: Summary;
    fingerprintWarm: Summary;
    extract: Summary;
  };
  work: {
    /** Sum of extractArticle times / sum of raw Readability times, full-pipeline pages. */
    ratio: number;
    medianPageRatio: number;
    /** The same against Readability run with extractArticle's own options. */
    ratioVsOurOptions: number;
  };
  /** Throughput of the per-page (fresh strings) calls; `warm` of the repeats on the same strings. */
  fingerprint: { pages: number; words: number; ms: number; wordsPerSecond: number; msPer1000Words: number; warm: { wordsPerSecond: number; msPer1000Words: number } };
}

export function pageStats(timings: readonly PageTiming[]): PageStats {
  const full = timings.filter((t) => t.ranReadability);
  const printed = full.filter((t) => t.words > 0);
  const of = (pick: (t: PageTiming) => number, set: readonly PageTiming[] = full) => summarise(set.map(pick));
  const extract = full.map((t) => t.extract);
  const readability = full.map((t) => t.readability);
  const words = printed.reduce((sum, t) => sum + t.words, 0);
  const fingerprintMs = printed.reduce((sum, t) => sum + t.fingerprint, 0);
  const warmMs = printed.reduce((sum, t) => sum + t.fingerprintWarm, 0);
  return {
    pages: timings.length,
    fullPipeline: full.length,
    articles: timings.filter((t) => t.article).length,
    stages: {
      parse: of((t) => t.parse),
      readability: of((t) => t.readability),
      readabilityOurOptions: of((t) => t.readabilityOurOptions),
      gate: of((t) => t.gate),
      paragraphs: of((t) => t.paragraphs),
      metadata: of((t) => t.metadata),
      extras: of((t) => t.extras),
      extrasBySubtraction: of((t) => t.extrasBySubtraction),
      fingerprint: of((t) => t.fingerprint, printed),
      fingerprintWarm: of((t) => t.fingerprintWarm, printed),
      extract: of((t) => t.extract),
    },
    work: {
      ratio: ratioOfTotals(extract, readability),
      medianPageRatio: median(pairedRatios(extract, readability)),
      ratioVsOurOptions: ratioOfTotals(extract, full.map((t) => t.readabilityOurOptions)),
    },
    fingerprint: {
      pages: printed.length,
      words,
      ms: fingerprintMs,
      wordsPerSecond: fingerprintMs > 0 ? (words / fingerprintMs) * 1000 : Number.NaN,
      msPer1000Words: words > 0 ? (fingerprintMs / words) * 1000 : Number.NaN,
      warm: {
        wordsPerSecond: warmMs > 0 ? (words / warmMs) * 1000 : Number.NaN,
        msPer1000Words: words > 0 ? (warmMs / words) * 1000 : Number.NaN,
      },
    },
  };
}

export interface LookupStats {
  articles: number;
  seedMs: number;
  seen: number;
  sameSite: { median: number; max: number };
  latency: Summary;
}

export interface BenchResults {
  command: string;
  date: string;
  durationS: number;
  machine: Machine;
  /** What the timings measure: elapsed time, or this process's CPU time. */
  clock: ClockKind;
  corpus: { dir: string; pages: number; placeholderUrls: number; reps: number };
  pages: PageStats;
  lookup: LookupStats[];
  lookupGrowth: { from: number; to: number; ratio: number } | null;
  history: { articles: number; limit: number; latency: Summary } | null;
  bytes: BytesSummary;
  contentScript: { path: string; bytes: number; gzipBytes: number };
  marksScript: { path: string; bytes: number; gzipBytes: number };
  budgets: BudgetResult[];
  notes: string[];
  /** Pages whose run threw, left out of every figure. */
  failures: PageFailure[];
  perPage: PageTiming[];
}

/** Median latency at the largest size over that at the smallest (1k → 100k by default). */
export function growth(lookup: readonly LookupStats[]): BenchResults['lookupGrowth'] {
  if (lookup.length < 2) return null;
  const sorted = [...lookup].sort((a, b) => a.articles - b.articles);
  const first = sorted[0]!;
  const last = sorted[sorted.length - 1]!;
  return { from: first.articles, to: last.articles, ratio: last.latency.median / first.latency.median };
}
