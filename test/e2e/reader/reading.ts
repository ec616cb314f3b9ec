/**
 * Issue 4, items 5 and 7: a page is checked at once but recorded only once read; a single-page
 * site's new story is checked without a page load. Story 1 was read on site 1 (notice.ts).
 */
import { expect, it } from 'vitest';
import { sleep } from '../../harness/poll.ts';
import { READER_PAGES as PAGES } from '../../harness/reader-sites.ts';
import { articleCount, setSettings, resetSettings, waitForNumberBadge, type ReaderContext } from './context.ts';

export function readingTests(ctx: ReaderContext): void {
  it('read means read: checked at once (badge), recorded only after 3 s in view', async () => {
    const { ext, sites } = ctx;
    await setSettings(ext, { readDelaySeconds: 3 });
    try {
      const before = await articleCount(ext);
      const tab = await ext.openTab(sites.page(8, PAGES.lighthouse));
      await tab.page.bringToFront();
      const checked = await ext.waitForVerdict(tab.tabId, (v) => v.url === tab.url);
      const checkedAt = Date.now();
      expect(checked).toMatchObject({ kind: 'seen', articleId: null });
      expect(await waitForNumberBadge(ext, tab.tabId, 1_000)).toBe(checked.otherSites);

      await sleep(1_000 - (Date.now() - checkedAt));
      expect(await articleCount(ext)).toBe(before);

      await expect.poll(() => articleCount(ext), { timeout: 6_000, interval: 100 }).toBe(before + 1);
      const recordedAfter = Date.now() - checkedAt;
      // The check answered a little before we saw it: allow the poll's granularity.
      expect(recordedAfter).toBeGreaterThanOrEqual(2_500);
      console.info(`[${ctx.label}] read delay 3 s: recorded ${recordedAfter} ms after the check was seen`);
    } finally {
      await resetSettings(ext);
    }
  });

  it('read means read: scrolling half a screen records at once', async () => {
    const { ext, sites } = ctx;
    await setSettings(ext, { readDelaySeconds: 3 });
    try {
      const before = await articleCount(ext);
      const tab = await ext.openTab(sites.page(9, PAGES.lighthouse));
      await ext.waitForVerdict(tab.tabId, (v) => v.url === tab.url);
      const scrolledAt = Date.now();
      await tab.page.evaluate(() => window.scrollBy(0, window.innerHeight));
      await expect.poll(() => articleCount(ext), { timeout: 2_000, interval: 50 }).toBe(before + 1);
      expect(Date.now() - scrolledAt).toBeLessThan(2_000);
    } finally {
      await resetSettings(ext);
    }
  });

  it('single-page site: a story shown by history.pushState is checked without a page load', async () => {
    const { ext, sites } = ctx;
    const first = await ext.visit(sites.page(10, PAGES.spa));
    expect(first.verdict).toMatchObject({ kind: 'recorded', otherSites: 0 });
    expect(await ext.badgeText(first.tabId)).toBe('');
    await first.page.evaluate(() => void ((window as { stillTheSamePage?: boolean }).stillTheSamePage = true));

    await first.page.click('a[href="/spa?story=lighthouse"]');
    const url = sites.page(10, '/spa?story=lighthouse');
    const verdict = await ext.waitForVerdict(first.tabId, (v) => v.url === url, 10_000);
    expect(verdict.otherSites).toBeGreaterThan(0);
    expect(await waitForNumberBadge(ext, first.tabId)).toBe(verdict.otherSites);
    expect(await first.page.evaluate(() => (window as { stillTheSamePage?: boolean }).stillTheSamePage)).toBe(true);
  });
}
