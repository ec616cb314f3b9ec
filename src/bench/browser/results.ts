/** The browser half's results, as written to out/bench-browser.json, and its budgets. */
import { checkBudgets, type BudgetId, type BudgetResult } from '../budgets.ts';
import type { OnlyPhase } from './options.ts';
import type { Summary } from '../stats.ts';
import type { StageTimes, StorageEstimate } from '../page/api.ts';
import type { DiskUsage } from './disk.ts';
import type { PageLoadResult } from './page-load-summary.ts';
import type { ExtensionTasks } from './trace.ts';

export interface Stages {
  cold: StageTimes;
  best: StageTimes;
}

export interface TracedVisit {
  verdict: string;
  reason: string | undefined;
  tasks: ExtensionTasks | null;
  stages: Stages | null;
}

export type TracedPage = { id: string; bytes: number } & TracedVisit;

export interface ContentScriptResult {
  pages: TracedPage[];
  traced: number;
  totalMs: Summary;
  longestTaskMs: Summary;
  tasksPerPage: Summary;
  bigArticle: TracedVisit & { bytes: number; runs: (ExtensionTasks | null)[]; longestTaskMs: Summary };
}

/** One step of a marks run: the page loaded, or 250 links added; until marked, from a trace. */
export interface MarksStep {
  /** Links in the marks' highlight when done, and links with a title (the marks set one). */
  marked: number;
  titled: number;
  /** From the step's start (navigation, or the links added) until every expected mark was seen (polled). */
  doneMs: number;
  /** The load average (1 min) when the step began. */
  loadAverage: number;
  /** Tasks holding marks.js code. */
  tasks: ExtensionTasks | null;
  /** Tasks holding content.js code, on the same page (for comparison). */
  content: ExtensionTasks | null;
}

export interface MarksRun {
  load: MarksStep;
  scroll: MarksStep;
  /** Links marked that lead to nothing read (by the page's plan). */
  unexpected: number;
}

export interface MarksSummary {
  totalMs: Summary;
  longestMs: Summary;
  tasks: Summary;
  sampledMs: Summary;
  /** The frames rendered after the marks' first task of their own (the highlight painted). */
  framesMs: Summary;
  doneMs: Summary;
}

export interface MarksResult {
  links: number;
  moreLinks: number;
  /** Articles in the history, of which `otherArticles` synthetic; how the read ones were recorded (verdict kinds). */
  articles: number;
  otherArticles: number;
  recorded: Record<string, number>;
  /** The page's plan: links to pages read, and headlines of articles read, on the page and among the links added. */
  planned: { byUrl: number; byHeadline: number; moreByUrl: number; moreByHeadline: number };
  /** What the worker's code (linkMarks) marks among the page's links, and among those added. */
  expected: { links: number; more: number };
  runs: MarksRun[];
  load: MarksSummary;
  scroll: MarksSummary;
  /** The reference script (src/bench/least-marks), loading the same page in turn with marks.js in a Chromium of its own. */
  least: { runs: MarksStep[]; load: MarksSummary };
}

export interface LookupsAt {
  articles: number;
  record: Summary;
  check: Summary;
  seen: number;
  byKind: Record<'seen' | 'recorded', Summary>;
  lookups: number;
  load: number;
  settledMs: number;
  parts: { candidatesMs: Summary; candidates: Summary; siteSampleMs: Summary; decideMs: Summary };
  storiesPageMs: Summary;
}

export interface SeedingStage {
  upTo: number;
  added: number;
  generateMs: number;
  writeMs: number;
  wallMs: number;
  load: number;
}

export interface Seeding {
  articles: number;
  generateMs: number;
  writeMs: number;
  wallMs: number;
  sites: number;
  copies: number;
  stages: SeedingStage[];
}

export interface PopupResult {
  stories: number;
  fromNavigationStart: Summary;
  fromDomContentLoaded: Summary;
  navigationToResponseEnd: Summary;
  listed: number;
}

/** Storage estimate and files, read together. */
export interface StorageReading {
  estimate: StorageEstimate;
  disk: DiskUsage;
}

