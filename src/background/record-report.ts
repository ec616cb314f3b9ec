/**
 * The heart of the background. `checkReport` tells the reader at once whether a page is a story
 * already read (no write); `recordReport` records it once it has really been read. Each runs in one
 * transaction: concurrent reports are serialised and a killed worker leaves nothing half-done.
 */
import { DEFAULT_THRESHOLDS, fold, hostOf, sketchThreshold, type Thresholds } from '../core/index.ts';
import { MAX_STORED_KEYS, putArticle, STORES, type ArticleRecord, type HistoryDB } from '../platform/database.ts';
import type { PageReport, Verdict } from '../messages.ts';
import { assess, pageUrl, verdictFor } from './assess.ts';
import { mergeStory } from './history.ts';

export { pageUrl } from './assess.ts';
export { MAX_STORED_KEYS } from '../platform/database.ts';

export async function checkReport(db: HistoryDB, report: PageReport, now: number, thresholds: Thresholds = DEFAULT_THRESHOLDS): Promise<Verdict> {
  const tx = db.transaction(STORES, 'readonly');
  const a = await assess(tx, report, thresholds);
  const verdict = await verdictFor(tx, a, report, a.existing?.firstSeen ?? now, a.existing?.id);
  await tx.done;
  return verdict;
}

export async function recordReport(db: HistoryDB, report: PageReport, now: number, thresholds: Thresholds = DEFAULT_THRESHOLDS): Promise<Verdict> {
  const tx = db.transaction(STORES, 'readwrite');
  const a = await assess(tx, report, thresholds);
  const url = pageUrl(report);
  const fields = {
    url, page: a.page, site: a.site, host: hostOf(url), title: report.title, siteName: report.siteName,
    lastSeen: now, words: report.words, size: report.hashes.length, sketch: report.sketch.map(fold),
    threshold: sketchThreshold(report.sketch), keys: report.keys.slice(0, MAX_STORED_KEYS), paragraphs: report.paragraphs,
  };
  const story = a.stories.length > 0 ? Math.min(...a.stories) : 0;
  let record: ArticleRecord;
  if (a.existing) {
    record = { ...a.existing, ...fields, story };
    await putArticle(tx, record, a.existing.keys);
  } else {
    record = { ...fields, firstSeen: now, story };
    record.id = await putArticle(tx, record);
    if (story === 0) {
      record.story = record.id;
      await putArticle(tx, record, record.keys);
    }
  }
  for (const other of a.stories) if (other !== record.story) await mergeStory(tx, other, record.story);
  const verdict = await verdictFor(tx, { ...a, stories: [record.story] }, report, record.firstSeen, record.id);
  await tx.done;
  return verdict;
}
