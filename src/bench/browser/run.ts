/**
 * The phases in one Chromium profile, in order: corpus reports, content script time, the history,
 * then after a restart storage from disk and the report round trip; then the cost to page load in
 * three Chromiums of their own (or that phase alone, --only page-load), the link marks' cost in two
 * of their own (or alone, --only marks); Firefox's history if asked.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchBrowser, type ExtensionBrowser } from '../../../test/harness/browsers.ts';
import { SITES, startSites, type RunningSites } from '../../../test/harness/sites.ts';
import { fmt } from '../format.ts';
import { articlePage } from './article-page.ts';
import { benchPage } from './call.ts';
import { contentScriptTime, corpusReports } from './content-script.ts';
import { hermetic, listCorpus, readCached, samplePages, type CorpusPage } from './corpus.ts';
import { diskUsage } from './disk.ts';
import { firefoxHistory } from './firefox.ts';
import { historyPhase } from './history.ts';
import { marksCost } from './marks.ts';
import { pageLoadCost } from './page-load.ts';
import type { BrowserOptions, Log } from './options.ts';
import type { BrowserResults } from './results.ts';
import { roundTrip } from './round-trip.ts';
import { bytesBreakdown, storageAfterRestart } from './storage.ts';
import { installWatchers, noReadDelay } from './watchers.ts';

/** The host that serves corpus pages and the generated article (the fixture sites use .1-.3). */
const BENCH_HOST = '127.0.0.4';

export interface RunContext {
  options: BrowserOptions;
  log: Log;
  bundle: string;
  /** The Chromium build of the extension. */
  dist: string;
}

/**
 * The fixture sites, and the bench host serving corpus pages (hermetic, or raw), the generated
 * article and the pages a phase publishes (`published`, by path: the marks' front page).
 */
function serve(corpus: readonly CorpusPage[], published: ReadonlyMap<string, string>): Promise<RunningSites> {
  const byId = new Map(corpus.map((p) => [p.id, p]));
  const bigArticle = hermetic(articlePage());
  return startSites({
    sites: [...SITES, { host: BENCH_HOST, dir: '.', name: 'bench' }],
    generate: (site, pathname) => {
      if (site.host !== BENCH_HOST) return null;
      const html = { type: 'text/html; charset=utf-8' };
      if (pathname === '/bench/blank') return { ...html, body: '<!doctype html><title>bench</title><p>bench</p>' };
      if (pathname === '/bench/big-article') return { ...html, body: bigArticle };
      const page = published.get(pathname);
      if (page !== undefined) return { ...html, body: page };
      const match = /^\/bench\/(page|raw)\/([^/]+)$/.exec(pathname);
      const saved = match && byId.get(decodeURIComponent(match[2] ?? ''));
      if (!saved) return { type: 'text/plain', body: 'no such page' };
      const source = readCached(saved.file);
      return { ...html, body: match[1] === 'page' ? hermetic(source) : source };
    },
  });
}

export async function runChromium(results: BrowserResults, context: RunContext): Promise<void> {
  const { options, log, bundle, dist } = context;
  const corpus = await listCorpus(options.corpusDir);
  const published = new Map<string, string>();
  const sites = await serve(corpus, published);
  const benchOrigin = `http://${BENCH_HOST}:${sites.port}`;
  const pageLoad = async () => {
    log.phase('page load with and without the extension');
    const target = { benchOrigin, benchHost: BENCH_HOST, dist, pages: options.loadPages, rounds: options.loadRounds, log };
    const { figures, browser: version } = await pageLoadCost(corpus, target);
    results.pageLoad = figures;
    results.browser ??= version;
  };
  const marks = async () => {
    log.phase('link marks on a front page');
    const target = { benchOrigin, dist, bundle, runs: options.marksRuns, log, publish: (path: string, html: string) => published.set(path, html) };
    const { figures, browser: version } = await marksCost(corpus, target);
    results.marks = figures;
    results.browser ??= version;
  };
  if (options.only) {
    try {
      results.corpusPages = corpus.length;
      await (options.only === 'page-load' ? pageLoad() : marks());
    } finally {
      await sites.close();
    }
    return;
  }
  const profile = await mkdtemp(join(tmpdir(), 'deja-lu-bench-browser-'));
  let browser: ExtensionBrowser | null = null;
  try {
    browser = await launchBrowser('chromium', { dist, userDataDir: profile });
    results.browser = await browser.browser.version();
    const scriptUrl = `${browser.driver.origin}/content.js`;
    await noReadDelay(browser);
    await installWatchers(browser);

    // 1. Reports of the corpus pages, with the content script's code, in a web page.
    log.phase('corpus reports');
    const reports = await corpusReports(browser, corpus, bundle, benchOrigin);
    log(`${reports.length} of ${corpus.length} corpus pages are articles`);
    results.corpusPages = corpus.length;
    results.corpusArticles = reports.length;

    // 2. Content script main-thread time.
    log.phase('content script main-thread time');
    const { sample, largest } = samplePages(corpus, options.tracePages);
    results.contentScript = await contentScriptTime(browser, sample, largest, { benchOrigin, scriptUrl, bundle, log });

    // 3. The history in the extension's IndexedDB.
    log.phase('history: seeding and look-ups');
    const history = await historyPhase(browser, reports, { ...options, bundle, log, profile, disk: 'IndexedDB', popupSites: sites });
    Object.assign(results, { lookups: history.lookups, seeding: history.seeding, popup: history.popup });

    // 4. Storage after a restart (usage recomputed from the files), then the round trip.
    log.phase('restart: storage from disk');
    await browser.close();
    browser = null;
    const closed = await diskUsage(profile, 'IndexedDB');
    browser = await launchBrowser('chromium', { dist, userDataDir: profile });
    await installWatchers(browser);
    const page = await browser.browser.newPage();
    const bench = await benchPage(browser, page, bundle);
    const storage = await storageAfterRestart(bench, profile, history, closed);
    results.storage = storage;
    const perArticle = `${fmt(storage.bytesPerArticle, 0)} B per article (estimate after restart)`;
    log(`storage: ${perArticle}, ${fmt(storage.diskBytesPerArticle, 0)} B on disk`);

    log.phase('report round trip');
    results.roundTrip = await roundTrip(browser, sites, bench);

    // Where the bytes go: a sample of the stored records, modelled.
    results.bytesBreakdown = await bytesBreakdown(bench, storage.articles);
    await page.close();
    await browser.close();
    browser = null;

    // 5. The whole cost to page load, in two browsers of its own, once this one is closed.
    await pageLoad();
    // 6. The link marks' cost on a front page of 1,000 links, in a browser of its own.
    await marks();

    if (options.firefox) {
      log.phase('firefox: history');
      results.firefox = await firefoxHistory(reports, { ...options, bundle, log });
    }
  } finally {
    await browser?.close();
    await sites.close();
    await rm(profile, { recursive: true, force: true }).catch(() => undefined);
  }
}
