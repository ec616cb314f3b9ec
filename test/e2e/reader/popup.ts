/**
 * Issue 4, item 3: the popup. Its page actions on a tab's story, the history grouped by story,
 * filter, search, delete, the empty state, paging through a large imported history, and its size.
 * Runs after notice.ts and reading.ts: story 1 has been read on many sites, story 2 on two,
 * story 3 on one (the single-page site).
 */
import { expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { READER_PAGES as PAGES, READER_TITLES as TITLES } from '../../harness/reader-sites.ts';
import { historyUrls, type ReaderContext } from './context.ts';

/** The stories the popup lists: title and site chips of each. */
const listed = (page: Page) => page.$$eval('#recent > li', (items) => items.map((li) => ({
  title: li.querySelector('.story-head a')?.textContent ?? '',
  sites: [...li.querySelectorAll('.chip')].map((chip) => chip.textContent ?? ''),
})));

/** Waits until the list has been redrawn after a filter change (the search waits 150 ms for typing to stop). */
async function waitForList(page: Page, accept: (titles: string[]) => boolean): Promise<string[]> {
  let titles: string[] = [];
  await expect.poll(async () => accept((titles = (await listed(page)).map((s) => s.title))), { timeout: 3_000, interval: 50 }).toBe(true);
  return titles;
}

/** Puts `text` in the search box as pasting it would (typing each key costs ~100 ms over BiDi). */
const search = (page: Page, text: string) => page.$eval('#search', (input, text) => {
  (input as HTMLInputElement).value = text;
  input.dispatchEvent(new Event('input', { bubbles: true }));
}, text);

/** A history file of `count` unrelated one-page stories, one read per minute up to now. Self-contained: it runs in the browser. */
export function generatedHistory(count: number, now: number) {
  let seed = 2_463_534_242;
  const random32 = () => {
    seed ^= seed << 13; seed >>>= 0; seed ^= seed >>> 17; seed ^= seed << 5; seed >>>= 0;
    return seed;
  };
  const articles = Array.from({ length: count }, (_, i) => {
    const seen = now - (count - i) * 60_000;
    const host = `news${i % 50}.example`;
    return {
      id: i + 1, url: `https://${host}/story/${i}`, page: `${host}/story/${i}`, host, site: host,
      title: `Generated story number ${i}`, siteName: null, byline: null, published: null, lang: 'en',
      firstSeen: seen, lastSeen: seen, words: 400, size: 380,
      sketch: Array.from({ length: 64 }, random32), keys: Array.from({ length: 24 }, random32), paragraphs: Array.from({ length: 8 }, random32),
      story: i + 1,
    };
  });
  return { format: 'deja-lu-history', version: 1, exportedAt: new Date(now).toISOString(), articles };
}

export function popupTests(ctx: ReaderContext): void {
  it('popup: a copy lists the sites it was read on', async () => {
    const { ext, sites } = ctx;
    const tab = await ext.visit(sites.page(11, PAGES.lighthouse));
    ctx.keep(tab.page);
    const popup = await ext.popup(tab.tabId);
    expect(popup.summary).toBe(`You read this story on ${tab.verdict.otherSites} other sites`);
    expect(popup.sightings.map((s) => s.meta[0])).toContain('127.0.0.1');
    expect(popup.sightings.every((s) => s.title === TITLES.lighthouse)).toBe(true);
  });

  it('popup: "Not the same story" unlinks the page; the popup and a later check keep it apart', async () => {
    const { ext, sites } = ctx;
    const tabId = (await ext.findTabId(sites.page(11, PAGES.lighthouse))) ?? expect.fail('no tab on site 11');
    const page = await ext.openPopup(tabId);
    await page.click('#not-same');
    await page.waitForFunction(() => (document.getElementById('not-same') as HTMLButtonElement).disabled);
    expect(await page.$$eval('#sightings > li', (items) => items.length)).toBe(0);
    await page.close();

    const reopened = await ext.popup(tabId);
    expect(reopened.sightings).toEqual([]);
    expect(await ext.badgeText(tabId)).toBe('');
    const tab = { page: (await ext.browser.pages()).find((p) => p.url() === sites.page(11, PAGES.lighthouse)) ?? expect.fail('no page'), tabId, url: sites.page(11, PAGES.lighthouse) };
    await tab.page.bringToFront();
    const again = await ext.reload(tab, (v) => v.revisit);
    expect(again).toMatchObject({ sightings: [], otherSites: 0 });
    expect(await ext.badgeText(tabId)).toBe('');
  });

  it('popup: "Forget this page" removes it from the history', async () => {
    const { ext, sites } = ctx;
    const tab = await ext.visit(sites.page(16, PAGES.trees));
    expect(await historyUrls(ext)).toContain(tab.url);
    const page = await ext.openPopup(tab.tabId);
    await page.click('#forget');
    await page.waitForFunction(() => (document.getElementById('forget') as HTMLButtonElement).disabled);
    await page.close();
    expect(await historyUrls(ext)).not.toContain(tab.url);
  });

  it('popup: the history lists each story once, with a chip per site; filter and search narrow it', async () => {
    const { ext } = ctx;
    const page = await ext.openPopup(0);
    try {
      const stories = await listed(page);
      // Story 1 once for its ten sites, and once more for site 11's page, unlinked from it above.
      const lighthouse = stories.filter((s) => s.title === TITLES.lighthouse).map((s) => s.sites.sort()).sort((a, b) => a.length - b.length);
      expect(lighthouse).toEqual([['127.0.0.11'], ['127.0.0.1', '127.0.0.10', '127.0.0.2', '127.0.0.3', '127.0.0.4', '127.0.0.5', '127.0.0.6', '127.0.0.7', '127.0.0.8', '127.0.0.9']]);
      // Most recently read site first.
      expect(stories.find((s) => s.title === TITLES.busAbridged)?.sites).toEqual(['127.0.0.2', '127.0.0.1']);
      expect(stories.find((s) => s.title === TITLES.trees)?.sites).toEqual(['127.0.0.10']);

      await page.click('#multi-site');
      const multi = await waitForList(page, (titles) => !titles.includes(TITLES.trees));
      expect(multi.sort()).toEqual([TITLES.busAbridged, TITLES.lighthouse].sort());

      await page.click('#multi-site');
      await page.type('#search', 'bus');
      expect(await waitForList(page, (titles) => titles.length === 1)).toEqual([TITLES.busAbridged]);
      await search(page, '127.0.0.10');
      expect((await waitForList(page, (titles) => titles.length === 2)).sort()).toEqual([TITLES.lighthouse, TITLES.trees].sort());
      await search(page, 'no such story');
      await waitForList(page, (titles) => titles.length === 0);
      expect(await page.$eval('#recent-empty', (p) => [(p as HTMLElement).hidden, p.textContent])).toEqual([false, 'No story matches.']);
    } finally {
      await page.close();
    }
  });

  it('popup: × deletes a story', async () => {
    const { ext } = ctx;
    const page = await ext.openPopup(0);
    const item = await page.evaluateHandle((title) => [...document.querySelectorAll('#recent > li')].find((li) => li.querySelector('.story-head a')?.textContent === title), TITLES.busAbridged);
    const remove = await item.asElement()?.$('button[aria-label="Delete this story from the history"]');
    await (remove ?? expect.fail('no delete button')).click();
    await waitForList(page, (titles) => !titles.includes(TITLES.busAbridged));
    await page.close();
    const left = await ext.message('history/stories', { query: 'bus', multiSite: false, before: null, limit: 10 });
    expect(left.stories).toEqual([]);
    expect((await ext.popup(0)).recent.map((r) => r.title)).not.toContain(TITLES.busAbridged);
  });
}

export function popupHistoryTests(ctx: ReaderContext): void {
  it('popup: an empty history says so', async () => {
    const { ext } = ctx;
    await ext.message('history/clear', {});
    const page = await ext.openPopup(0);
    expect(await page.$eval('#recent-empty', (p) => [(p as HTMLElement).hidden, p.textContent])).toEqual([
      false, 'Nothing recorded yet. Read an article on any news site and it appears here.',
    ]);
    expect(await page.$$eval('#recent > li', (items) => items.length)).toBe(0);
    expect(await page.$eval('#more', (b) => (b as HTMLElement).hidden)).toBe(true);
    await page.close();
  });

  it('popup: 10,000 stories are paged 30 at a time with "Show more"; the popup fits 800×600', async () => {
    const { ext } = ctx;
    // Made in the extension page itself: sending 10,000 records from Node costs more (15 s over BiDi) than importing them.
    const file = await ext.control.evaluateHandle(generatedHistory, 10_000, Date.now());
    const importStart = Date.now();
    const result = await ext.control.evaluate(async (file) => {
      const api = (globalThis as any).browser ?? (globalThis as any).chrome;
      return api.runtime.sendMessage({ app: 'deja-lu', type: 'history/import', payload: { file } });
    }, file);
    const imported = Date.now() - importStart;
    expect(result).toEqual({ ok: true, value: { added: 10_000, merged: 0 } });

    const start = Date.now();
    const page = await ext.openPopup(0);
    const firstRender = Date.now() - start;
    console.info(`[${ctx.label}] import of 10,000 articles: ${imported} ms; popup first render with them: ${firstRender} ms`);
    try {
      const count = () => page.$$eval('#recent > li', (items) => items.length);
      expect(await count()).toBe(30);
      expect((await listed(page))[0]?.title).toBe('Generated story number 9999');
      expect(await page.$eval('#more', (b) => (b as HTMLElement).hidden)).toBe(false);
      await page.click('#more');
      await expect.poll(count).toBe(60);
      expect((await listed(page))[59]?.title).toBe('Generated story number 9940');

      const size = await page.evaluate(() => ({
        scrollWidth: document.documentElement.scrollWidth,
        bodyHeight: document.body.getBoundingClientRect().height,
      }));
      expect(size.scrollWidth).toBeLessThanOrEqual(800);
      expect(size.bodyHeight).toBeLessThanOrEqual(600);
      expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(255, 255, 255)');
    } finally {
      await page.close();
    }
  });
}
