/**
 * The in-page half of the browser benchmark, bundled by esbuild (src/bench/browser/bundle.ts) from
 * the extension's own sources and evaluated in a page as `globalThis.dejaLuBench`:
 *   - in an extension page (the extension's origin, so the real IndexedDB 'deja-lu'): seeding,
 *     look-up + record with the background's own recordReport, storage estimates;
 *   - in a web page: the content script's extraction, step by step, timed with performance.now().
 * Nothing here runs in the extension itself; it is the same code, run where it can be timed.
 */
import type { BenchApi, BenchGlobal } from './api.ts';
import { reportOf, stages } from './extraction.ts';
import { linkMarksOf, recordReports } from './marks.ts';
import { clear, close, count, estimate, forgetPages, open, prepare, sample, seed, seedCopies, trim } from './store.ts';
import { timeParts, timeRecords, timeStories } from './timing.ts';

const api: BenchApi = {
  reportOf, stages, open, close, count, clear, prepare, seedCopies, seed, trim, forgetPages,
  timeRecords, timeParts, timeStories, sample, estimate, recordReports, linkMarksOf,
};

(globalThis as BenchGlobal).dejaLuBench = api;
