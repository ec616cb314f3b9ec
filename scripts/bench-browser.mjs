// @ts-check
/**
 * The in-browser half of the benchmark: the built extension in real Chromium.
 *
 *   node scripts/bench-browser.mjs [CORPUS] [--json FILE] [--check | --check-stable] [--firefox] [--pages N] [--lookups N] [--sizes 1000,10000,100000]
 *
 * CORPUS defaults to ../shared/corpus; its pages are read by path and served from a local server
 * (never copied). The extension is the build in $DEJA_LU_DIST (default dist): build it first, e.g.
 * `DEJA_LU_DIST=dist-bench npm run build`. Prints a table, writes JSON (default
 * out/bench-browser.json); --check exits 1 when a budget is missed, --check-stable when a size or a
 * ratio is (time budgets flip with the machine's load: reported, held by --check only; CI).
 *
 * Phases, in one browser profile:
 *   1. corpus reports: every corpus page extracted and fingerprinted in a web page with the
 *      content script's own code (bundled from src/), for templates and timed look-ups;
 *   2. content script main-thread time on ~40 corpus pages and a generated 1 MB article, from a
 *      Chromium trace per page (scripts/lib/bench/trace.mjs), and where the time goes on the
 *      largest pages (the extraction steps timed in the page);
 *   3. the history seeded in the extension's own IndexedDB from an extension tab (1k, 10k, 100k
 *      articles), look-up + record timed at each size with the background's recordReport, the
 *      popup's first render at 10k, storage (navigator.storage.estimate and the files on disk);
 *   4. after a browser restart on the same profile (usage recomputed from disk), the report round
 *      trip on a local site: navigation → content script → background → verdict and badge.
 */
import { readFileSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { cpus, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { launchBrowser, ROOT } from '../test/harness/browsers.ts';
import { poll, sleep } from '../test/harness/poll.ts';
import { PAGES, SITES, startSites } from '../test/harness/sites.ts';
import { checkBudgets } from '../src/bench/budgets.ts';
import { articlePage } from './lib/bench/article-page.mjs';
import { benchBundle } from './lib/bench/bundle.mjs';
import { modelBytes, totalBytes } from '../src/bench/bytes.ts';
import { diskUsage, fmt, load, mb, summary, table } from './lib/bench/stats.mjs';
import { extensionTasks, TRACE_CATEGORIES } from './lib/bench/trace.mjs';

/** @typedef {import('../test/harness/browsers.ts').ExtensionBrowser} ExtensionBrowser */
/** @typedef {import('puppeteer-core').Page} Page */
/** @typedef {import('../src/protocol.ts').PageReport} PageReport */
/** @typedef {import('../src/protocol.ts').Report} Report */

const SEED_BATCH = 10_000;
/**
 * After each seeding stage nothing is timed until the database's files have stopped changing for
 * SETTLE_QUIET_MS (at most SETTLE_MAX_MS): a bulk write of up to 90,000 articles leaves the
 * database compacting for a while (look-ups timed at once ran twice as slow), and a history that
 * grew over years of reading is not fresh from one.
 */
const SETTLE_QUIET_MS = 5_000;
const SETTLE_MAX_MS = 180_000;
const WARM_UP = 20;
/**
 * Idle time before each timed look-up: pages are opened one at a time. Timed back to back, 200
 * records wrote enough for the database to start compacting amid them (its files changed during the
 * timing in each of the three runs checked), and the 100k median varied from 2.3 to 4.8 ms over
 * eight runs (BENCHMARKS.md).
 */
const PAUSE_MS = 30;
const POPUP_AT = 10_000;
const POPUP_OPENS = 10;
const ROUND_TRIPS = 5;
const BIG_PAGE_RUNS = 3;
const BREAKDOWN_ARTICLES = 2_000;
/** Look-ups whose two index reads are timed apart. */
const PARTS_LOOKUPS = 100;
const DAY = 86_400_000;
/** The host that serves corpus pages and the generated article (the fixture sites use .1-.3). */
const BENCH_HOST = '127.0.0.4';
/**
 * Served corpus pages run no script of their own and load nothing from elsewhere: the timing is
 * the extension's, and the saved pages cannot call their publishers.
 */
const PAGE_CSP = "default-src 'self'; script-src 'none'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; frame-src 'none'; connect-src 'self'";

// ---------- arguments ----------

const argv = process.argv.slice(2);
/** @param {string} name */
const option = (name) => {
  const i = argv.indexOf(name);
  if (i < 0) return undefined;
  const value = argv[i + 1];
  if (value === undefined || value.startsWith('--')) throw new Error(`${name} needs a value`);
  argv.splice(i, 2);
  return value;
};
/** @param {string} name */
const flag = (name) => {
  const i = argv.indexOf(name);
  if (i >= 0) argv.splice(i, 1);
  return i >= 0;
};
const jsonPath = resolve(option('--json') ?? join(ROOT, 'out', 'bench-browser.json'));
const tracePages = Number(option('--pages') ?? 40);
const lookups = Number(option('--lookups') ?? 200);
const check = flag('--check');
const checkStable = flag('--check-stable');
const firefox = flag('--firefox');
/** History sizes at which look-up + record is timed (the largest is the seeded total). */
const SIZES = (option('--sizes') ?? '1000,10000,100000').split(',').map(Number).sort((a, b) => a - b);
if (argv.some((a) => a.startsWith('--'))) throw new Error(`unknown option ${argv.find((a) => a.startsWith('--'))}`);
const corpusDir = resolve(argv[0] ?? join(ROOT, '..', 'shared', 'corpus'));
const dist = join(resolve(ROOT, process.env.DEJA_LU_DIST ?? 'dist'), 'chrome');

const started = Date.now();
/** @param {string} message */
const log = (message) => console.error(`[${((Date.now() - started) / 1000).toFixed(1).padStart(5)} s, load ${load().toFixed(2)}] ${message}`);
/** @type {Record<string, number>} */
const loadAt = {};
/** @param {string} phase */
const phase = (phase) => {
  loadAt[phase] = load();
  log(phase);
};

// ---------- corpus ----------

/**
 * @typedef {object} CorpusPage
 * @property {string} id
 * @property {string} url  the page's original URL (its site matters to the look-up)
 * @property {string} file
 * @property {number} bytes
 */

/** @returns {Promise<CorpusPage[]>} */
async function listCorpus() {
  const dir = join(corpusDir, 'pages');
  const ids = (await readdir(dir).catch(() => {
    throw new Error(`no corpus at ${dir}: pass its folder as the first argument`);
  })).sort();
  /** @type {CorpusPage[]} */
  const pages = [];
  for (const id of ids) {
    const file = join(dir, id, 'source.html');
    const meta = await readFile(join(dir, id, 'meta.json'), 'utf8').then((text) => JSON.parse(text), () => null);
    const size = await stat(file).then((s) => s.size, () => -1);
    if (!meta || size < 0) continue;
    const original = typeof meta.original_url === 'string' ? meta.original_url.trim() : '';
    const url = /^https?:\/\//i.test(original) ? original : `https://unknown-${id.toLowerCase().replace(/[^a-z0-9]+/g, '-')}.invalid/`;
    pages.push({ id, url, file, bytes: size });
  }
  if (pages.length === 0) throw new Error(`no pages with source.html and meta.json under ${dir}`);
  return pages;
}

/**
 * ~`count` pages spread evenly over each source (id prefix) in proportion, plus the largest.
 * @param {CorpusPage[]} pages
 * @param {number} count
 */
function samplePages(pages, count) {
  const largest = [...pages].sort((a, b) => b.bytes - a.bytes).slice(0, Math.min(5, count));
  const rest = count - largest.length;
  /** @type {Map<string, CorpusPage[]>} */
  const bySource = new Map();
  for (const p of pages) {
    const source = p.id.split('-')[0] ?? '';
    bySource.set(source, [...(bySource.get(source) ?? []), p]);
  }
  const chosen = new Set(largest);
  for (const group of bySource.values()) {
    const n = Math.max(1, Math.round((rest * group.length) / pages.length));
    for (let i = 0; i < n; i++) chosen.add(/** @type {CorpusPage} */ (group[Math.floor(((i + 0.5) * group.length) / n)]));
  }
  return { sample: [...chosen], largest };
}

/**
 * The served copy of a saved page: a CSP meta first (after the doctype, so no quirks mode change),
 * meta refreshes removed.
 * @param {string} html
 */
function hermetic(html) {
  const meta = `<meta http-equiv="Content-Security-Policy" content="${PAGE_CSP}">`;
  const cleaned = html.replace(/<meta[^>]+http-equiv=["']?refresh[^>]*>/gi, '');
  const doctype = /^\uFEFF?\s*<!doctype[^>]*>/i.exec(cleaned);
  return doctype ? `${doctype[0]}${meta}${cleaned.slice(doctype[0].length)}` : `${meta}${cleaned}`;
}

// ---------- main ----------

async function main() {
  phase('setup');
  const corpus = await listCorpus();
  const byId = new Map(corpus.map((p) => [p.id, p]));
  const bundle = await benchBundle();
  const bigArticle = hermetic(articlePage());
  const sites = await startSites({
    sites: [...SITES, { host: BENCH_HOST, dir: '.', name: 'bench' }],
    generate: (site, pathname) => {
      if (site.host !== BENCH_HOST) return null;
      const html = { type: 'text/html; charset=utf-8' };
      if (pathname === '/bench/blank') return { ...html, body: '<!doctype html><title>bench</title><p>bench</p>' };
      if (pathname === '/bench/big-article') return { ...html, body: bigArticle };
      const match = /^\/bench\/(page|raw)\/([^/]+)$/.exec(pathname);
      const page = match && byId.get(decodeURIComponent(match[2] ?? ''));
      if (!page) return { type: 'text/plain', body: 'no such page' };
      const source = readFileSyncCached(page.file);
      return { ...html, body: match[1] === 'page' ? hermetic(source) : source };
    },
  });
  const benchOrigin = `http://${BENCH_HOST}:${sites.port}`;
  const profile = await mkdtemp(join(tmpdir(), 'deja-lu-bench-browser-'));
  /** @type {ExtensionBrowser | null} */
  let browser = null;
  /** @type {any} */
  const results = {
    date: new Date().toISOString(), node: process.version, cpus: `${cpus()[0]?.model ?? '?'} × ${cpus().length}`,
    corpus: corpusDir, dist, load: loadAt,
  };
  try {
    browser = await launchBrowser('chromium', { dist, userDataDir: profile });
    results.browser = await browser.browser.version();
    const origin = browser.driver.origin;
    const scriptUrl = `${origin}/content.js`;
    await browser.control.evaluate(() => /** @type {any} */ (globalThis).chrome.storage.local.set({ settings: { readDelaySeconds: 0 } }));
    await installWatchers(browser);

    // 1. Reports of the corpus pages, with the content script's code, in a web page.
    phase('corpus reports');
    const reports = await corpusReports(browser, corpus, bundle, benchOrigin);
    log(`${reports.length} of ${corpus.length} corpus pages are articles`);
    results.corpusPages = corpus.length;
    results.corpusArticles = reports.length;

    // 2. Content script main-thread time.
    phase('content script main-thread time');
    const { sample, largest } = samplePages(corpus, tracePages);
    results.contentScript = await contentScriptTime(browser, sample, largest, benchOrigin, scriptUrl, bundle);

    // 3. The history in the extension's IndexedDB.
    phase('history: seeding and look-ups');
    const history = await historyPhase(browser, bundle, reports, { profile, disk: 'IndexedDB', popupSites: sites });
    Object.assign(results, { lookups: history.lookups, seeding: history.seeding, popup: history.popup });

    // 4. Storage after a restart (usage recomputed from the files), then the round trip.
    phase('restart: storage from disk');
    await browser.close();
    browser = null;
    const closed = await diskUsage(profile, 'IndexedDB');
    browser = await launchBrowser('chromium', { dist, userDataDir: profile });
    await installWatchers(browser);
    const ext2 = await browser.browser.newPage();
    const bench2 = await benchPage(browser, ext2, bundle);
    const stored = await bench2('count');
    await sleep(1500);
    const after = { estimate: await bench2('estimate'), disk: await diskUsage(profile, 'IndexedDB') };
    const idb = (/** @type {any} */ e) => e.details?.indexedDB ?? e.usage;
    results.storage = {
      articles: stored,
      before: history.before, immediate: history.immediate, diskWhenClosed: closed, after,
      bytesPerArticle: (idb(after.estimate) - idb(history.before.estimate)) / stored,
      bytesPerArticleImmediate: (idb(history.immediate) - idb(history.before.estimate)) / stored,
      diskBytesPerArticle: (after.disk.bytes - history.before.disk.bytes) / stored,
      diskBytesPerArticleClosed: (closed.bytes - history.before.disk.bytes) / stored,
    };
    log(`storage: ${fmt(results.storage.bytesPerArticle, 0)} B per article (estimate after restart), ${fmt(results.storage.diskBytesPerArticle, 0)} B on disk`);

    phase('report round trip');
    results.roundTrip = await roundTrip(browser, sites, bench2);

    // Where the bytes go: a sample of the stored records, modelled.
    const sampled = await bench2('sample', BREAKDOWN_ARTICLES, stored);
    results.bytesBreakdown = { n: sampled.length, shipped: modelBytes(sampled, stored), shape: recordShape(sampled) };
    await ext2.close();
    await browser.close();
    browser = null;

    if (firefox) {
      phase('firefox: history');
      results.firefox = await firefoxHistory(reports, bundle);
    }
  } finally {
    await browser?.close();
    await sites.close();
    await rm(profile, { recursive: true, force: true }).catch(() => undefined);
  }
  results.load.end = load();
  results.runtimeS = (Date.now() - started) / 1000;
  results.budgets = budgets(results);
  await mkdir(dirname(jsonPath), { recursive: true });
  await writeFile(jsonPath, `${JSON.stringify(results, null, 2)}\n`);
  console.log(render(results));
  console.log(`\nJSON: ${jsonPath}`);
  const held = results.budgets.filter((/** @type {{ stable: boolean }} */ b) => check || (checkStable && b.stable));
  if (held.some((/** @type {{ pass: boolean }} */ b) => !b.pass)) process.exitCode = 1;
}

/** @type {Map<string, string>} */
const sources = new Map();
/**
 * A corpus page's HTML, read synchronously (the sites' generate hook is synchronous), once.
 * @param {string} file
 */
function readFileSyncCached(file) {
  let text = sources.get(file);
  if (text === undefined) {
    text = readFileSync(file, 'utf8');
    sources.set(file, text);
  }
  return text;
}

/**
 * Mean sizes of the stored records' parts.
 * @param {import('../src/bench/bytes.ts').SentRecord[]} records
 */
function recordShape(records) {
  const mean = (/** @type {(r: import('../src/bench/bytes.ts').SentRecord) => number} */ f) => records.reduce((sum, r) => sum + f(r), 0) / records.length;
  return {
    keys: mean((r) => r.k.length), paragraphs: mean((r) => r.g.length), sketch: mean((r) => r.h.length),
    urlChars: mean((r) => r.u.length), titleChars: mean((r) => r.t.length),
  };
}

// ---------- phase 3: the history ----------

/**
 * Opens the bench bundle in an extension page (the extension's origin: its IndexedDB) and returns
 * a caller of its functions.
 * @param {ExtensionBrowser} browser
 * @param {Page} page
 * @param {string} bundle
 * @returns {Promise<(fn: string, ...args: unknown[]) => Promise<any>>}
 */
async function benchPage(browser, page, bundle) {
  await browser.driver.gotoExtensionPage(page, browser.extensionUrl('popup.html?tab=0'));
  await page.evaluate(bundle);
  return (fn, ...args) => page.evaluate((fn, args) => /** @type {any} */ (globalThis).dejaLuBench[fn](...args), fn, args);
}

/**
 * Waits until the database's files have not changed for SETTLE_QUIET_MS (a bulk write's compaction
 * is over), at most SETTLE_MAX_MS; returns the time waited.
 * @param {string} profile
 * @param {string} disk
 */
async function settle(profile, disk) {
  const start = Date.now();
  let last = '';
  let quietSince = start;
  while (Date.now() - start < SETTLE_MAX_MS) {
    const usage = await diskUsage(profile, disk);
    const state = JSON.stringify([usage.bytes, usage.files, usage.largest]);
    if (state !== last) {
      last = state;
      quietSince = Date.now();
    } else if (Date.now() - quietSince >= SETTLE_QUIET_MS) break;
    await sleep(500);
  }
  return Date.now() - start;
}

/**
 * Empties the history, then seeds it up to each size and times look-up + record there; the
 * popup's first render at POPUP_AT when `popupSites` is given. Storage is read before seeding
 * and right after the last stage.
 * @param {ExtensionBrowser} browser
 * @param {string} bundle
 * @param {PageReport[]} reports
 * @param {{ profile: string, disk: string, popupSites: Awaited<ReturnType<typeof startSites>> | null }} options
 */
async function historyPhase(browser, bundle, reports, { profile, disk, popupSites }) {
  const page = await browser.browser.newPage();
  const bench = await benchPage(browser, page, bundle);
  await bench('clear');
  await sleep(1500);
  const before = { estimate: await bench('estimate'), disk: await diskUsage(profile, disk) };
  const now = Date.now();
  const shape = { start: now - 301 * DAY, spacing: (300 * DAY) / Math.max(...SIZES) };
  const timed = reports.slice(0, lookups);
  const prepared = await bench('prepare', reports, shape);
  let count = await bench('seedCopies', reports, shape);
  const seeding = { articles: 0, generateMs: 0, writeMs: 0, wallMs: 0, sites: prepared.sites, copies: count, stages: /** @type {any[]} */ ([]) };
  /** @type {any[]} */
  const lookupsAt = [];
  /** @type {any} */
  let immediate = null;
  /** @type {any} */
  let popup = null;
  for (const size of SIZES) {
    await bench('trim', count);
    const t = Date.now();
    let generateMs = 0;
    let writeMs = 0;
    for (let from = count + 1; from <= size; from += SEED_BATCH) {
      const batch = await bench('seed', from, Math.min(size, from + SEED_BATCH - 1));
      generateMs += batch.generateMs;
      writeMs += batch.writeMs;
    }
    const added = size - count;
    count = size;
    const wallMs = Date.now() - t;
    seeding.generateMs += generateMs;
    seeding.writeMs += writeMs;
    seeding.wallMs += wallMs;
    seeding.stages.push({ upTo: size, added, generateMs, writeMs, wallMs, load: load() });
    log(`${browser.name}: seeded ${size.toLocaleString('en')} articles (+${added.toLocaleString('en')}: write ${(writeMs / 1000).toFixed(1)} s, generate ${(generateMs / 1000).toFixed(1)} s)`);
    if (size === SIZES[SIZES.length - 1]) immediate = await bench('estimate');
    const settledMs = await settle(profile, disk);
    log(`${browser.name}: database files unchanged for ${SETTLE_QUIET_MS / 1000} s after ${fmt(settledMs / 1000)} s`);
    const loadBefore = load();
    const run = await bench('timeRecords', timed, Date.now(), count, WARM_UP, PAUSE_MS);
    const parts = await bench('timeParts', timed.slice(0, PARTS_LOOKUPS));
    lookupsAt.push({
      articles: await bench('count'), record: summary(run.record), check: summary(run.check),
      seen: run.kinds.filter((/** @type {string} */ k) => k === 'seen').length,
      byKind: Object.fromEntries(['seen', 'recorded'].map((kind) => [kind, summary(run.record.filter((/** @type {number} */ _, /** @type {number} */ i) => run.kinds[i] === kind))])),
      lookups: run.record.length, load: loadBefore, settledMs,
      parts: {
        candidatesMs: summary(parts.candidatesMs), candidates: summary(parts.candidates),
        siteSampleMs: summary(parts.siteSampleMs), decideMs: summary(parts.decideMs),
      },
      storiesPageMs: summary((await bench('timeStories', 30, 7)).ms.slice(2)),
    });
    log(`${browser.name}: look-up + record at ${size.toLocaleString('en')}: median ${fmt(summary(run.record).median, 2)} ms, p95 ${fmt(summary(run.record).p95, 2)} ms`);
    if (size === POPUP_AT && popupSites) {
      phase('popup first render');
      popup = { stories: size, ...(await popupRender(browser, popupSites)) };
      await bench('trim', count);
    }
  }
  seeding.articles = count;
  await bench('close');
  await page.close();
  return { before, immediate, lookups: lookupsAt, seeding, popup, shape };
}

/**
 * The history part in Firefox ESR (--firefox): seeding, look-up + record, and storage read again
 * after a restart on the same profile, as for Chromium (SQLite's write-ahead log is folded into
 * the database when Firefox closes it).
 * @param {PageReport[]} reports
 * @param {string} bundle
 */
async function firefoxHistory(reports, bundle) {
  const profile = await mkdtemp(join(tmpdir(), 'deja-lu-bench-firefox-'));
  const firefoxDist = join(dirname(dist), 'firefox');
  /** @type {ExtensionBrowser | null} */
  let firefox = await launchBrowser('firefox', { dist: firefoxDist, userDataDir: profile });
  try {
    const version = await firefox.browser.version();
    const history = await historyPhase(firefox, bundle, reports, { profile, disk: 'moz-extension', popupSites: null });
    const open = await diskUsage(profile, 'moz-extension');
    await firefox.close();
    firefox = null;
    const closed = await diskUsage(profile, 'moz-extension');
    firefox = await launchBrowser('firefox', { dist: firefoxDist, userDataDir: profile });
    const page = await firefox.browser.newPage();
    const bench = await benchPage(firefox, page, bundle);
    const stored = await bench('count');
    await sleep(1500);
    const after = { estimate: await bench('estimate'), disk: await diskUsage(profile, 'moz-extension') };
    await page.close();
    const usage = (/** @type {any} */ e) => e?.usage ?? Number.NaN;
    return {
      browser: version, lookups: history.lookups, seeding: history.seeding,
      storage: {
        articles: stored, before: history.before, immediate: history.immediate, diskWhileOpen: open, diskWhenClosed: closed, after,
        bytesPerArticleImmediate: (usage(history.immediate) - usage(history.before.estimate)) / stored,
        bytesPerArticle: (usage(after.estimate) - usage(history.before.estimate)) / stored,
        diskBytesPerArticle: (after.disk.bytes - history.before.disk.bytes) / stored,
      },
    };
  } finally {
    await firefox?.close();
    await rm(profile, { recursive: true, force: true }).catch(() => undefined);
  }
}

// ---------- phase 1: corpus reports ----------

/**
 * @param {ExtensionBrowser} browser
 * @param {CorpusPage[]} corpus
 * @param {string} bundle
 * @param {string} benchOrigin
 * @returns {Promise<PageReport[]>}
 */
async function corpusReports(browser, corpus, bundle, benchOrigin) {
  const page = await browser.browser.newPage();
  try {
    await page.goto(`${benchOrigin}/bench/blank`);
    await page.evaluate(bundle);
    /** @type {PageReport[]} */
    const reports = [];
    for (let i = 0; i < corpus.length; i += 20) {
      const batch = corpus.slice(i, i + 20).map((p) => ({ id: p.id, url: p.url }));
      /** @type {Report[]} */
      const found = await page.evaluate(async (batch) => {
        const out = [];
        for (const p of batch) {
          const html = await (await fetch(`/bench/raw/${encodeURIComponent(p.id)}`)).text();
          out.push(/** @type {any} */ (globalThis).dejaLuBench.reportOf(html, p.url));
        }
        return out;
      }, batch);
      for (const r of found) if (r.article) reports.push(r);
    }
    return reports;
  } finally {
    await page.close();
  }
}

// ---------- phase 2: content script main-thread time ----------

/**
 * Loads each page in a fresh tab under a trace and sums the main-thread tasks the content script
 * caused (until the page is recorded); then, on the largest pages and the generated article,
 * times the extraction steps in the page.
 * @param {ExtensionBrowser} browser
 * @param {CorpusPage[]} sample
 * @param {CorpusPage[]} largest
 * @param {string} benchOrigin
 * @param {string} scriptUrl
 * @param {string} bundle
 */
async function contentScriptTime(browser, sample, largest, benchOrigin, scriptUrl, bundle) {
  /** @type {any[]} */
  const pages = [];
  for (const p of sample) {
    const traced = await tracedVisit(browser, `${benchOrigin}/bench/page/${encodeURIComponent(p.id)}`, scriptUrl, largest.includes(p) ? bundle : null);
    pages.push({ id: p.id, bytes: p.bytes, ...traced });
  }
  const ran = pages.filter((p) => p.tasks);
  /** @type {any[]} */
  const bigRuns = [];
  for (let i = 0; i < BIG_PAGE_RUNS; i++) {
    bigRuns.push(await tracedVisit(browser, `${benchOrigin}/bench/big-article?run=${i}`, scriptUrl, i === 0 ? bundle : null));
  }
  const longest = summary(bigRuns.map((run) => run.tasks?.longestMs ?? Number.NaN));
  const big = { ...bigRuns[0], runs: bigRuns.map((run) => run.tasks), longestTaskMs: longest };
  log(`traced ${pages.length} corpus pages and the 1 MB article ${BIG_PAGE_RUNS} times (longest task there, median ${fmt(longest.median)} ms)`);
  return {
    pages,
    traced: ran.length,
    totalMs: summary(ran.map((p) => p.tasks.totalMs)),
    longestTaskMs: summary(ran.map((p) => p.tasks.longestMs)),
    tasksPerPage: summary(ran.map((p) => p.tasks.tasks)),
    bigArticle: { bytes: Buffer.byteLength(articlePage()), ...big },
  };
}

/**
 * @param {ExtensionBrowser} browser
 * @param {string} url
 * @param {string} scriptUrl
 * @param {string | null} bundle  also time the extraction steps in the page (after the trace)
 */
async function tracedVisit(browser, url, scriptUrl, bundle) {
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
 * cold as the content script is on every page, then the best of three more (least disturbed by
 * other processes on a busy machine).
 * @param {Page} page
 * @param {string} bundle
 */
async function timeStages(page, bundle) {
  await page.evaluate(bundle);
  const cold = await page.evaluate(() => /** @type {any} */ (globalThis).dejaLuBench.stages());
  const runs = [];
  for (let i = 0; i < 2; i++) runs.push(await page.evaluate(() => /** @type {any} */ (globalThis).dejaLuBench.stages()));
  /** @type {Record<string, number>} */
  const best = {};
  for (const k of Object.keys(cold.times)) best[k] = Math.min(...runs.map((r) => r.times[k]));
  return { cold, best: { ...cold, times: best, extractMs: Math.min(...runs.map((r) => r.extractMs)) } };
}

// ---------- phase 3: the popup ----------

/**
 * Opens popup.html?tab=ID in a tab POPUP_OPENS times (after one untimed open) and reads, in the
 * page, when body[data-ready] was set: time from navigation start and from DOMContentLoaded.
 * ID is a tab showing a recorded article, so the popup renders a verdict as well as the history.
 * @param {ExtensionBrowser} browser
 * @param {Awaited<ReturnType<typeof startSites>>} sites
 */
async function popupRender(browser, sites) {
  const tab = await browser.visit(sites.url(PAGES.unrelated));
  try {
    /** @type {number[]} */
    const fromStart = [];
    /** @type {number[]} */
    const fromDcl = [];
    /** @type {number[]} */
    const toResponse = [];
    let stories = 0;
    for (let i = 0; i <= POPUP_OPENS; i++) {
      const page = await browser.browser.newPage();
      await page.evaluateOnNewDocument(() => {
        new MutationObserver((_, observer) => {
          if (document.body?.dataset.ready === 'true') {
            /** @type {any} */ (window).readyAt = performance.now();
            observer.disconnect();
          }
        }).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-ready'] });
      });
      await page.goto(browser.extensionUrl(`popup.html?tab=${tab.tabId}`));
      const timing = await poll(() => page.evaluate(() => {
        const readyAt = /** @type {any} */ (window).readyAt;
        if (readyAt === undefined) return null;
        const nav = /** @type {PerformanceNavigationTiming} */ (performance.getEntriesByType('navigation')[0]);
        return { readyAt, dcl: nav.domContentLoadedEventStart, responseEnd: nav.responseEnd, stories: document.getElementById('recent')?.childElementCount ?? 0 };
      }), { what: 'the popup to render', timeout: 15_000, interval: 20 });
      await page.close();
      if (i === 0) continue;
      fromStart.push(timing.readyAt);
      fromDcl.push(timing.readyAt - timing.dcl);
      toResponse.push(timing.responseEnd);
      stories = timing.stories;
    }
    return { fromNavigationStart: summary(fromStart), fromDomContentLoaded: summary(fromDcl), navigationToResponseEnd: summary(toResponse), listed: stories };
  } finally {
    await tab.page.close();
  }
}

// ---------- phase 4: round trip ----------

/**
 * The report round trip on the fixture sites at the full history: a first reading (the original
 * story, its records deleted before each run) and a copy of it on another site (badge "1").
 * Times are taken in the browser: the page's navigation timing and, in the extension's control
 * page, when the tab's verdict was stored (storage.session.onChanged) and when its badge changed
 * (getBadgeText polled every 2 ms); all on the Unix clock (performance.timeOrigin + now()).
 * @param {ExtensionBrowser} browser
 * @param {Awaited<ReturnType<typeof startSites>>} sites
 * @param {(fn: string, ...args: unknown[]) => Promise<any>} bench
 */
async function roundTrip(browser, sites, bench) {
  const original = sites.url(PAGES.original);
  const copy = sites.url(PAGES.abridged);
  /** @type {Record<string, number[]>} */
  const series = { firstVerdictFromResponse: [], firstVerdictFromDcl: [], firstRecordedFromResponse: [], copyVerdictFromResponse: [], copyVerdictFromDcl: [], copyBadgeFromResponse: [], copyBadgeFromDcl: [] };
  for (let i = 0; i < ROUND_TRIPS; i++) {
    await bench('forgetPages', [original, copy]);
    const first = await timedVisit(browser, original, 'recorded', null);
    series.firstVerdictFromResponse?.push(first.verdictAt - first.responseEnd);
    series.firstVerdictFromDcl?.push(first.verdictAt - first.dcl);
    series.firstRecordedFromResponse?.push(first.recordedAt - first.responseEnd);
    const second = await timedVisit(browser, copy, 'seen', '1');
    series.copyVerdictFromResponse?.push(second.verdictAt - second.responseEnd);
    series.copyVerdictFromDcl?.push(second.verdictAt - second.dcl);
    if (second.badgeAt !== null) {
      series.copyBadgeFromResponse?.push(second.badgeAt - second.responseEnd);
      series.copyBadgeFromDcl?.push(second.badgeAt - second.dcl);
    }
  }
  await bench('forgetPages', [original, copy]);
  return Object.fromEntries(Object.entries(series).map(([k, v]) => [k, summary(v)]));
}

/**
 * @param {ExtensionBrowser} browser
 * @param {string} url
 * @param {'recorded' | 'seen'} kind  the verdict expected
 * @param {string | null} badge  the badge expected, or null not to watch it
 */
async function timedVisit(browser, url, kind, badge) {
  const tab = await browser.openTab('about:blank');
  try {
    const key = `tab:${tab.tabId}`;
    await clearVerdictEvents(browser);
    const badgeAt = badge === null
      ? Promise.resolve(null)
      : browser.control.evaluate((tabId, expected) => /** @type {any} */ (window).watchBadge(tabId, expected, 20_000), tab.tabId, badge);
    await tab.page.goto(url);
    const events = (await verdictEvents(browser, url, 20_000)).filter((e) => e.key === key);
    const verdict = events.find((e) => e.kind === kind);
    if (!verdict) throw new Error(`${url}: expected a "${kind}" verdict, got ${events.map((e) => e.kind).join(', ')}`);
    const nav = await tab.page.evaluate(() => {
      const n = /** @type {PerformanceNavigationTiming} */ (performance.getEntriesByType('navigation')[0]);
      return { responseEnd: performance.timeOrigin + n.responseEnd, dcl: performance.timeOrigin + n.domContentLoadedEventEnd };
    });
    return {
      ...nav, verdictAt: verdict.t, recordedAt: events.find((e) => e.articleId !== null)?.t ?? Number.NaN, badgeAt: await badgeAt,
    };
  } finally {
    await tab.page.close();
  }
}

// ---------- watching the extension from its control page ----------

/**
 * Installs, in the extension's control page, a log of the verdicts the background stores per tab
 * (storage.session, written just before the badge is set) and a badge watcher; both timestamp on
 * the Unix clock (performance.timeOrigin + now()), comparable with a web page's navigation timing.
 * @param {ExtensionBrowser} browser
 */
async function installWatchers(browser) {
  await browser.control.evaluate(() => {
    const w = /** @type {any} */ (window);
    if (w.verdictEvents) return;
    w.verdictEvents = [];
    const chrome = /** @type {any} */ (globalThis).chrome;
    chrome.storage.session.onChanged.addListener((/** @type {Record<string, { newValue?: any }>} */ changes) => {
      const t = performance.timeOrigin + performance.now();
      for (const [key, change] of Object.entries(changes)) {
        const v = change.newValue;
        if (v) w.verdictEvents.push({ key, t, kind: v.kind, url: v.url, articleId: v.articleId, reason: v.reason });
      }
    });
    w.watchBadge = async (/** @type {number} */ tabId, /** @type {string} */ expected, /** @type {number} */ timeout) => {
      const end = performance.now() + timeout;
      while (performance.now() < end) {
        if ((await chrome.action.getBadgeText({ tabId })) === expected) return performance.timeOrigin + performance.now();
        await new Promise((done) => setTimeout(done, 2));
      }
      return null;
    };
  });
}

/** @param {ExtensionBrowser} browser */
const clearVerdictEvents = (browser) => browser.control.evaluate(() => void (/** @type {any} */ (window).verdictEvents.length = 0));

/**
 * The verdicts stored for `url`, once the page is done with: recorded, or judged not an article.
 * @param {ExtensionBrowser} browser
 * @param {string} url
 * @param {number} timeout
 * @returns {Promise<{ key: string, t: number, kind: string, url: string, articleId: number | null, reason?: string }[]>}
 */
function verdictEvents(browser, url, timeout) {
  return poll(() => browser.control.evaluate((url) => {
    const mine = /** @type {any[]} */ (/** @type {any} */ (window).verdictEvents).filter((e) => e.url === url);
    return mine.some((e) => e.articleId !== null || e.kind === 'not-article') ? mine : null;
  }, url), { what: `the extension to record ${url}`, timeout, interval: 20 });
}

// ---------- budgets and output ----------

/** @param {any} r */
function budgets(r) {
  const at = (/** @type {number} */ n) => r.lookups?.find((/** @type {any} */ l) => l.articles >= n * 0.99 && l.articles <= n * 1.01);
  const m1k = at(1_000)?.record.median ?? Number.NaN;
  const m100k = at(100_000)?.record.median ?? Number.NaN;
  return checkBudgets({
    lookupMedian100kMs: m100k,
    lookupGrowth: m100k / m1k,
    storedBytesPerArticle: r.storage?.bytesPerArticle ?? Number.NaN,
    bigPageLongestTaskMs: r.contentScript?.bigArticle?.longestTaskMs?.median ?? Number.NaN,
    popupFirstRenderMs: r.popup?.fromNavigationStart?.median ?? Number.NaN,
  });
}

/** @param {any} r */
function render(r) {
  const out = [];
  const s = (/** @type {any} */ x, d = 1) => `${fmt(x.median, d)} / ${fmt(x.p95, d)}`;
  out.push(`\n## Déjà Lu in the browser — ${r.browser}, ${r.cpus}, ${r.date.slice(0, 16).replace('T', ' ')} UTC`);
  out.push(`Load average (1 min) at each phase: ${Object.entries(r.load).map(([k, v]) => `${k} ${v}`).join(' · ')}. Run ${fmt(r.runtimeS, 0)} s.`);
  out.push(`Corpus ${r.corpus}: ${r.corpusPages} pages, ${r.corpusArticles} articles.\n`);

  const seed = r.seeding;
  out.push('### History: seeding, look-up + record (recordReport in an extension tab, real IndexedDB)');
  out.push(`Seeded ${seed.articles.toLocaleString('en')} articles (${seed.copies} copies of corpus stories, the rest synthetic over ${seed.sites} sites) in ${fmt(seed.wallMs / 1000)} s wall: write ${fmt(seed.writeMs / 1000)} s (${fmt(seed.articles / (seed.writeMs / 1000), 0)} articles/s), generate ${fmt(seed.generateMs / 1000)} s.`);
  out.push(table(
    ['stored', 'look-ups', 'record ms', 'mean', 'seen / new', 'check ms', 'seen', 'candidates read ms', 'site sample ms', 'decide ms', 'storiesPage(30) ms', 'load'],
    r.lookups.map((/** @type {any} */ l) => [
      l.articles.toLocaleString('en'), l.lookups, s(l.record, 2), fmt(l.record.mean, 2),
      `${fmt(l.byKind.seen.median, 2)} / ${fmt(l.byKind.recorded.median, 2)}`, s(l.check, 2), l.seen,
      s(l.parts.candidatesMs, 2), s(l.parts.siteSampleMs, 2), s(l.parts.decideMs, 2), s(l.storiesPageMs, 1), l.load,
    ]),
  ));
  out.push(`(median / p95, timed once the database's files had not changed for ${SETTLE_QUIET_MS / 1000} s after each seeding stage (${r.lookups.map((/** @type {any} */ l) => `${fmt(l.settledMs / 1000, 0)} s`).join(', ')}), each page after a ${PAUSE_MS} ms pause. record = recordReport, look-up + write, the budget (mean: with the filing of the pending postings, in one record in about 32; seen / new: medians of the look-ups that found the story already read, and of the others); check = checkReport, the read-only look-up the badge waits for; the real look-up's phases, from assess()'s timing hook on ${PARTS_LOOKUPS} look-ups: candidates read (the page's own record, its keys' postings rows and the site's row of latest ids, then the candidates' articles), site sample (the site's latest articles, when read after the candidates: 0 when read with them or not needed), decide (comparing and judging); storiesPage: the popup's history query.)`);
  const st = r.storage;
  out.push('\n### Storage (navigator.storage.estimate usageDetails.indexedDB, and the files of the profile)');
  out.push(table(['measure', 'before', 'after', 'per article'], [
    ['estimate, right after seeding', mb(st.before.estimate.details?.indexedDB ?? 0), mb(st.immediate.details?.indexedDB ?? 0), `${fmt(st.bytesPerArticleImmediate, 0)} B`],
    ['estimate after restart (from disk)', mb(st.before.estimate.details?.indexedDB ?? 0), mb(st.after.estimate.details?.indexedDB ?? 0), `${fmt(st.bytesPerArticle, 0)} B`],
    ['files, browser closed', mb(st.before.disk.bytes), mb(st.diskWhenClosed.bytes), `${fmt(st.diskBytesPerArticleClosed, 0)} B`],
    ['files, after restart', mb(st.before.disk.bytes), mb(st.after.disk.bytes), `${fmt(st.diskBytesPerArticle, 0)} B`],
  ]));
  out.push('The budget uses the estimate after the restart: Chromium then recomputes usage from the files, and it equals them. Right after writing, the estimate still counts bytes the database has since compacted.');

  const bb = r.bytesBreakdown;
  if (bb) {
    const raw = totalBytes(bb.shipped);
    const scale = st.bytesPerArticle / raw;
    out.push(`\nWhere the bytes go: ${bb.n.toLocaleString('en')} stored records read back, modelled as Chromium lays them out in LevelDB (scripts/lib/bench/bytes.mjs): ${fmt(raw, 0)} B raw per article, ${fmt(st.bytesPerArticle, 0)} B measured on disk (×${fmt(scale, 2)}: Snappy and key prefix sharing). Mean record: ${fmt(bb.shape.keys)} keys, ${fmt(bb.shape.paragraphs)} paragraph hashes, ${fmt(bb.shape.sketch, 0)} sketch values (16 bits each: the folded hashes, and the high half of a full sketch's threshold), URL ${fmt(bb.shape.urlChars, 0)} chars, title ${fmt(bb.shape.titleChars, 0)} (characters, or UTF-8 bytes where that is shorter).`);
    out.push(table(['part', 'raw B', 'share'], Object.entries(bb.shipped).sort((a, b) => b[1] - a[1]).map(([k, v]) => [k, fmt(v, 0), `${fmt((100 * v) / raw, 0)}%`])));
  }

  const rt = r.roundTrip;
  out.push(`\n### Report round trip at ${st.articles.toLocaleString('en')} articles (fixture story, ${ROUND_TRIPS} runs, median / p95 ms)`);
  out.push(table(['visit', 'from response end', 'from DOMContentLoaded'], [
    ['first reading: verdict stored, badge set (empty)', s(rt.firstVerdictFromResponse), s(rt.firstVerdictFromDcl)],
    ['first reading: recorded (check + record)', s(rt.firstRecordedFromResponse), '–'],
    ['copy: verdict "seen" stored', s(rt.copyVerdictFromResponse), s(rt.copyVerdictFromDcl)],
    ['copy: badge "1" shown', s(rt.copyBadgeFromResponse), s(rt.copyBadgeFromDcl)],
  ]));

  const p = r.popup;
  if (p) {
    out.push(`\n### Popup first render at ${p.stories.toLocaleString('en')} articles (${POPUP_OPENS} opens, median / p95 ms; ${p.listed} stories listed)`);
    out.push(table(['from', 'median / p95', 'min', 'max'], [
      ['navigation start → body[data-ready]', s(p.fromNavigationStart), fmt(p.fromNavigationStart.min), fmt(p.fromNavigationStart.max)],
      ['navigation start → response end', s(p.navigationToResponseEnd), fmt(p.navigationToResponseEnd.min), fmt(p.navigationToResponseEnd.max)],
      ['DOMContentLoaded → body[data-ready]', s(p.fromDomContentLoaded), fmt(p.fromDomContentLoaded.min), fmt(p.fromDomContentLoaded.max)],
    ]));
  }

  const cs = r.contentScript;
  out.push(`\n### Content script main-thread time (trace, tasks holding content-script code, until recorded; ${cs.traced} corpus pages)`);
  out.push(table(['measure', 'median', 'p95', 'max'], [
    ['total per page (ms)', fmt(cs.totalMs.median), fmt(cs.totalMs.p95), fmt(cs.totalMs.max)],
    ['longest task per page (ms)', fmt(cs.longestTaskMs.median), fmt(cs.longestTaskMs.p95), fmt(cs.longestTaskMs.max)],
    ['tasks per page', fmt(cs.tasksPerPage.median, 0), fmt(cs.tasksPerPage.p95, 0), fmt(cs.tasksPerPage.max, 0)],
  ]));
  const worst = [...cs.pages].filter((x) => x.tasks).sort((a, b) => b.tasks.longestMs - a.tasks.longestMs).slice(0, 6);
  out.push('\nLongest tasks:');
  out.push(table(['page', 'KB', 'verdict', 'longest ms', 'total ms'], worst.map((x) => [x.id, Math.round(x.bytes / 1024), x.verdict, fmt(x.tasks.longestMs), fmt(x.tasks.totalMs)])));

  const big = cs.bigArticle;
  out.push(`\n### Generated 1 MB article (${Math.round(big.bytes / 1024)} KB, ${big.stages?.cold.elements} elements, ${big.stages?.cold.words} words; verdict ${big.verdict})`);
  out.push(`Trace, ${big.runs.length} loads: longest extension task ${big.runs.map((/** @type {any} */ t) => fmt(t?.longestMs)).join(' / ')} ms (median ${fmt(big.longestTaskMs.median)}, best ${fmt(big.longestTaskMs.min)}); total ${big.runs.map((/** @type {any} */ t) => fmt(t?.totalMs)).join(' / ')} ms; first synchronous run of content.js ${big.runs.map((/** @type {any} */ t) => fmt(t?.evaluateMs)).join(' / ')} ms.`);
  const staged = [...cs.pages.filter((/** @type {any} */ x) => x.stages).map((/** @type {any} */ x) => [x.id, x.stages]), ['1 MB article', big.stages]];
  // The steps extractSteps yields (src/content/extract.ts), each its own task in the content script.
  const steps = ['size', 'copy', 'cut', 'readability', 'paragraphs', 'tokens', 'fingerprint', 'finish', 'serialiseReport'];
  out.push('\nExtraction steps timed in the page with the content script\'s code (ms; first run, cold as on every page load → best of 2 later runs; size: element count and depth, copy: the page copied for Readability, cut: the copy cut to the text budget, tokens and fingerprint: the two halves of the fingerprint, finish: checks and metadata after the fingerprint):');
  out.push(table(['page', 'KB', 'elements', 'words', ...steps, 'sum', 'extractArticle'], staged.filter(([, st]) => st).map(([id, st]) => {
    const c = st.cold;
    const b = st.best;
    const sum = (/** @type {any} */ x) => steps.reduce((a, k) => a + (x.times[k] ?? 0), 0);
    return [id, Math.round(c.htmlChars / 1024), c.elements, c.words, ...steps.map((k) => `${fmt(c.times[k])} → ${fmt(b.times[k])}`), `${fmt(sum(c))} → ${fmt(sum(b))}`, fmt(b.extractMs)];
  })));

  const ff = r.firefox;
  if (ff) {
    out.push(`\n### Firefox: ${ff.browser} (--firefox; history only, no budget)`);
    out.push(`Seeded ${ff.seeding.articles.toLocaleString('en')} articles in ${fmt(ff.seeding.wallMs / 1000)} s wall (write ${fmt(ff.seeding.writeMs / 1000)} s, ${fmt(ff.seeding.articles / (ff.seeding.writeMs / 1000), 0)} articles/s). Storage per article: ${fmt(ff.storage.bytesPerArticleImmediate, 0)} B right after seeding (estimate), ${fmt(ff.storage.bytesPerArticle, 0)} B after a restart (estimate; files ${fmt(ff.storage.diskBytesPerArticle, 0)} B; largest files ${ff.storage.after.disk.largest.map((/** @type {any} */ f) => `${f.file.split('/').pop()} ${mb(f.bytes)}`).join(', ')}). Firefox rounds performance.now() to 1 ms in extension pages, so small medians are coarse.`);
    out.push(table(
      ['stored', 'record ms', 'check ms', 'candidates read ms', 'site sample ms', 'decide ms', 'storiesPage(30) ms', 'load'],
      ff.lookups.map((/** @type {any} */ l) => [l.articles.toLocaleString('en'), s(l.record, 2), s(l.check, 2), s(l.parts.candidatesMs, 2), s(l.parts.siteSampleMs, 2), s(l.parts.decideMs, 2), s(l.storiesPageMs, 1), l.load]),
    ));
  }

  out.push('\n### Budgets (Chromium)');
  out.push(table(['budget', 'actual', 'limit', 'result', 'held by'], r.budgets.map((/** @type {any} */ b) => [b.label, `${fmt(b.actual, b.unit === '×' ? 2 : 1)} ${b.unit}`, `${b.limit} ${b.unit}`, b.pass ? 'PASS' : 'FAIL', b.stable ? '--check, --check-stable (CI)' : '--check'])));
  return out.join('\n');
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 2;
});
