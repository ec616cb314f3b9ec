/**
 * Phase 6: the link marks' main-thread cost (marks.js, src/content/marks) on a front page of 1,000
 * links (marks-setup.ts), in a Chromium of its own with a fresh profile. Each run loads the page in
 * a new tab under a trace until every link the worker says is read is marked, then appends 250
 * links as an infinite scroll does, under a second trace, until those are marked too; the tasks
 * holding marks.js code are summed from each trace (trace.ts). Each run also checks the marks
 * against the page's plan: the links to what was read marked, and nothing else. Beside it, in a
 * second Chromium with the same history, a script that marks a page's links and does nothing else
 * (src/bench/least-marks) loads the same page in turn, measured alike: what marking the links costs
 * this machine before any of marks.js's own work, against which marks.js's figures are read.
 */
import { build } from 'esbuild';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { launchBrowser, type ExtensionBrowser } from '../../../test/harness/browsers.ts';
import { poll, sleep } from '../../../test/harness/poll.ts';
import { ROOT } from '../../../test/harness/root.ts';
import { fmt } from '../format.ts';
import { summarise } from '../stats.ts';
import { benchPage, BUNDLE_OPTIONS, type BenchCaller } from './call.ts';
import type { CorpusPage } from './corpus.ts';
import { load } from './disk.ts';
import { frontPageHtml, type FrontLink } from './front-page.ts';
import { frontSetting, seedHistory, FRONT_LINKS, MORE_BY_HEADLINE, MORE_BY_URL, MORE_LINKS, OTHER_ARTICLES, READ_BY_HEADLINE, READ_BY_URL } from './marks-setup.ts';
import type { Log } from './options.ts';
import type { MarksResult, MarksRun, MarksStep, MarksSummary } from './results.ts';
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
  const temporary: string[] = [];
  const browsers: ExtensionBrowser[] = [];
  try {
    for (const name of ['marks', 'least', 'least-dist']) temporary.push(await mkdtemp(join(tmpdir(), `deja-lu-bench-${name}-`)));
    const [profile, leastProfile, leastDist] = temporary as [string, string, string];
    await leastMarksBuild(target.dist, leastDist);
    const browser = await launchBrowser('chromium', { dist: target.dist, userDataDir: profile });
    browsers.push(browser);
    const least = await launchBrowser('chromium', { dist: leastDist, userDataDir: leastProfile });
    browsers.push(least);
    const setting = await frontSetting(browser, corpus, target);
    // The same history in both browsers.
    const benchIn = async (b: ExtensionBrowser) => benchPage(b, await b.browser.newPage(), target.bundle);
    const [bench, leastBench] = [await benchIn(browser), await benchIn(least)];
    const recorded = await seedHistory(bench, setting.reports);
    await seedHistory(leastBench, setting.reports);
    const articles = await bench('count');
    target.publish(FRONT_PATH, frontPageHtml(setting.links, setting.more));
    const front = `${target.benchOrigin}${FRONT_PATH}`;
    const expected = { links: await expectedMarks(bench, front, setting.links), more: await expectedMarks(bench, front, setting.more) };
    const leastExpected = await expectedMarks(leastBench, front, setting.links);
    target.log(`marks: ${articles.toLocaleString('en')} articles in the history; the worker marks ${expected.links} of` +
      ` ${setting.links.length} links, then ${expected.more} of ${setting.more.length} more`);
    if (expected.links === 0) throw new Error('marks: the worker would mark none of the front page\'s links: the history was not seeded');
    if (leastExpected !== expected.links) throw new Error(`marks: the reference's worker marks ${leastExpected} links, marks.js's ${expected.links}`);
    const read = new Set([...setting.links, ...setting.more].filter((l) => l.kind !== 'unread').map((l) => l.href));
    const scripts = (b: ExtensionBrowser) => ({ scriptUrl: `${b.driver.origin}/marks.js`, contentUrl: `${b.driver.origin}/content.js` });
    const runs: MarksRun[] = [];
    const leastRuns: MarksStep[] = [];
    for (let i = 0; i < target.runs; i++) {
      // In turn, the one going first alternating: the machine's load drifts alike for both.
      const visitLeast = async () => leastRuns.push(await leastVisit(least, `${front}?run=${i}`, scripts(least), expected.links));
      if (i % 2 === 1) await visitLeast();
      const run = await markedVisit(browser, `${front}?run=${i}`, scripts(browser), expected, read);
      runs.push(run);
      if (i % 2 === 0) await visitLeast();
      const reference = leastRuns[leastRuns.length - 1]!;
      target.log(`marks run ${i + 1}: ${run.load.marked} marked, marks.js ${fmt(run.load.tasks?.totalMs ?? Number.NaN)} ms` +
        ` (longest task ${fmt(run.load.tasks?.longestMs ?? Number.NaN)}); 250 more: ${run.scroll.marked - run.load.marked} marked,` +
        ` ${fmt(run.scroll.tasks?.totalMs ?? Number.NaN)} ms (longest ${fmt(run.scroll.tasks?.longestMs ?? Number.NaN)});` +
        ` the reference script: ${fmt(reference.tasks?.totalMs ?? Number.NaN)} ms (longest ${fmt(reference.tasks?.longestMs ?? Number.NaN)})`);
    }
    const figures: MarksResult = {
      links: FRONT_LINKS, moreLinks: MORE_LINKS, articles, otherArticles: OTHER_ARTICLES, recorded,
      planned: { byUrl: READ_BY_URL, byHeadline: READ_BY_HEADLINE, moreByUrl: MORE_BY_URL, moreByHeadline: MORE_BY_HEADLINE },
      expected, runs, load: summaryOf(runs.map((r) => r.load)), scroll: summaryOf(runs.map((r) => r.scroll)),
      least: { runs: leastRuns, load: summaryOf(leastRuns) },
    };
    return { figures, browser: await browser.browser.version() };
  } finally {
    await Promise.all(browsers.map((b) => b.close().catch(() => undefined)));
    await Promise.all(temporary.map((dir) => rm(dir, { recursive: true, force: true }).catch(() => undefined)));
  }
}

/** The extension of `dist` copied into `into`, its marks.js the reference script (src/bench/least-marks), built as the extension is (minified). */
async function leastMarksBuild(dist: string, into: string): Promise<void> {
  await cp(dist, into, { recursive: true });
  await build({ ...BUNDLE_OPTIONS, entryPoints: [join(ROOT, 'src', 'bench', 'least-marks', 'index.ts')], outfile: join(into, 'marks.js') });
}

/** One load of the front page in a new tab of the reference's browser, traced until `links` are marked. */
async function leastVisit(browser: ExtensionBrowser, url: string, scripts: { scriptUrl: string; contentUrl: string }, links: number): Promise<MarksStep> {
  const page = await browser.browser.newPage();
  try {
    return await traced(page, scripts, async () => {
      await page.goto(url, { waitUntil: 'load', timeout: 30_000 });
      return links;
    });
  } finally {
    await page.close();
  }
}

/** How many of `links` the worker marks on the page at `page` (batchMarks, from an extension page), asked as the page asks. */
async function expectedMarks(bench: BenchCaller, page: string, links: readonly FrontLink[]): Promise<number> {
  const marked = await bench('linkMarksOf', { page, base: page, hrefs: links.map((l) => l.href), texts: links.map((l) => l.text) });
  return marked.length;
}

const summaryOf = (steps: readonly MarksStep[]): MarksSummary => ({
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
