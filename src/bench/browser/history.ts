/**
 * Phase 3: the history seeded in the extension's own IndexedDB from an extension tab, up to each
 * size, and look-up + record timed there with the background's recordReport; the popup's first
 * render at POPUP_AT.
 */
import type { ExtensionBrowser } from '../../../test/harness/browsers.ts';
import { sleep } from '../../../test/harness/poll.ts';
import type { RunningSites } from '../../../test/harness/sites.ts';
import type { PageReport } from '../../protocol.ts';
import { fmt } from '../format.ts';
import type { StorageEstimate } from '../page/api.ts';
import { summarise } from '../stats.ts';
import type { HistoryShape } from '../synthetic.ts';
import { benchPage, type BenchCaller } from './call.ts';
import { diskUsage, load, settle, SETTLE_QUIET_MS } from './disk.ts';
import type { Log } from './options.ts';
import { popupRender } from './popup.ts';
import type { LookupsAt, PopupResult, Seeding, StorageReading } from './results.ts';

const SEED_BATCH = 10_000;
const WARM_UP = 20;
/**
 * Idle time before each timed look-up: pages are opened one at a time. Timed back to back, 200
 * records wrote enough for the database to start compacting amid them (its files changed during the
 * timing in each of the three runs checked), and the 100k median varied from 2.3 to 4.8 ms over
 * eight runs (BENCHMARKS.md).
 */
export const PAUSE_MS = 30;
export const POPUP_AT = 10_000;
/** Look-ups whose two index reads are timed apart. */
export const PARTS_LOOKUPS = 100;
const DAY = 86_400_000;

export interface HistoryOptions {
  bundle: string;
  log: Log;
  /** History sizes at which look-up + record is timed, ascending (the largest is the seeded total). */
  sizes: readonly number[];
  /** Reports timed at each size. */
  lookups: number;
  profile: string;
  /** What the database's files have in their path. */
  disk: string;
  /** The fixture sites, to time the popup's first render; null not to. */
  popupSites: RunningSites | null;
}

export interface HistoryResult {
  before: StorageReading;
  immediate: StorageEstimate | null;
  lookups: LookupsAt[];
  seeding: Seeding;
  popup: PopupResult | null;
  shape: HistoryShape;
}

/**
 * Empties the history, then seeds it up to each size and times look-up + record there; the
 * popup's first render at POPUP_AT when `popupSites` is given. Storage is read before seeding
 * and right after the last stage.
 */
export async function historyPhase(browser: ExtensionBrowser, reports: PageReport[], options: HistoryOptions): Promise<HistoryResult> {
  const { sizes, profile, disk, log } = options;
  const page = await browser.browser.newPage();
  const bench = await benchPage(browser, page, options.bundle);
  await bench('clear');
  await sleep(1500);
  const before = { estimate: await bench('estimate'), disk: await diskUsage(profile, disk) };
  const shape = { start: Date.now() - 301 * DAY, spacing: (300 * DAY) / Math.max(...sizes) };
  const timed = reports.slice(0, options.lookups);
  const prepared = await bench('prepare', reports, shape);
  let count = await bench('seedCopies', reports, shape);
  const seeding: Seeding = { articles: 0, generateMs: 0, writeMs: 0, wallMs: 0, sites: prepared.sites, copies: count, stages: [] };
  const lookupsAt: LookupsAt[] = [];
  let immediate: StorageEstimate | null = null;
  let popup: PopupResult | null = null;
  for (const size of sizes) {
    await bench('trim', count);
    const stage = await seedUpTo(bench, count, size);
    const added = size - count;
    count = size;
    seeding.generateMs += stage.generateMs;
    seeding.writeMs += stage.writeMs;
    seeding.wallMs += stage.wallMs;
    seeding.stages.push({ upTo: size, added, ...stage, load: load() });
    const write = `write ${(stage.writeMs / 1000).toFixed(1)} s, generate ${(stage.generateMs / 1000).toFixed(1)} s`;
    log(`${browser.name}: seeded ${size.toLocaleString('en')} articles (+${added.toLocaleString('en')}: ${write})`);
    if (size === sizes[sizes.length - 1]) immediate = await bench('estimate');
    const settledMs = await settle(profile, disk);
    log(`${browser.name}: database files unchanged for ${SETTLE_QUIET_MS / 1000} s after ${fmt(settledMs / 1000)} s`);
    const at = await timeLookups(bench, timed, count, settledMs);
    lookupsAt.push(at);
    const timing = `median ${fmt(at.record.median, 2)} ms, p95 ${fmt(at.record.p95, 2)} ms`;
    log(`${browser.name}: look-up + record at ${size.toLocaleString('en')}: ${timing}`);
    if (size === POPUP_AT && options.popupSites) {
      log.phase('popup first render');
      popup = { stories: size, ...(await popupRender(browser, options.popupSites)) };
      await bench('trim', count);
    }
  }
  seeding.articles = count;
  await bench('close');
  await page.close();
  return { before, immediate, lookups: lookupsAt, seeding, popup, shape };
}

/** Seeds synthetic records count+1..size in batches; generation and writing timed apart. */
async function seedUpTo(bench: BenchCaller, count: number, size: number): Promise<{ generateMs: number; writeMs: number; wallMs: number }> {
  const t = Date.now();
  let generateMs = 0;
  let writeMs = 0;
  for (let from = count + 1; from <= size; from += SEED_BATCH) {
    const batch = await bench('seed', from, Math.min(size, from + SEED_BATCH - 1));
    generateMs += batch.generateMs;
    writeMs += batch.writeMs;
  }
  return { generateMs, writeMs, wallMs: Date.now() - t };
}

/** Look-up + record, the read-only check, the look-up's phases and the popup's query at the current size. */
async function timeLookups(bench: BenchCaller, timed: PageReport[], count: number, settledMs: number): Promise<LookupsAt> {
  const loadBefore = load();
  const run = await bench('timeRecords', timed, Date.now(), count, WARM_UP, PAUSE_MS);
  const parts = await bench('timeParts', timed.slice(0, PARTS_LOOKUPS));
  const ofKind = (kind: string) => summarise(run.record.filter((_, i) => run.kinds[i] === kind));
  return {
    articles: await bench('count'), record: summarise(run.record), check: summarise(run.check),
    seen: run.kinds.filter((k) => k === 'seen').length,
    byKind: { seen: ofKind('seen'), recorded: ofKind('recorded') },
    lookups: run.record.length, load: loadBefore, settledMs,
    parts: {
      candidatesMs: summarise(parts.candidatesMs), candidates: summarise(parts.candidates),
      siteSampleMs: summarise(parts.siteSampleMs), decideMs: summarise(parts.decideMs),
    },
    storiesPageMs: summarise((await bench('timeStories', 30, 7)).ms.slice(2)),
  };
}
