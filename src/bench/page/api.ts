/**
 * What the benchmark's page bundle (index.ts) offers as `globalThis.dejaLuBench`: the functions
 * Node calls in a page through call() (src/bench/browser/call.ts). Types only: arguments and
 * results cross the DevTools protocol as JSON.
 */
import type { SentRecord } from '../bytes.ts';
import type { HistoryShape } from '../synthetic.ts';
import type { LinkBatch, PageReport, Report } from '../../protocol.ts';

/** The extraction steps timed in the page, ms by step name, and the document's size. */
export interface StageTimes {
  times: Record<string, number>;
  extractMs: number;
  elements: number;
  htmlChars: number;
  paragraphs: number;
  words: number;
  hashes: number;
  reportBytes: number;
  article: boolean;
}

export interface RecordTimings {
  record: number[];
  check: number[];
  kinds: string[];
}

/** The real look-up's phases, from assess()'s timing hook, one entry per look-up. */
export interface LookupParts {
  candidatesMs: number[];
  candidates: number[];
  siteSampleMs: number[];
  decideMs: number[];
}

export interface StorageEstimate {
  usage: number;
  quota: number;
  /** Chromium's usage by storage type (non-standard). */
  details: Record<string, number> | null;
}

export interface BenchApi {
  /** A page's report as the content script makes it, from HTML parsed with DOMParser. */
  reportOf(html: string, url: string): Report;
  /** Where the content script's time goes on this document, step by step. */
  stages(url?: string): StageTimes;
  open(): Promise<boolean>;
  close(): boolean;
  count(): Promise<number>;
  clear(): Promise<boolean>;
  /** Prepares the synthesiser: templates from the corpus reports, the time line of the history. */
  prepare(reports: PageReport[], shape: HistoryShape): { sites: number };
  /** Seeds ids 1..n with copies of the corpus stories; returns n. */
  seedCopies(reports: PageReport[], shape: HistoryShape): Promise<number>;
  /** Synthetic records `from`..`to` in one transaction; generation and writing timed apart. */
  seed(from: number, to: number): Promise<{ generateMs: number; writeMs: number }>;
  /** Deletes every record with an id above `keep`. */
  trim(keep: number): Promise<boolean>;
  /** Deletes the records of these pages (so that the next visit is a first reading). */
  forgetPages(urls: string[]): Promise<boolean>;
  timeRecords(reports: PageReport[], at: number, keep: number, warmUp: number, pauseMs: number): Promise<RecordTimings>;
  timeParts(reports: PageReport[]): Promise<LookupParts>;
  timeStories(limit: number, runs: number): Promise<{ ms: number[]; stories: number }>;
  /** `n` stored records spread evenly over the ids 1..`last`, their typed arrays as lists. */
  sample(n: number, last: number): Promise<SentRecord[]>;
  estimate(): Promise<StorageEstimate>;
  /** Records each report with the background's recordReport, the last read at `last`, each `spacingMs` before the next; the verdicts' kinds. */
  recordReports(reports: PageReport[], last: number, spacingMs: number): Promise<string[]>;
  /** Which links of a batch the worker marks when asked links/read about it (batchMarks): their places in the batch. */
  linkMarksOf(batch: LinkBatch): Promise<number[]>;
}

export type BenchGlobal = typeof globalThis & { dejaLuBench: BenchApi };
