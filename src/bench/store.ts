/**
 * The history store under load, in fake-indexeddb (the same store code the extension runs):
 * look-up + record (recordReport) latency as the history grows, and the history-list query.
 *
 * The store is seeded directly (large transactions, records shaped like recordReport's, explicit
 * ids) with: a truncated copy, on another site, of every other corpus article (so half of the
 * look-ups find a story and take the "seen" path), then synthetic articles up to each size.
 * Each measured report is recorded for real and kept until the end of its pass (the history grows
 * by them as a reader's does: their postings gather in the pending row and are filed when it
 * fills, within the record that fills it); the pass's records are then deleted (not timed), so every
 * pass starts from the seeded size and every look-up is a first visit of its page.
 */
import { recordReport } from '../history/record-report.ts';
import { storiesPage } from '../history/stories.ts';
import { siteOf } from '../core/url.ts';
import type { PageReport } from '../protocol.ts';
import { allArticles, deleteRange, insertArticles } from '../history/articles.ts';
import { openHistory } from '../history/open.ts';
import type { ArticleRecord } from '../history/records.ts';
import type { HistoryDB } from '../history/schema.ts';
import { median } from './stats.ts';
import { now } from './clock.ts';
import { corpusCopies, seededRandom, Synthesiser, templateOfRecord, type HistoryShape } from './synthetic.ts';

export const START = Date.UTC(2024, 0, 1);
/** Time between two seeded readings: 100,000 articles span about a year. */
export const SPACING = 5 * 60_000;
const SEED_BATCH = 10_000;
const WARM_UP = 20;

let databases = 0;
const freshName = (label: string) => `deja-lu-bench-${label}-${process.pid}-${++databases}`;

/** Records every report into an empty history, as the extension would: real records to measure and copy. */
export async function recordCorpus(reports: readonly PageReport[]): Promise<{ db: HistoryDB; records: ArticleRecord[] }> {
  const db = await openHistory(freshName('corpus'));
  let now = START;
  for (const report of reports) await recordReport(db, report, (now += SPACING));
  return { db, records: await allArticles(db) };
}

export interface SizeResult {
  articles: number;
  seedMs: number;
  samples: number[];
  /** Look-ups that found the story already read (the copy seeded for it). */
  seen: number;
  /** Articles stored from each looked-up page's own site (what the site-template read works on). */
  sameSite: { median: number; max: number };
}

export interface StoreResult {
  sizes: SizeResult[];
  history: { articles: number; limit: number; samples: number[] } | null;
}

export interface StoreOptions {
  sizes: readonly number[];
  passes: number;
  historyAt: number;
  historyLimit: number;
  historyRuns: number;
  onProgress?: (message: string) => void;
}

export async function benchStore(reports: readonly PageReport[], templates: readonly ArticleRecord[], options: StoreOptions): Promise<StoreResult> {
  const sizes = [...options.sizes].sort((a, b) => a - b);
  const db = await openHistory(freshName('store'));
  const shape: HistoryShape = { start: START, spacing: SPACING };
  const lent = templates.map(templateOfRecord);
  const copies = corpusCopies(reports, lent, shape, seededRandom(3));
  const synthesiser = new Synthesiser(lent, shape);
  let count = 0;
  const result: StoreResult = { sizes: [], history: null };
  const queryTime = START + ((sizes[sizes.length - 1] ?? 0) + 10) * SPACING;
  for (const size of sizes) {
    const t = now();
    if (count === 0) count = await insertArticles(db, copies.slice(0, size));
    if (count < size) count += await seed(db, count + 1, size, synthesiser);
    const seedMs = now() - t;
    options.onProgress?.(`seeded ${count.toLocaleString('en')} articles in ${(seedMs / 1000).toFixed(1)} s`);
    for (const report of reports.slice(0, WARM_UP)) await recordReport(db, report, queryTime);
    await deleteRange(db, IDBKeyRange.lowerBound(count, true));
    const samples: number[] = [];
    let seen = 0;
    for (let pass = 0; pass < options.passes; pass++) {
      for (const report of reports) {
        const t0 = now();
        const verdict = await recordReport(db, report, queryTime + samples.length);
        samples.push(now() - t0);
        if (verdict.kind === 'seen') seen++;
      }
      await deleteRange(db, IDBKeyRange.lowerBound(count, true));
    }
    const bySite = await articlesBySite(db);
    const sameSite = reports.map((r) => bySite.get(siteOf(r.url)) ?? 0);
    result.sizes.push({ articles: count, seedMs, samples, seen, sameSite: { median: median(sameSite), max: Math.max(0, ...sameSite) } });
    if (size === options.historyAt) {
      for (let i = 0; i < 5; i++) await storiesPage(db, { query: '', multiSite: false, before: null, limit: options.historyLimit });
      const history: number[] = [];
      for (let i = 0; i < options.historyRuns; i++) {
        const t0 = now();
        await storiesPage(db, { query: '', multiSite: false, before: null, limit: options.historyLimit });
        history.push(now() - t0);
      }
      result.history = { articles: count, limit: options.historyLimit, samples: history };
    }
  }
  db.close();
  return result;
}

async function seed(db: HistoryDB, from: number, to: number, synthesiser: Synthesiser): Promise<number> {
  let added = 0;
  for (let start = from; start <= to; start += SEED_BATCH) {
    const end = Math.min(to, start + SEED_BATCH - 1);
    added += await insertArticles(db, synthesiser.records(start, end));
  }
  return added;
}

/** How many articles each site has in the history. */
async function articlesBySite(db: HistoryDB): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  for (const { site } of await allArticles(db)) counts.set(site, (counts.get(site) ?? 0) + 1);
  return counts;
}
