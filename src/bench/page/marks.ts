/**
 * The marks phase's history, from an extension page (src/bench/browser/marks.ts): read articles
 * recorded with the background's own recordReport, and what the worker would answer about a
 * page's links (batchMarks, the worker's code), to check that the page was marked as it should be.
 */
import { batchMarks } from '../../history/link-marks.ts';
import { recordReport } from '../../history/record-report.ts';
import type { LinkBatch, PageReport } from '../../protocol.ts';
import { history } from './store.ts';

/** Records each report as the worker does on page/record, read `spacingMs` apart up to `last`; the verdicts' kinds. */
export async function recordReports(reports: PageReport[], last: number, spacingMs: number): Promise<string[]> {
  const store = await history();
  const kinds: string[] = [];
  for (const [i, report] of reports.entries()) kinds.push((await recordReport(store, report, last - (reports.length - 1 - i) * spacingMs)).kind);
  return kinds;
}

/** Which links of `batch` the worker marks when asked links/read about it: their places in the batch. */
export async function linkMarksOf(batch: LinkBatch): Promise<number[]> {
  return (await batchMarks(await history(), batch)).map((m) => m.index);
}
