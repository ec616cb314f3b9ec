/** The figures of one evaluation run, as written to out/eval.json and rendered to Markdown. */
import type { Agreement } from './agreement.ts';
import type { PRF } from './f1.ts';
import type { ArticleRecall } from './recall.ts';
import type { MatchScore, PartialScore, Label } from './score.ts';
import type { SetOverlap } from './shingles.ts';
import type { StoreView } from './diagnose.ts';
import type { ConstructedResult } from './constructed-report.ts';

export interface Machine {
  node: string;
  cpu: string;
  cores: number;
  platform: string;
  /** One-minute load average when the run started: other work on the machine skews the timings. */
  load: number;
}

export interface SourceExtraction {
  prefix: string;
  pages: number;
  ours: PRF;
  raw: PRF;
  oursFailed: number;
  rawFailed: number;
  /** Mean F1 of both on the pages our pipeline takes as articles only. */
  onArticles: { pages: number; ours: number | null; raw: number | null };
}

export interface PageExtraction {
  id: string;
  ours: PRF;
  raw: PRF;
  /** Why our pipeline gave no article (the page then scores 0). */
  oursFailure?: string;
  rawFailure?: string;
  /** Extracted, but shorter than the minimum the extension records (scored on its text all the same). */
  belowMinimum?: number;
  /** Cut by the text budget: scored against the first `kept` of the gold text's `of` tokens. */
  cutGold?: { kept: number; of: number };
}

export interface ReportedPair {
  key: string;
  /** The page whose visit reported the pair (the later one). */
  at: string;
  relation: string;
  containment: number;
  resemblance: number;
}

export interface PairDetail {
  key: string;
  label: Label | null;
  sites: [string, string];
  /** Exact word 5-gram overlap of our extracted texts (null when either is not an article). */
  extracted: SetOverlap | null;
  /** Exact word 5-gram overlap of the gold texts. */
  gold: SetOverlap | null;
  /** Replay verdict: matched, flagged as partial reuse, or nothing. */
  replay: 'match' | 'partial' | 'none';
  replayFigures: { containment: number; resemblance: number } | null;
  /** The store's comparison recomputed from the two fingerprints (later against earlier). */
  store: StoreView | null;
  notArticle: string[];
}

export interface EvalResult {
  command: string;
  date: string;
  machine: Machine;
  corpus: string;
  seconds: { load: number; extraction: number; browser: number; replay: number; baselines: number; total: number };
  synthetic: { id: string; url: string }[];
  warnings: string[];
  extraction: { bySource: SourceExtraction[]; all: SourceExtraction; pages: PageExtraction[] };
  /** Pages with a real article (by their gold text) recorded as articles, per source. */
  recall: ArticleRecall;
  /** The command line's extraction against the content script's in Chromium; null when not run. */
  browser: Agreement | null;
  recognition: {
    pages: number;
    articles: number;
    notArticles: { id: string; reason: string }[];
    labels: Record<Label, number>;
    replay: MatchScore;
    partial: PartialScore;
    baselines: { name: string; score: MatchScore }[];
    reported: ReportedPair[];
    flaggedPartial: ReportedPair[];
    /** `related` pairs the replay neither matched nor flagged: exact overlap of our texts, the store's view. */
    relatedUnflagged: { key: string; overlap: SetOverlap | null; store: StoreView | null }[];
    /** Every `same` pair, every false or related match of any method, every partial flag outside `related`. */
    details: PairDetail[];
  };
  /** Constructed copies and hard negatives of the l3s- gold texts (constructed.ts); absent in older runs. */
  constructed?: ConstructedResult;
}
