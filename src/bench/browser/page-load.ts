/**
 * The extension's whole cost to page load: the same corpus pages loaded in three Chromiums alive at
 * once, one with the extension, one without, and one with an extension whose one content script
 * does nothing (the reference: what the browser charges any extension's content script), launched
 * alike (fresh profiles, the same flags), page by page in turn (page-load-summary.ts); the page's
 * own load-event time and largest contentful paint, read from the page after load.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { ExtensionBrowser } from '../../../test/harness/browsers.ts';
import { poll, sleep } from '../../../test/harness/poll.ts';
import { chromiumPath } from '../../eval/executables.ts';
import { fmt } from '../format.ts';
import type { CorpusPage } from './corpus.ts';
import { spreadOverSources } from './corpus.ts';
import { loadOrder, summarisePageLoad, type Arm, type PageLoadResult, type PageLoadSample } from './page-load-summary.ts';
import { installWatchers, noReadDelay, verdictEvents } from './watchers.ts';

/** How long the extension's report of a page may take to reach the worker before the load counts as "did not run". */
const RAN_TIMEOUT_MS = 10_000;
/** Between two loads: the browser's own after-load work settles in every arm alike. */
const PAUSE_MS = 30;

export interface PageLoadTarget {
  benchOrigin: string;
  /** e.g. 127.0.0.4: the one host the browsers may reach */
  benchHost: string;
  /** The Chromium build of the extension. */
  dist: string;
  pages: number;
  rounds: number;
  log: (message: string) => void;
}

/** Each arm's browser, and the one tab that loads the pages in it. */
interface Arms {
  with: { browser: Browser; tab: Page; extension: ExtensionBrowser };
  without: { browser: Browser; tab: Page };
  empty: { browser: Browser; tab: Page };
  /** Folders to remove after the run: the profiles, the empty extension. */
  temporary: string[];
}

/** What the empty content script leaves on the page's root element: the sign that it ran. */
const EMPTY_RAN = 'data-bench-empty-script';

/**
 * The reference arm's extension, written into `dir`: one content script, injected where and when
 * the extension's are (http and https pages, document idle), doing nothing but set EMPTY_RAN (an
 * attribute no style reads).
 */
async function emptyExtension(dir: string): Promise<string> {
  const manifest = {
    manifest_version: 3, name: 'An empty content script', version: '1.0.0',
    content_scripts: [{ matches: ['http://*/*', 'https://*/*'], js: ['empty.js'], run_at: 'document_idle' }],
  };
  await writeFile(join(dir, 'manifest.json'), JSON.stringify(manifest));
  await writeFile(join(dir, 'empty.js'), `document.documentElement.setAttribute(${JSON.stringify(EMPTY_RAN)}, '');\n`);
  return dir;
}

/**
 * The arms launched alike: the same flags (extensions enabled in all, the extension installed in one, the empty content script in another), a fresh
 * profile each, and every host but the bench host failing at once in DNS (`~NOTFOUND`), so no saved
 * page waits on a third party (the served pages' CSP already keeps them from asking).
 */
async function launchArms(dist: string, benchHost: string): Promise<Arms> {
  const temporary = await Promise.all([0, 1, 2, 3].map(() => mkdtemp(join(tmpdir(), 'deja-lu-bench-page-load-'))));
  const [emptyDir, ...profiles] = temporary as [string, string, string, string];
  const launch = (userDataDir: string) => puppeteer.launch({
    browser: 'chrome', executablePath: chromiumPath(), headless: true, pipe: true, enableExtensions: true, userDataDir,
    defaultViewport: { width: 1280, height: 720 },
    args: [
      '--disable-component-update', '--disable-quic', `--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE ${benchHost}`,
      ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
    ],
  });
  const browsers: Browser[] = [];
  try {
    for (const profile of profiles) browsers.push(await launch(profile));
    const [withBrowser, withoutBrowser, emptyBrowser] = browsers as [Browser, Browser, Browser];
    const id = await withBrowser.installExtension(dist);
    await emptyBrowser.installExtension(await emptyExtension(emptyDir));
    const control = await withBrowser.newPage();
    const extension = new ExtensionBrowser({
      name: 'chromium', browser: withBrowser, origin: `chrome-extension://${id}`,
      gotoExtensionPage: async (page, url) => void (await page.goto(url)),
      restartBackground: () => Promise.reject(new Error('not used by the page-load phase')),
    }, control, true);
    await control.goto(extension.extensionUrl('popup.html?tab=0'));
    await poll(() => control.evaluate(() => document.body.dataset.ready === 'true'), { what: 'the extension page to be ready', timeout: 15_000 });
    // The other arms keep a second tab open too, so every browser holds the same tabs.
    for (const other of [withoutBrowser, emptyBrowser]) await (await other.newPage()).goto('about:blank');
    await noReadDelay(extension);
    await installWatchers(extension);
    const [withTab, withoutTab, emptyTab] = await Promise.all(browsers.map((b) => b.newPage()));
    return {
      with: { browser: withBrowser, tab: withTab!, extension }, without: { browser: withoutBrowser, tab: withoutTab! },
      empty: { browser: emptyBrowser, tab: emptyTab! }, temporary,
    };
  } catch (error) {
    await Promise.all(browsers.map((b) => b.close().catch(() => undefined)));
    await Promise.all(temporary.map((p) => rm(p, { recursive: true, force: true }).catch(() => undefined)));
    throw error;
  }
}

