/** Look-up + record, the look-up's phases and the popup's query, timed in an extension page. */
import type { LookupTimings } from '../../history/assess.ts';
import { deleteRange } from '../../history/articles.ts';
import { checkReport, recordReport } from '../../history/record-report.ts';
import { storiesPage } from '../../history/stories.ts';
import type { PageReport } from '../../protocol.ts';
import type { LookupParts, RecordTimings } from './api.ts';
import { history } from './store.ts';

/**
 * Look-up + record (recordReport, the background's code) of each report, timed one by one, each
 * a first visit of its page. The new records are kept while the reports are timed (the history
 * grows by them as a reader's does: their postings gather in the pending row and are filed into
 * their buckets when it fills, within the record that fills it), then deleted, so the next stage
 * starts from its seeded size. The warm-up's records are deleted before the timed ones. Also times
 * the read-only check (checkReport) the badge waits for, before each record. Each page waits
 * `pauseMs` first, as pages are opened one at a time, not back to back: a burst's own writes would
 * otherwise set the database compacting while the rest of the burst is timed.
 * @param at  the reading time given to the records
 * @param keep  ids above this are deleted after the warm-up and at the end
 * @param warmUp  reports recorded first, untimed
 * @param pauseMs  idle time before each timed page
 */
export async function timeRecords(
  reports: PageReport[], at: number, keep: number, warmUp: number, pauseMs: number,
): Promise<RecordTimings> {
  const store = await history();
  for (let i = 0; i < warmUp; i++) await recordReport(store, reports[i % reports.length]!, at + i);
  await deleteRange(store, IDBKeyRange.lowerBound(keep, true));
  const out: RecordTimings = { record: [], check: [], kinds: [] };
  for (const [i, report] of reports.entries()) {
    await new Promise((resolve) => setTimeout(resolve, pauseMs));
    let t = performance.now();
    await checkReport(store, report, at + warmUp + i);
    out.check.push(performance.now() - t);
    t = performance.now();
    const verdict = await recordReport(store, report, at + warmUp + i);
    out.record.push(performance.now() - t);
    out.kinds.push(verdict.kind);
  }
  await deleteRange(store, IDBKeyRange.lowerBound(keep, true));
  return out;
}

/**
 * The phases of the real look-up (assess(), through checkReport in a read-only transaction), as
 * its timing hook reports them: the first round and the candidates' articles, read together; the
 * site's latest articles when read after them (0 when read along with the candidates, or not
 * needed); the comparisons and the verdict.
 */
export async function timeParts(reports: PageReport[]): Promise<LookupParts> {
  const store = await history();
  const out: LookupParts = { candidatesMs: [], candidates: [], siteSampleMs: [], decideMs: [] };
  for (const report of reports) {
    const timings: LookupTimings = { candidatesRead: 0, candidates: 0, siteSampleRead: 0, siteSample: 0, decide: 0 };
    await checkReport(store, report, Date.now(), undefined, { timings });
    out.candidatesMs.push(timings.candidatesRead);
    out.candidates.push(timings.candidates);
    out.siteSampleMs.push(timings.siteSampleRead);
    out.decideMs.push(timings.decide);
  }
  return out;
}

/**
 * The popup's history query (storiesPage, the background's code: the first `limit` stories,
 * newest first), timed `runs` times.
 */
export async function timeStories(limit: number, runs: number): Promise<{ ms: number[]; stories: number }> {
  const store = await history();
  const ms: number[] = [];
  let stories = 0;
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    const page = await storiesPage(store, { query: '', multiSite: false, before: null, limit });
    ms.push(performance.now() - t);
    stories = page.stories.length;
  }
  return { ms, stories };
}
