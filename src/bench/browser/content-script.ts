/**
 * Phases 1 and 2: the corpus pages' reports made with the content script's own code in a web page,
 * then the content script's main-thread time on a sample of them and on a generated 1 MB article,
 * from a Chromium trace per page, and where the time goes on the largest pages.
 */
import type { Page } from 'puppeteer-core';
import type { ExtensionBrowser } from '../../../test/harness/browsers.ts';
import { sleep } from '../../../test/harness/poll.ts';
import { fmt } from '../format.ts';
import type { PageReport, Report } from '../../protocol.ts';
import type { BenchGlobal } from '../page/api.ts';
import { summarise } from '../stats.ts';
import { articlePage } from './article-page.ts';
import { call } from './call.ts';
import type { CorpusPage } from './corpus.ts';
import type { ContentScriptResult, Stages, TracedPage, TracedVisit } from './results.ts';
import { extensionTasks, TRACE_CATEGORIES } from './trace.ts';
import { clearVerdictEvents, verdictEvents } from './watchers.ts';

export const BIG_PAGE_RUNS = 3;
const REPORT_BATCH = 20;

/** Every corpus page's report, made in a web page of the bench origin from the raw saved HTML; the articles' kept. */
export async function corpusReports(
  browser: ExtensionBrowser, corpus: readonly CorpusPage[], bundle: string, benchOrigin: string,
): Promise<PageReport[]> {
  const reports = await reportsOf(browser, corpus.map((p) => ({ id: p.id, url: p.url })), bundle, benchOrigin);
  return reports.filter((r): r is PageReport => r !== null);
}

/**
 * The reports of `pages` (a corpus page's id, and the address to make its report for), in order,
 * null where no article: made in a web page of the bench origin with the content script's code,
 * from the raw saved HTML, REPORT_BATCH pages per call into the page.
 */
export async function reportsOf(
  browser: ExtensionBrowser, pages: readonly { id: string; url: string }[], bundle: string, benchOrigin: string,
): Promise<(PageReport | null)[]> {
  const page = await browser.browser.newPage();
  try {
    await page.goto(`${benchOrigin}/bench/blank`);
    await page.evaluate(bundle);
    const reports: (PageReport | null)[] = [];
    for (let i = 0; i < pages.length; i += REPORT_BATCH) {
      const found: (PageReport | null)[] = await page.evaluate(async (batch) => {
        const out: (PageReport | null)[] = [];
        for (const p of batch) {
          const html = await (await fetch(`/bench/raw/${encodeURIComponent(p.id)}`)).text();
          const report: Report = (globalThis as BenchGlobal).dejaLuBench.reportOf(html, p.url);
          out.push(report.article ? report : null);
        }
        return out;
      }, pages.slice(i, i + REPORT_BATCH));
      reports.push(...found);
    }
    return reports;
  } finally {
    await page.close();
  }
}

export interface TraceTarget {
  benchOrigin: string;
  /** e.g. chrome-extension://ID/content.js */
  scriptUrl: string;
  bundle: string;
  log: (message: string) => void;
}

/**
 * Loads each page in a fresh tab under a trace and sums the main-thread tasks the content script
 * caused (until the page is recorded); then, on the largest pages and the generated article,
 * times the extraction steps in the page.
 */
export async function contentScriptTime(
  browser: ExtensionBrowser, sample: readonly CorpusPage[], largest: readonly CorpusPage[], target: TraceTarget,
): Promise<ContentScriptResult> {
  const { benchOrigin, scriptUrl, bundle } = target;
  const pages: TracedPage[] = [];
  for (const p of sample) {
    const url = `${benchOrigin}/bench/page/${encodeURIComponent(p.id)}`;
    const traced = await tracedVisit(browser, url, scriptUrl, largest.includes(p) ? bundle : null);
    pages.push({ id: p.id, bytes: p.bytes, ...traced });
  }
  const ran = pages.flatMap((p) => (p.tasks ? [p.tasks] : []));
  const bigRuns: TracedVisit[] = [];
  for (let i = 0; i < BIG_PAGE_RUNS; i++) {
    bigRuns.push(await tracedVisit(browser, `${benchOrigin}/bench/big-article?run=${i}`, scriptUrl, i === 0 ? bundle : null));
  }
  const longest = summarise(bigRuns.map((run) => run.tasks?.longestMs ?? Number.NaN));
  const first = bigRuns[0]!;
  const traced = `traced ${pages.length} corpus pages and the 1 MB article ${BIG_PAGE_RUNS} times`;
  target.log(`${traced} (longest task there, median ${fmt(longest.median)} ms)`);
  return {
    pages,
    traced: ran.length,
    totalMs: summarise(ran.map((t) => t.totalMs)),
    longestTaskMs: summarise(ran.map((t) => t.longestMs)),
    tasksPerPage: summarise(ran.map((t) => t.tasks)),
    bigArticle: { bytes: Buffer.byteLength(articlePage()), ...first, runs: bigRuns.map((run) => run.tasks), longestTaskMs: longest },
  };
}

/** @param bundle  also time the extraction steps in the page (after the trace), or null */
async function tracedVisit(browser: ExtensionBrowser, url: string, scriptUrl: string, bundle: string | null): Promise<TracedVisit> {
  const page = await browser.browser.newPage();
  try {
    await clearVerdictEvents(browser);
    await page.tracing.start({ categories: TRACE_CATEGORIES });
    let traceStopped = false;
    try {
      await page.goto(url, { waitUntil: 'load', timeout: 30_000 });
      const events = await verdictEvents(browser, url, 30_000).catch(() => []);
      await sleep(50);
      const trace = await page.tracing.stop();
      traceStopped = true;
      const tasks = trace ? extensionTasks(trace, scriptUrl) : null;
      const stages = bundle ? await timeStages(page, bundle) : null;
      const last = events[events.length - 1];
      return { verdict: last?.kind ?? 'none', reason: last?.reason, tasks, stages };
    } finally {
      if (!traceStopped) await page.tracing.stop().catch(() => undefined);
    }
  } finally {
    await page.close();
  }
}

/**
 * The extraction steps timed in the page (the content script's code, bundled): the first run,
 * cold as the content script is on every page, then the best of two more (least disturbed by
 * other processes on a busy machine).
 */
async function timeStages(page: Page, bundle: string): Promise<Stages> {
  await page.evaluate(bundle);
  const cold = await call(page, 'stages');
  const runs = [];
  for (let i = 0; i < 2; i++) runs.push(await call(page, 'stages'));
  const best: Record<string, number> = {};
  for (const k of Object.keys(cold.times)) best[k] = Math.min(...runs.map((r) => r.times[k] ?? Number.NaN));
  return { cold, best: { ...cold, times: best, extractMs: Math.min(...runs.map((r) => r.extractMs)) } };
}
