// @ts-check
/**
 * The in-page half of the browser benchmark, bundled by esbuild (scripts/lib/bench/bundle.mjs)
 * from the extension's own sources and evaluated in a page as `globalThis.dejaLuBench`:
 *   - in an extension page (the extension's origin, so the real IndexedDB 'deja-lu'): seeding,
 *     look-up + record with the background's own recordReport, storage estimates;
 *   - in a web page: the content script's extraction, step by step, timed with performance.now().
 * Nothing here runs in the extension itself; it is the same code, run where it can be timed.
 */
import { checkReport, recordReport } from '../../../src/history/record-report.ts';
import { storiesPage } from '../../../src/history/stories.ts';
import { extractArticle, extractSteps, toReport } from '../../../src/content/extract.ts';
import { deleteRange, insertArticles } from '../../../src/history/articles.ts';
import { pageHashOf } from '../../../src/history/codec.ts';
import { openHistory } from '../../../src/history/open.ts';
import { clearHistory } from '../../../src/history/commands.ts';
import { corpusCopies, seededRandom, Synthesiser, templateOfReport } from '../../../src/bench/synthetic.ts';

/** @typedef {import('../../../src/protocol.ts').PageReport} PageReport */
/** @typedef {import('../../../src/history/records.ts').ArticleRecord} ArticleRecord */
/** @typedef {import('../../../src/history/schema.ts').HistoryDB} HistoryDB */
/** @typedef {import('../../../src/bench/synthetic.ts').HistoryShape} HistoryShape */

/** @type {HistoryDB | null} */
let db = null;
/** @type {Synthesiser | null} */
let synth = null;

const history = async () => (db ??= await openHistory());

