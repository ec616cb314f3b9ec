/**
 * Phase 6: the link marks' main-thread cost (marks.js, src/content/marks) on a front page of 1,000
 * links (marks-setup.ts), in a Chromium of its own with a fresh profile. Each run loads the page in
 * a new tab under a trace until every link the worker says is read is marked, then appends 250
 * links as an infinite scroll does, under a second trace, until those are marked too; the tasks
 * holding marks.js code are summed from each trace (trace.ts). Each run also checks the marks
 * against the page's plan: the links to what was read marked, and nothing else.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { launchBrowser, type ExtensionBrowser } from '../../../test/harness/browsers.ts';
import { poll, sleep } from '../../../test/harness/poll.ts';
import { fmt } from '../format.ts';
import { summarise } from '../stats.ts';
import { benchPage, type BenchCaller } from './call.ts';
import type { CorpusPage } from './corpus.ts';
import { load } from './disk.ts';
import { frontPageHtml, type FrontLink } from './front-page.ts';
import { frontSetting, FRONT_LINKS, MORE_BY_HEADLINE, MORE_BY_URL, MORE_LINKS, OTHER_ARTICLES, READ_BY_HEADLINE, READ_BY_URL } from './marks-setup.ts';
import type { Log } from './options.ts';
import type { MarksResult, MarksRun, MarksStep } from './results.ts';
import { extensionTasks, TRACE_CATEGORIES } from './trace.ts';

export const FRONT_PATH = '/bench/front';
/** After the last mark, the trace runs on this long: a task of the marks still to come is caught. */
const QUIET_MS = 300;
const MARKS_TIMEOUT_MS = 30_000;

export interface MarksTarget {
  benchOrigin: string;
  dist: string;
  bundle: string;
  runs: number;
  /** Serves `html` at `path` of the bench host from now on. */
  publish: (path: string, html: string) => void;
  log: Log;
}

/** What the page shows as marked: the highlight's ranges, the links with a title, and those links' hrefs. */
interface Shown {
  highlighted: number;
  titled: number;
  hrefs: string[];
}

const shown = (page: Page): Promise<Shown> => page.evaluate(() => {
  const titled = [...document.querySelectorAll('a[title]')];
  return {
    highlighted: CSS.highlights.get('deja-lu-read')?.size ?? 0,
    titled: titled.length,
    hrefs: titled.map((a) => a.getAttribute('href') ?? ''),
  };
});

export async function marksCost(corpus: readonly CorpusPage[], target: MarksTarget): Promise<{ figures: MarksResult; browser: string }> {
  const profile = await mkdtemp(join(tmpdir(), 'deja-lu-bench-marks-'));
  let browser: ExtensionBrowser | null = null;
  try {
    browser = await launchBrowser('chromium', { dist: target.dist, userDataDir: profile });
    const control = await browser.browser.newPage();
    const bench = await benchPage(browser, control, target.bundle);
    const setting = await frontSetting(browser, bench, corpus, target);
    const articles = await bench('count');
    target.publish(FRONT_PATH, frontPageHtml(setting.links, setting.more));
    const front = `${target.benchOrigin}${FRONT_PATH}`;
    const expected = { links: await expectedMarks(bench, front, setting.links), more: await expectedMarks(bench, front, setting.more) };
    target.log(`marks: ${articles.toLocaleString('en')} articles in the history; the worker marks ${expected.links} of` +
      ` ${setting.links.length} links, then ${expected.more} of ${setting.more.length} more`);
    if (expected.links === 0) throw new Error('marks: the worker would mark none of the front page\'s links: the history was not seeded');
    const read = new Set([...setting.links, ...setting.more].filter((l) => l.kind !== 'unread').map((l) => l.href));
    const scriptUrl = `${browser.driver.origin}/marks.js`;
    const runs: MarksRun[] = [];
    for (let i = 0; i < target.runs; i++) {
      const run = await markedVisit(browser, `${front}?run=${i}`, { scriptUrl, contentUrl: `${browser.driver.origin}/content.js` }, expected, read);
      runs.push(run);
      target.log(`marks run ${i + 1}: ${run.load.marked} marked, marks.js ${fmt(run.load.tasks?.totalMs ?? Number.NaN)} ms` +
        ` (longest task ${fmt(run.load.tasks?.longestMs ?? Number.NaN)}); 250 more: ${run.scroll.marked - run.load.marked} marked,` +
        ` ${fmt(run.scroll.tasks?.totalMs ?? Number.NaN)} ms (longest ${fmt(run.scroll.tasks?.longestMs ?? Number.NaN)})`);
    }
    const figures: MarksResult = {
      links: FRONT_LINKS, moreLinks: MORE_LINKS, articles, otherArticles: OTHER_ARTICLES, recorded: setting.recorded,
      planned: { byUrl: READ_BY_URL, byHeadline: READ_BY_HEADLINE, moreByUrl: MORE_BY_URL, moreByHeadline: MORE_BY_HEADLINE },
      expected, runs, load: summaryOf(runs.map((r) => r.load)), scroll: summaryOf(runs.map((r) => r.scroll)),
    };
    return { figures, browser: await browser.browser.version() };
  } finally {
    await browser?.close();
    await rm(profile, { recursive: true, force: true }).catch(() => undefined);
  }
}

