/**
 * Issue 4, item 6: private windows record nothing by default. By default the extension does not
 * run in private windows at all (the browser's own rule, until the reader allows it); allowed
 * there, it still records nothing unless "Record pages in private windows" is on.
 */
import { expect, it } from 'vitest';
import { hasNotice } from '../../harness/notice-page.ts';
import { sleep } from '../../harness/poll.ts';
import { READER_PAGES as PAGES } from '../../harness/reader-sites.ts';
import { articleCount, QUIET_MS, setSettings, resetSettings, waitForNumberBadge, type ReaderContext } from './context.ts';

const allowedInPrivate = (ctx: ReaderContext) => ctx.ext.control.evaluate(() => ((globalThis as any).browser ?? (globalThis as any).chrome).extension.isAllowedIncognitoAccess() as Promise<boolean>);

/** In a browser where the extension was installed as usual. Story 1 was read before. */
export function privateDefaultTests(ctx: ReaderContext, site: number): void {
  it('private windows: by default the extension does not run there, so nothing is checked or recorded', async () => {
    const { ext, sites } = ctx;
    expect(await allowedInPrivate(ctx)).toBe(false);
    const count = await articleCount(ext);
    const url = sites.page(site, PAGES.lighthouse);
    if (ctx.name === 'chromium') {
      const tab = await ext.openPrivateTab(url);
      expect(tab.tabId).toBeNull(); // the extension does not even see the tab
      await tab.page.evaluate(() => window.scrollBy(0, window.innerHeight));
      await sleep(QUIET_MS);
      expect(await hasNotice(tab.page)).toBe(false);
      await tab.page.close();
    } else {
      // Firefox lets no test open a private window by itself: the extension can, only where it is
      // allowed in private windows. Here it is refused, as its content script is there.
      await expect(ext.openPrivateTab(url)).rejects.toThrow(/permission for incognito mode/);
    }
    expect(await articleCount(ext)).toBe(count);
  });
}

/** In a browser where the reader allowed the extension in private windows. Story 1 was read before. */
export function privateAllowedTests(ctx: ReaderContext, sitesToUse: [number, number]): void {
  it('private windows: allowed there, the extension still records nothing by default, and shows nothing', async () => {
    const { ext, sites } = ctx;
    expect(await allowedInPrivate(ctx)).toBe(true);
    const count = await articleCount(ext);
    const tab = await ext.openPrivateTab(sites.page(sitesToUse[0], PAGES.lighthouse));
    const tabId = tab.tabId ?? expect.fail('the extension does not see the private tab');
    const verdict = await ext.waitForVerdict(tabId, (v) => v.url === tab.url);
    expect(verdict).toMatchObject({ kind: 'not-article', reason: 'private window: not recorded', otherSites: 0, sightings: [] });
    await tab.page.evaluate(() => window.scrollBy(0, window.innerHeight));
    await sleep(QUIET_MS);
    expect(await ext.badgeText(tabId)).toBe('');
    expect(await hasNotice(tab.page)).toBe(false);
    expect(await articleCount(ext)).toBe(count);
    await tab.page.close();
  });

  it('private windows: with "Record pages in private windows" on, a private page is checked and recorded', async () => {
    const { ext, sites } = ctx;
    await setSettings(ext, { recordPrivate: true });
    try {
      const count = await articleCount(ext);
      const opened = await ext.openPrivateTab(sites.page(sitesToUse[1], PAGES.lighthouse));
      const tab = { ...opened, tabId: opened.tabId ?? expect.fail('the extension does not see the private tab') };
      const verdict = await ext.read(tab);
      expect(verdict).toMatchObject({ kind: 'seen' });
      expect(await waitForNumberBadge(ext, tab.tabId)).toBe(verdict.otherSites);
      expect(await articleCount(ext)).toBe(count + 1);
      await tab.page.close();
    } finally {
      await resetSettings(ext);
    }
  });
}