interface PageTimes {
  loadMs: number | null;
  dclMs: number | null;
  lcpMs: number | null;
}

/** How long after load a page may take to report its first LCP entry before it counts as having none. */
const LCP_WAIT_MS = 1_000;

/**
 * The navigation's load-event time and the last LCP entry, read two frames after load. Headless
 * Chromium reports a paint's entry once the frame is presented, which can come after those two
 * frames (a quick page read at once had none in about one load in eight): without an entry yet,
 * the read waits for one, up to LCP_WAIT_MS. The buffered entries reach the observer in a task of
 * their own; takeRecords() collects any still queued.
 */
const readTimes = (page: Page): Promise<PageTimes> => page.evaluate((waitMs) => new Promise<PageTimes>((done) => {
  let lcpMs: number | null = null;
  let framesDone = false;
  let finished = false;
  const finish = () => {
    if (finished) return;
    finished = true;
    for (const entry of observer.takeRecords()) lcpMs = entry.startTime;
    observer.disconnect();
    clearTimeout(timer);
    const [nav] = performance.getEntriesByType('navigation') as PerformanceNavigationTiming[];
    const since = (end: number | undefined) => (nav && end !== undefined && end > 0 ? end - nav.startTime : null);
    done({ loadMs: since(nav?.loadEventEnd), dclMs: since(nav?.domContentLoadedEventEnd), lcpMs });
  };
  const take = (entries: PerformanceEntryList) => {
    for (const entry of entries) lcpMs = entry.startTime;
    if (framesDone && lcpMs !== null) finish();
  };
  const observer = new PerformanceObserver((list) => take(list.getEntries()));
  observer.observe({ type: 'largest-contentful-paint', buffered: true });
  const timer = setTimeout(finish, waitMs);
  requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(() => {
    framesDone = true;
    take(observer.takeRecords());
  }, 0)));
}), LCP_WAIT_MS);

/**
 * One load in the arm's tab (a new tab cost 150–650 ms to open on a loaded machine, longer than
 * most loads), which then goes to about:blank, so the page's teardown falls outside the next load.
 * With the extension, first waits until the page's report reached the worker: its work ends before
 * the next load, in either arm.
 */
async function loadOnce(arms: Arms, arm: Arm, url: string): Promise<Omit<PageLoadSample, 'page' | 'round' | 'arm'>> {
  const { tab } = arms[arm];
  try {
    await tab.goto(url, { waitUntil: 'load', timeout: 30_000 });
    const times = await readTimes(tab);
    const ran = arm === 'with'
      ? await verdictEvents(arms.with.extension, url, RAN_TIMEOUT_MS).then(() => true, () => false)
      : arm === 'empty' ? await emptyRan(tab) : null;
    return { loadMs: times.loadMs ?? Number.NaN, dclMs: times.dclMs ?? Number.NaN, lcpMs: times.lcpMs, ran };
  } catch {
    return { loadMs: Number.NaN, dclMs: Number.NaN, lcpMs: null, ran: arm === 'without' ? null : false };
  } finally {
    await tab.goto('about:blank');
    await sleep(PAUSE_MS);
  }
}

/** Whether the empty content script ran on the page in `tab` (it runs by the load event, or just after it). */
const emptyRan = (tab: Page): Promise<boolean> => poll(() => tab.evaluate((name) => document.documentElement.hasAttribute(name), EMPTY_RAN), {
  what: 'the empty content script to run', timeout: RAN_TIMEOUT_MS,
}).then(() => true, () => false);

/** Loads ~`pages` corpus pages `rounds` times in each arm, in turn, and summarises. */
export async function pageLoadCost(
  corpus: readonly CorpusPage[], target: PageLoadTarget,
): Promise<{ figures: PageLoadResult; browser: string }> {
  const sample = spreadOverSources(corpus, target.pages);
  const arms = await launchArms(target.dist, target.benchHost);
  try {
    target.log(`page load: ${sample.length} pages × ${target.rounds} rounds, with and without the extension and with an empty content script, in turn`);
    const samples: PageLoadSample[] = [];
    for (const step of loadOrder(sample.length, target.rounds)) {
      const page = sample[step.page]!;
      for (const arm of step.order) {
        // The same address in every arm; a new one each round, so the extension sees a new visit.
        const url = `${target.benchOrigin}/bench/page/${encodeURIComponent(page.id)}?round=${step.round}`;
        samples.push({ page: page.id, round: step.round, arm, ...(await loadOnce(arms, arm, url)) });
      }
    }
    const result = summarisePageLoad(samples);
    target.log(`page load: median load event ${fmt(result.with.loadMs.median)} / ${fmt(result.without.loadMs.median)} ms with / without` +
      ` (×${fmt(result.loadRatio, 3)}), LCP ${fmt(result.with.lcpMs.median)} / ${fmt(result.without.lcpMs.median)} ms` +
      ` (×${fmt(result.lcpRatio, 3)}); an empty content script ×${fmt(result.emptyLoadRatio, 3)} and ×${fmt(result.emptyLcpRatio, 3)};` +
      ` the extension ran on ${result.ran} of ${result.withLoads} loads, the empty content script on ${result.emptyRan} of ${result.emptyLoads}`);
    return { figures: result, browser: await arms.with.browser.version() };
  } finally {
    await Promise.all([arms.with.browser, arms.without.browser, arms.empty.browser].map((b) => b.close().catch(() => undefined)));
    await Promise.all(arms.temporary.map((p) => rm(p, { recursive: true, force: true }).catch(() => undefined)));
  }
}