/** How many of `links` the worker marks on the page at `page` (batchMarks, from an extension page), asked as the page asks. */
async function expectedMarks(bench: BenchCaller, page: string, links: readonly FrontLink[]): Promise<number> {
  const marked = await bench('linkMarksOf', { page, base: page, hrefs: links.map((l) => l.href), texts: links.map((l) => l.text) });
  return marked.length;
}

const summaryOf = (steps: readonly MarksStep[]) => ({
  totalMs: summarise(steps.map((s) => s.tasks?.totalMs ?? Number.NaN)),
  longestMs: summarise(steps.map((s) => s.tasks?.longestMs ?? Number.NaN)),
  tasks: summarise(steps.map((s) => s.tasks?.tasks ?? Number.NaN)),
  sampledMs: summarise(steps.map((s) => s.tasks?.scriptSampledMs ?? Number.NaN)),
  framesMs: summarise(steps.map((s) => s.tasks?.frames.totalMs ?? Number.NaN)),
  doneMs: summarise(steps.map((s) => s.doneMs)),
});

/**
 * One run in a new tab: the page loaded until `expected.links` are marked, then 250 links added
 * until `expected.more` more are; each under its own trace. Throws when the marks do not come.
 */
async function markedVisit(
  browser: ExtensionBrowser, url: string, scripts: { scriptUrl: string; contentUrl: string },
  expected: { links: number; more: number }, read: ReadonlySet<string>,
): Promise<MarksRun> {
  const page = await browser.browser.newPage();
  try {
    const loaded = await traced(page, scripts, async () => {
      await page.goto(url, { waitUntil: 'load', timeout: 30_000 });
      return expected.links;
    });
    const scrolled = await traced(page, scripts, async () => {
      // From the page's own timer, as its scroll handler would: the task is the page's (trace.ts).
      await page.evaluate(() => void setTimeout((window as unknown as { addMore: (this: void) => void }).addMore, 0));
      return expected.links + expected.more;
    });
    const { hrefs } = await shown(page);
    return { load: loaded, scroll: scrolled, unexpected: hrefs.filter((h) => !read.has(h)).length };
  } finally {
    await page.close();
  }
}

/**
 * Runs `act` under a trace, then waits until as many links as it returns are marked, and QUIET_MS
 * more; the tasks of marks.js (and of content.js, on the same page) from the trace.
 */
async function traced(page: Page, scripts: { scriptUrl: string; contentUrl: string }, act: () => Promise<number>): Promise<MarksStep> {
  const loadAverage = load();
  await page.tracing.start({ categories: TRACE_CATEGORIES });
  let stopped = false;
  try {
    const started = Date.now();
    const want = await act();
    let last: Shown | null = null;
    await poll(async () => (last = await shown(page)).highlighted >= want, {
      what: `${want} links marked (${last === null ? 'none yet' : `${(last as Shown).highlighted} so far`})`, timeout: MARKS_TIMEOUT_MS,
    });
    const doneMs = Date.now() - started;
    await sleep(QUIET_MS);
    const trace = await page.tracing.stop();
    stopped = true;
    const after = await shown(page);
    return {
      marked: after.highlighted, titled: after.titled, doneMs, loadAverage,
      tasks: trace ? extensionTasks(trace, scripts.scriptUrl) : null,
      content: trace ? extensionTasks(trace, scripts.contentUrl) : null,
    };
  } finally {
    if (!stopped) await page.tracing.stop().catch(() => undefined);
  }
}
