/** "Updated since you read it" across an export and an import: what was read on either side stays read. */
import { expect, it } from 'vitest';
import { checkReport, recordReport } from '../../src/history/record-report.ts';
import { exportHistory } from '../../src/history/commands.ts';
import { importHistory } from '../../src/history/import-history.ts';
import { freshHistory } from '../fixtures/db.ts';
import { reportFor } from '../fixtures/reports.ts';
import { makeArticle } from '../fixtures/text.ts';

const DAY = 86_400_000;
const URL = 'https://news.example/2026/12/06/storm';
const v1 = makeArticle(51, 8);
const v2 = [...v1, ...makeArticle(52, 3)];

it('round trip keeps the union read across two editions', async () => {
  const a = await freshHistory();
  await recordReport(a, reportFor(URL, v1), DAY);
  await recordReport(a, reportFor(URL, [...v1.slice(0, 5), ...makeArticle(52, 3)]), 2 * DAY);
  const b = await freshHistory();
  await importHistory(b, JSON.parse(JSON.stringify(await exportHistory(a, 3 * DAY))));
  expect((await checkReport(b, reportFor(URL, v2), 4 * DAY)).updated).toBeNull();
});

it('importing a later reading of the page (other device) merges what was read there', async () => {
  const laptop = await freshHistory();
  await recordReport(laptop, reportFor(URL, v1), 1 * DAY);
  const phone = await freshHistory();
  await recordReport(phone, reportFor(URL, v2), 3 * DAY); // the updated edition, read on the phone
  await importHistory(laptop, JSON.parse(JSON.stringify(await exportHistory(phone, 4 * DAY))));
  const v = await checkReport(laptop, reportFor(URL, v2), 5 * DAY);
  // The reader has read v2 on the phone: the laptop must not tell it as an update.
  expect(v.updated).toBeNull();
});