export interface StorageResult {
  articles: number;
  before: StorageReading;
  immediate: StorageEstimate | null;
  diskWhenClosed: DiskUsage;
  after: StorageReading;
  bytesPerArticle: number;
  bytesPerArticleImmediate: number;
  diskBytesPerArticle: number;
  diskBytesPerArticleClosed: number;
}

export interface RecordShape {
  keys: number;
  paragraphs: number;
  sketch: number;
  urlChars: number;
  titleChars: number;
}

export interface BytesBreakdown {
  n: number;
  shipped: Record<string, number>;
  shape: RecordShape;
}

export type RoundTripResult = Record<
  | 'firstVerdictFromResponse' | 'firstVerdictFromDcl' | 'firstRecordedFromResponse' | 'copyVerdictFromResponse'
  | 'copyVerdictFromDcl' | 'copyBadgeFromResponse' | 'copyBadgeFromDcl',
  Summary
>;

export interface FirefoxResult {
  browser: string;
  lookups: LookupsAt[];
  seeding: Seeding;
  storage: {
    articles: number;
    before: StorageReading;
    immediate: StorageEstimate | null;
    diskWhileOpen: DiskUsage;
    diskWhenClosed: DiskUsage;
    after: StorageReading;
    bytesPerArticleImmediate: number;
    bytesPerArticle: number;
    diskBytesPerArticle: number;
  };
}

export interface BrowserResults {
  date: string;
  node: string;
  cpus: string;
  corpus: string;
  dist: string;
  load: Record<string, number>;
  browser?: string;
  corpusPages?: number;
  corpusArticles?: number;
  contentScript?: ContentScriptResult;
  lookups?: LookupsAt[];
  seeding?: Seeding;
  popup?: PopupResult | null;
  storage?: StorageResult;
  roundTrip?: RoundTripResult;
  bytesBreakdown?: BytesBreakdown;
  pageLoad?: PageLoadResult;
  marks?: MarksResult;
  firefox?: FirefoxResult;
  runtimeS?: number;
  budgets?: BudgetResult[];
}

/** A finished run: every phase's result present. */
export type CompleteResults = Required<Omit<BrowserResults, 'firefox' | 'popup' | 'bytesBreakdown'>> &
  Pick<BrowserResults, 'firefox' | 'popup' | 'bytesBreakdown'>;

/** The budgets each phase run alone (--only) measures. */
export const PHASE_BUDGETS: Record<OnlyPhase, readonly BudgetId[]> = {
  'page-load': ['pageLoadRatio', 'lcpRatio'],
  marks: ['marksMainThreadMs', 'marksLongestTaskMs'],
};

/** The budgets of a whole run, or of the one phase run alone. */
export function budgets(r: BrowserResults, only: OnlyPhase | null = null): BudgetResult[] {
  const all = allBudgets(r);
  return only ? all.filter((b) => PHASE_BUDGETS[only].includes(b.id)) : all;
}

function allBudgets(r: BrowserResults): BudgetResult[] {
  const at = (n: number) => r.lookups?.find((l) => l.articles >= n * 0.99 && l.articles <= n * 1.01);
  const m1k = at(1_000)?.record.median ?? Number.NaN;
  const m100k = at(100_000)?.record.median ?? Number.NaN;
  return checkBudgets({
    lookupMedian100kMs: m100k,
    lookupGrowth: m100k / m1k,
    storedBytesPerArticle: r.storage?.bytesPerArticle ?? Number.NaN,
    bigPageLongestTaskMs: r.contentScript?.bigArticle.longestTaskMs.median ?? Number.NaN,
    popupFirstRenderMs: r.popup?.fromNavigationStart.median ?? Number.NaN,
    pageLoadRatio: r.pageLoad?.loadRatio ?? Number.NaN,
    lcpRatio: r.pageLoad?.lcpRatio ?? Number.NaN,
    marksMainThreadMs: r.marks?.load.totalMs.median ?? Number.NaN,
    marksLongestTaskMs: r.marks?.load.longestMs.median ?? Number.NaN,
  });
}
