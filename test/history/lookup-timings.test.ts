import { describe, expect, it } from 'vitest';
import type { LookupTimings } from '../../src/history/assess.ts';
import { checkReport, recordReport } from '../../src/history/record-report.ts';
import { freshHistory } from '../fixtures/db.ts';
import { reportFor } from '../fixtures/reports.ts';
import { makeArticle } from '../fixtures/text.ts';

const story = makeArticle(11, 10);
const HOUR = 3_600_000;

describe('the look-up timings', () => {
  it('are filled in by the real look-up when asked for, and change no verdict', async () => {
    const db = await freshHistory();
    await recordReport(db, reportFor('https://one.example/a', story), HOUR);
    await recordReport(db, reportFor('https://one.example/other', makeArticle(12, 10)), HOUR);
    const report = reportFor('https://two.example/b', story);
    const timings = {} as LookupTimings;
    const timed = await checkReport(db, report, 2 * HOUR, undefined, { timings });
    expect(timed).toEqual(await checkReport(db, report, 2 * HOUR));
    expect(timed.kind).toBe('seen');
    expect(timings.candidates).toBe(1);
    // The candidate comes close: the site's sample is read (the candidate's site is another one, so it holds nothing).
    expect(timings.siteSample).toBe(0);
    for (const ms of [timings.candidatesRead, timings.siteSampleRead, timings.decide]) {
      expect(ms).toBeGreaterThanOrEqual(0);
      expect(Number.isFinite(ms)).toBe(true);
    }

    const onItsSite: LookupTimings = { candidatesRead: -1, candidates: -1, siteSampleRead: -1, siteSample: -1, decide: -1 };
    await recordReport(db, reportFor('https://one.example/c', story), 3 * HOUR, undefined, { timings: onItsSite });
    expect(onItsSite.candidates).toBe(1);
    // The site's sample: its two articles read so far.
    expect(onItsSite.siteSample).toBe(2);
    expect(Math.min(onItsSite.candidatesRead, onItsSite.siteSampleRead, onItsSite.decide)).toBeGreaterThanOrEqual(0);
  });
});
