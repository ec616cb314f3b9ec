/**
 * Issue 16, item 1: "updated since you read it". Story 4, a developing story, is read on site 9,
 * then opened again in a later edition (three new paragraphs, a new headline and date line), then
 * changes again on the same page without a load, as a single-page site's does.
 */
import { expect, it } from 'vitest';
import { axeNoticeViolations, axeViolations } from '../../harness/axe.ts';
import type { Tab } from '../../harness/browsers.ts';
import { hasNotice, noticeControl, readNotice, waitForNotice } from '../../harness/notice-page.ts';
import { sleep } from '../../harness/poll.ts';
import { READER_PAGES as PAGES } from '../../harness/reader-sites.ts';
import { fail, QUIET_MS, type ReaderContext } from './context.ts';

const SITE = 9;
/** The paragraphs "Show what's new" marks (its inline style). */
const marked = (tab: Tab) => tab.page.$$eval('article p', (ps) => ps.filter((p) => (p.getAttribute('style') ?? '').includes('rgba(255, 214, 0')).map((p) => p.parentElement?.id ?? ''));

export function updatedTests(ctx: ReaderContext): void {
  let later: Tab | undefined;
  /** When story 4 was last read, as its record says (a revisit's verdict does not tell its record apart). */
  const lastRead = async () => (await ctx.ext.message('history/stories', { query: 'Storm', multiSite: false, before: null, limit: 1 })).stories[0]?.lastSeen ?? 0;
  let readAt = 0;

  it('updated: a page read before, opened again with three new paragraphs, says so in the notice, the badge and the popup', async () => {
    const { ext, sites } = ctx;
    const first = await ext.visit(sites.page(SITE, PAGES.developing));
    expect(first.verdict).toMatchObject({ kind: 'recorded', updated: null });
    readAt = await lastRead();
    expect(await hasNotice(first.page)).toBe(false);

    later = await ext.openTab(sites.page(SITE, `${PAGES.developing}#v2`));
    ctx.keep(later.page);
    await later.page.bringToFront();
    const notice = await readNotice(await waitForNotice(later.page));
    // Told of the update alone: a new headline and date line are not counted, and there is no copy elsewhere.
    expect(notice.messages).toEqual(['Updated since you read it · just now · 3\u00a0new paragraphs']);
    expect(notice.controls).toEqual(['Dismiss', "Show what's new", 'Not on this site', 'Turn off notices']);
    expect(await ext.waitForBadge(later.tabId, '+3')).toBe('+3');
    const popup = await ext.popup(later.tabId);
    expect(popup.updated).toBe('Updated since you read it · just now · 3\u00a0new paragraphs');
    expect(popup.sightings).toEqual([]);
    const page = await ext.openPopup(later.tabId);
    try {
      expect(await page.$eval('#verdict-updated', (el) => el.textContent)).toBe(popup.updated);
      expect(await axeViolations(page)).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('updated: "Show what\'s new" marks the three new paragraphs, not the new date line', async () => {
    const tab = later ?? fail('no later edition open');
    await tab.page.bringToFront();
    ctx.keep(tab.page);
    const root = await waitForNotice(tab.page);
    await (await noticeControl(root, "Show what's new")).click();
    await expect.poll(async () => (await readNotice(root)).status).toBe('3 of 9 paragraphs are new');
    expect(await marked(tab)).toEqual(['v2', 'v2', 'v2']);
    expect(await axeNoticeViolations(tab.page, root)).toEqual([]);
  });

  it('updated: on a single-page site the page changing with its address is told against the edition last read', async () => {
    const { ext } = ctx;
    const tab = later ?? fail('no later edition open');
    await tab.page.bringToFront();
    ctx.keep(tab.page);
    // The second edition has been read: the record now holds both editions.
    await ext.read(tab, (v) => v.updated?.fresh === 3);
    await expect.poll(lastRead, { timeout: 10_000, interval: 100 }).toBeGreaterThan(readAt);
    readAt = await lastRead();
    await tab.page.evaluate(() => void (location.hash = '#v3'));
    const v3 = await ext.waitForVerdict(tab.tabId, (v) => v.url.endsWith('#v3'));
    expect(v3.updated).toMatchObject({ fresh: 1 });
    const notice = await readNotice(await waitForNotice(tab.page));
    expect(notice.messages).toEqual(['Updated since you read it · just now · 1\u00a0new paragraph']);
    expect(await ext.waitForBadge(tab.tabId, '+1')).toBe('+1');
  });

  it('updated: once the edition is read, opening it again tells nothing; neither does the first edition', async () => {
    const { ext, sites } = ctx;
    const tab = later ?? fail('no later edition open');
    // A revisit's verdict is the same before and after its record: wait for the record itself.
    await expect.poll(lastRead, { timeout: 10_000, interval: 100 }).toBeGreaterThan(readAt);
    // The tab has moved on to #v3 without a load since it was opened.
    const again = await ext.reload({ ...tab, url: tab.page.url() }, (v) => v.updated === null);
    expect(again).toMatchObject({ revisit: true, updated: null });
    const firstEdition = await ext.openTab(sites.page(SITE, PAGES.developing));
    const verdict = await ext.waitForVerdict(firstEdition.tabId, (v) => v.url === firstEdition.url);
    expect(verdict).toMatchObject({ revisit: true, updated: null });
    await sleep(QUIET_MS);
    expect(await hasNotice(tab.page)).toBe(false);
    expect(await hasNotice(firstEdition.page)).toBe(false);
    expect(await ext.badgeText(firstEdition.tabId)).toBe('');
  });
}
