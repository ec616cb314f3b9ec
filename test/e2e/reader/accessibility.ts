/**
 * Issue 4, item 9: axe-core finds nothing to fix in the popup (with a verdict, sightings and a
 * history), the options page and the in-page notice; run again in the French dark-mode browser and
 * in the Hebrew right-to-left one (reader-scenario.ts).
 */
import { expect, it } from 'vitest';
import { axeNoticeViolations, axeViolations } from '../../harness/axe.ts';
import { waitForNotice } from '../../harness/notice-page.ts';
import { READER_PAGES as PAGES } from '../../harness/reader-sites.ts';
import { openExtensionPage, type ReaderContext } from './context.ts';

/**
 * Checks the popup, the options page and the notice of a copy on `site` of story 1 (read before).
 * `setting` names the browser's set-up in the tests' titles.
 */
export function accessibilityTests(ctx: ReaderContext, site: number, setting: 'light' | 'dark' | 'Hebrew, right to left'): void {
  it(`accessibility (${setting}): the notice on a copy has no axe violations`, async () => {
    const { ext, sites } = ctx;
    const tab = await ext.openTab(sites.page(site, PAGES.lighthouse));
    ctx.keep(tab.page);
    const root = await waitForNotice(tab.page);
    expect(await axeNoticeViolations(tab.page, root)).toEqual([]);
    // The check leaves the notice as it was.
    expect(await tab.page.evaluate(() => document.querySelector('deja-lu-notice')?.hasAttribute('style'))).toBe(false);
  });

  it(`accessibility (${setting}): the popup, with sightings and history, has no axe violations`, async () => {
    const { ext, sites } = ctx;
    const tabId = (await ext.findTabId(sites.page(site, PAGES.lighthouse))) ?? expect.fail('no tab with a copy');
    const page = await ext.openPopup(tabId);
    try {
      expect(await page.$$eval('#sightings > li', (items) => items.length)).toBeGreaterThan(0);
      expect(await page.$$eval('#recent > li', (items) => items.length)).toBeGreaterThan(0);
      expect(await axeViolations(page)).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it(`accessibility (${setting}): the options page has no axe violations`, async () => {
    const page = await openExtensionPage(ctx.ext, 'options.html', { width: 1000, height: 800 });
    try {
      expect(await axeViolations(page)).toEqual([]);
    } finally {
      await page.close();
    }
  });
}
