/** "Updated since you read it": a page read before, opened again with new paragraphs. */
import { describe, expect, it } from 'vitest';
import { checkReport, readOfBoth, recordReport } from '../../src/history/record-report.ts';
import { updateOf } from '../../src/history/verdict.ts';
import { badgeFor, OTHER_SITES_COLOR, UPDATED_COLOR } from '../../src/background/badge.ts';
import { articleAtPage } from '../../src/history/articles.ts';
import { pageHashOf } from '../../src/history/codec.ts';
import { STORES } from '../../src/history/schema.ts';
import { freshHistory } from '../fixtures/db.ts';
import { reportFor } from '../fixtures/reports.ts';
import { makeArticle } from '../fixtures/text.ts';
import { paragraphHash } from '../../src/core/fingerprint.ts';

const DAY = 86_400_000;
const URL = 'https://news.example/live/storm';
const first = makeArticle(31, 8);
const added = makeArticle(32, 3);
const STAMP_1 = 'Updated December 4, 2026 at 9:10 a.m. GMT';
const STAMP_2 = 'Updated December 6, 2026 at 4:45 p.m. GMT';

describe('updated since read', () => {
  it('tells a page read before that gained paragraphs, with when it was read and how many are new', async () => {
    const db = await freshHistory();
    await recordReport(db, reportFor(URL, first), 1 * DAY);
    const verdict = await checkReport(db, reportFor(`${URL}?utm_source=feed`, [...first.slice(0, 4), ...added, ...first.slice(4)], 'Storm: latest'), 3 * DAY);
    expect(verdict.revisit).toBe(true);
    expect(verdict.updated).toEqual({ lastRead: 1 * DAY, fresh: 3 });
    // "Show what's new" is told against the page as read, so it marks the three new paragraphs.
    expect(reportFor(URL, added).paragraphs.every((h) => !verdict.readParagraphs.includes(h))).toBe(true);
    expect(reportFor(URL, first).paragraphs.every((h) => verdict.readParagraphs.includes(h))).toBe(true);
  });

  it('is not told for a changed title, a changed date line, or paragraphs in another order', async () => {
    const db = await freshHistory();
    await recordReport(db, reportFor(URL, [STAMP_1, ...first]), DAY);
    const retitled = await checkReport(db, reportFor(URL, [STAMP_1, ...first], 'A new headline'), 2 * DAY);
    const restamped = await checkReport(db, reportFor(URL, [STAMP_2, ...first]), 2 * DAY);
    const reordered = await checkReport(db, reportFor(URL, [STAMP_1, ...first].reverse()), 2 * DAY);
    const cut = await checkReport(db, reportFor(URL, first.slice(0, 5)), 2 * DAY);
    expect([retitled, restamped, reordered, cut].map((v) => v.updated)).toEqual([null, null, null, null]);
    expect([retitled, restamped].map((v) => v.revisit)).toEqual([true, true]);
    // Nor does "Show what's new" mark the new date line.
    expect(restamped.readParagraphs).toContain(paragraphHash(STAMP_2));
  });

  it('is not told for a page whose whole text was replaced (a URL reused, the text extracted anew)', () => {
    const read = { paragraphs: reportFor(URL, first).paragraphs, lastSeen: DAY };
    expect(updateOf(read, reportFor(URL, makeArticle(33, 8)))).toBeNull();
    expect(updateOf(read, reportFor(URL, [...first, ...added]))).toEqual({ lastRead: DAY, fresh: 3 });
  });

  it('once read again, keeps what was read in either version: neither is then new', async () => {
    const db = await freshHistory();
    await recordReport(db, reportFor(URL, first), DAY);
    // The second version dropped a paragraph and gained three; it is read.
    const second = [...first.slice(0, 7), ...added];
    const recorded = await recordReport(db, reportFor(URL, second), 2 * DAY);
    expect(recorded.updated).toEqual({ lastRead: DAY, fresh: 3 });
    const record = await articleAtPage(db.transaction(STORES, 'readonly'), pageHashOf(URL));
    expect(new Set(record?.paragraphs)).toEqual(new Set(reportFor(URL, [...first, ...added]).paragraphs));
    expect(record?.lastSeen).toBe(2 * DAY);
    expect((await checkReport(db, reportFor(URL, second), 3 * DAY)).updated).toBeNull();
    expect((await checkReport(db, reportFor(URL, first), 3 * DAY)).updated).toBeNull();
    // A third version is told against the second reading.
    const third = await checkReport(db, reportFor(URL, [...second, ...makeArticle(34, 1)]), 4 * DAY);
    expect(third.updated).toEqual({ lastRead: 2 * DAY, fresh: 1 });
  });

  it('keeps the new edition in order, what only the earlier one held after the paragraph it followed, within the stored bound', () => {
    expect(readOfBoth([1, 2, 3], [4, 2, 5])).toEqual([4, 1, 2, 5, 3]);
    expect(readOfBoth([1, 2, 6, 7, 8], [1, 2, 3, 4])).toEqual([1, 2, 3, 4, 6, 7, 8]);
    const long = Array.from({ length: 200 }, (_, i) => i);
    expect(readOfBoth(long, [1_000, 1_001])).toEqual(long);
  });

  it('is shown on the badge apart from a copy read on other sites', () => {
    expect(badgeFor({ otherSites: 2, updated: null })).toEqual({ text: '2', color: OTHER_SITES_COLOR });
    expect(badgeFor({ otherSites: 0, updated: null })).toEqual({ text: '', color: OTHER_SITES_COLOR });
    expect(badgeFor({ otherSites: 2, updated: { lastRead: 0, fresh: 3 } })).toEqual({ text: '+3', color: UPDATED_COLOR });
    expect(badgeFor({ otherSites: 0, updated: { lastRead: 0, fresh: 250 } }).text).toBe('+99');
  });
});