const api = {
  /**
   * A page's report as the content script makes it, from HTML parsed with DOMParser.
   * @param {string} html
   * @param {string} url
   */
  reportOf(html, url) {
    const doc = new DOMParser().parseFromString(html, 'text/html');
    try {
      return toReport(url, extractArticle(doc, url));
    } catch (error) {
      return { article: false, url, reason: String(error) };
    }
  },

  /**
   * Where the content script's time goes on this document, step by step: the steps extractSteps
   * yields (each its own task in the content script), the rest of it after the last yield
   * ('finish'), then the report's serialisation for the message, in ms.
   * @param {string} url
   */
  stages(url = location.href) {
    const doc = document;
    const elements = doc.getElementsByTagName('*').length;
    const times = /** @type {Record<string, number>} */ ({});
    const steps = extractSteps(doc, url);
    let t = performance.now();
    let next = steps.next();
    for (; !next.done; next = steps.next()) {
      const now = performance.now();
      times[next.value] = now - t;
      t = now;
    }
    times.finish = performance.now() - t;
    const found = next.value;
    const whole = performance.now();
    const report = toReport(url, extractArticle(doc, url));
    const extractMs = performance.now() - whole;
    t = performance.now();
    const json = JSON.stringify(report);
    times.serialiseReport = performance.now() - t;
    return {
      times, extractMs, elements, htmlChars: doc.documentElement.outerHTML.length,
      paragraphs: found.article ? found.paragraphs.length : 0, words: found.article ? found.fingerprint.words : 0,
      hashes: found.article ? found.fingerprint.hashes.length : 0, reportBytes: json.length, article: report.article,
    };
  },

  // ---- extension page: the real IndexedDB ----

  async open() {
    await history();
    return true;
  },

  close() {
    db?.close();
    db = null;
    return true;
  },

  async count() {
    return (await history()).count('articles');
  },

  async clear() {
    await clearHistory(await history());
    return true;
  },

  /**
   * Prepares the synthesiser: templates from the corpus reports, the time line of the history.
   * @param {PageReport[]} reports
   * @param {HistoryShape} shape
   */
  prepare(reports, shape) {
    synth = new Synthesiser(reports.map(templateOfReport), shape);
    return { sites: synth.sites.length };
  },

  /**
   * Seeds ids 1..n: a truncated copy on another site of every other report (so half the timed
   * look-ups find a story), ids after them synthetic.
   * @param {PageReport[]} reports
   * @param {HistoryShape} shape
   */
  async seedCopies(reports, shape) {
    const copies = corpusCopies(reports, reports.map(templateOfReport), shape, seededRandom(3));
    await insertArticles(await history(), copies);
    return copies.length;
  },

  /**
   * Synthetic records `from`..`to` in one transaction; generation and writing timed apart.
   * @param {number} from
   * @param {number} to
   */
  async seed(from, to) {
    if (!synth) throw new Error('prepare() first');
    const t0 = performance.now();
    const records = synth.records(from, to);
    const t1 = performance.now();
    await insertArticles(await history(), records);
    const t2 = performance.now();
    return { generateMs: t1 - t0, writeMs: t2 - t1 };
  },

  /**
   * Deletes every record with an id above `keep`: what a timed record or a page visit added.
   * @param {number} keep
   */
  async trim(keep) {
    await deleteRange(await history(), IDBKeyRange.lowerBound(keep, true));
    return true;
  },

  /**
   * Deletes the records of these pages (so that the next visit is a first reading).
   * @param {string[]} urls
   */
  async forgetPages(urls) {
    const store = await history();
    for (const url of urls) {
      const ids = await store.getAllKeysFromIndex('articles', 'page', pageHashOf(url));
      for (const id of ids) await deleteRange(store, IDBKeyRange.only(id));
    }
    return true;
  },

  /**
   * Look-up + record (recordReport, the background's code) of each report, timed one by one, each
   * a first visit of its page. The new records are kept while the reports are timed (the history
   * grows by them as a reader's does: their postings gather in the pending row and are filed into
   * their buckets when it fills, within the record that fills it), then deleted, so the next stage
   * starts from its seeded size. The warm-up's records are deleted before the timed ones. Also times
   * the read-only check (checkReport) the badge waits for, before each record. Each page waits
   * `pauseMs` first, as pages are opened one at a time, not back to back: a burst's own writes would
   * otherwise set the database compacting while the rest of the burst is timed.
   * @param {PageReport[]} reports
   * @param {number} at  the reading time given to the records
   * @param {number} keep  ids above this are deleted after the warm-up and at the end
   * @param {number} warmUp  reports recorded first, untimed
   * @param {number} pauseMs  idle time before each timed page
   */
  async timeRecords(reports, at, keep, warmUp, pauseMs) {
    const store = await history();
    for (let i = 0; i < warmUp; i++) await recordReport(store, /** @type {PageReport} */ (reports[i % reports.length]), at + i);
    await deleteRange(store, IDBKeyRange.lowerBound(keep, true));
    /** @type {number[]} */
    const record = [];
    /** @type {number[]} */
    const check = [];
    /** @type {string[]} */
    const kinds = [];
    for (const [i, report] of reports.entries()) {
      await new Promise((resolve) => setTimeout(resolve, pauseMs));
      let t = performance.now();
      await checkReport(store, report, at + warmUp + i);
      check.push(performance.now() - t);
      t = performance.now();
      const verdict = await recordReport(store, report, at + warmUp + i);
      record.push(performance.now() - t);
      kinds.push(verdict.kind);
    }
    await deleteRange(store, IDBKeyRange.lowerBound(keep, true));
    return { record, check, kinds };
  },

  /**
   * The phases of the real look-up (assess(), through checkReport in a read-only transaction), as
   * its timing hook reports them: the first round and the candidates' articles, read together; the
   * site's latest articles when read after them (0 when read along with the candidates, or not
   * needed); the comparisons and the verdict.
   * @param {PageReport[]} reports
   */
  async timeParts(reports) {
    const store = await history();
    /** @type {{ candidatesMs: number[], candidates: number[], siteSampleMs: number[], decideMs: number[] }} */
    const out = { candidatesMs: [], candidates: [], siteSampleMs: [], decideMs: [] };
    for (const report of reports) {
      /** @type {import('../../../src/history/assess.ts').LookupTimings} */
      const timings = { candidatesRead: 0, candidates: 0, siteSampleRead: 0, siteSample: 0, decide: 0 };
      await checkReport(store, report, Date.now(), undefined, { timings });
      out.candidatesMs.push(timings.candidatesRead);
      out.candidates.push(timings.candidates);
      out.siteSampleMs.push(timings.siteSampleRead);
      out.decideMs.push(timings.decide);
    }
    return out;
  },

  /**
   * The popup's history query (storiesPage, the background's code: the first `limit` stories,
   * newest first), timed `runs` times.
   * @param {number} limit
   * @param {number} runs
   */
  async timeStories(limit, runs) {
    const store = await history();
    /** @type {number[]} */
    const ms = [];
    let stories = 0;
    for (let i = 0; i < runs; i++) {
      const t = performance.now();
      const page = await storiesPage(store, { query: '', multiSite: false, before: null, limit });
      ms.push(performance.now() - t);
      stories = page.stories.length;
    }
    return { ms, stories };
  },

  /**
   * `n` stored records spread evenly over the ids 1..`last`, as stored, their typed arrays as lists
   * (typed arrays do not cross to Node; scripts/lib/bench/bytes.mjs makes them typed again).
   * @param {number} n
   * @param {number} last
   */
  async sample(n, last) {
    const store = await history();
    const tx = store.transaction('articles');
    const ids = Array.from({ length: n }, (_, i) => 1 + Math.floor((i * last) / n));
    const records = await Promise.all(ids.map((id) => tx.store.get(id)));
    await tx.done;
    return records.flatMap((r) => (r ? [{ ...r, t: typeof r.t === 'string' ? r.t : [...r.t], h: [...r.h], k: [...r.k], g: [...r.g] }] : []));
  },

  async estimate() {
    const { usage = 0, quota = 0 } = await navigator.storage.estimate();
    // Chromium breaks usage down by storage type (non-standard).
    const details = /** @type {{ usageDetails?: Record<string, number> }} */ (await navigator.storage.estimate()).usageDetails ?? null;
    return { usage, quota, details };
  },
};

/** @type {any} */ (globalThis).dejaLuBench = api;
