/**
 * Issue 17, item 6: in a browser whose UI is Hebrew, the popup, the options page and the notice
 * speak Hebrew and are laid out right to left, relative times included, while the pages' titles
 * and sites keep their own direction and the page under the notice keeps its own.
 * Geometry is measured, not only attributes: a `dir` the CSS ignored would still pass those.
 */
import { expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import type { Tab } from '../../harness/browsers.ts';
import { readNotice, waitForNotice } from '../../harness/notice-page.ts';
import { READER_PAGES as PAGES } from '../../harness/reader-sites.ts';
import { fail, openExtensionPage, type ReaderContext } from './context.ts';

/** Hebrew letters only (with spaces, digits and brackets): no English word slipped through. */
const HEBREW = /^[\u05D0-\u05EA][\u05D0-\u05EA\u05BE\s\d()."]*$/;

/** Where the text of the first element matching `selector` starts and ends on screen (its box may be wider). */
function textEdges(page: Page, selector: string) {
  return page.$eval(selector, (el) => {
    const range = document.createRange();
    range.selectNodeContents(el);
    const text = range.getBoundingClientRect();
    const box = el.getBoundingClientRect();
    return { left: text.left, right: text.right, boxLeft: box.left, boxRight: box.right };
  });
}

export function hebrewRtlTests(ctx: ReaderContext): void {
  const langpackHint = ctx.name === 'firefox'
    ? ' (Firefox needs its Hebrew language pack: apt-get install firefox-esr-l10n-he)'
    : ' (Chromium needs its language packs: apt-get install chromium-l10n)';
  let copy: Tab | undefined;

  it('rtl: the notice is in Hebrew, right to left, in the bottom-left corner; the page keeps its direction', async () => {
    const { ext, sites } = ctx;
    await ext.visit(sites.page(1, PAGES.lighthouse));
    copy = await ext.openTab(sites.page(2, PAGES.lighthouse));
    ctx.keep(copy.page);
    const root = await waitForNotice(copy.page);
    const notice = await readNotice(root);
    expect(notice.label, `the notice's name${langpackHint}`).toBe('Déjà Lu: כתבה שכבר קראת');
    expect(notice.dir).toBe('rtl');
    const [, site, when] = notice.message.match(/^כבר קראת את הכתבה הזאת באתר (.+) · (.+)$/) ?? fail(`the Hebrew message, not "${notice.message}"`);
    expect(site).toBe('127.0.0.1');
    // Read seconds ago: the browser's own Hebrew word for "now" ("עכשיו"), not "just now".
    expect(when).toBe(await copy.page.evaluate(() => new Intl.RelativeTimeFormat('he', { numeric: 'auto' }).format(0, 'second')));
    expect(when).toMatch(HEBREW);
    // Mirrored: 16 px from the left and bottom edges; the close button at the box's left, the
    // message's text against its right (the panel's 1 px border and 14 px padding).
    expect(notice.rect.left).toBeCloseTo(16, 0);
    expect(notice.viewport.height - notice.rect.bottom).toBeCloseTo(16, 0);
    const inside = await root.evaluate((root) => {
      const edges = (el: Element | null) => {
        if (!el) return null;
        const range = document.createRange();
        range.selectNodeContents(el);
        const { left, right } = range.getBoundingClientRect();
        return { left, right };
      };
      const close = root.querySelector('.close')!.getBoundingClientRect();
      return { close: { left: close.left, right: close.right }, message: edges(root.querySelector('.message')) };
    });
    expect(inside.close.left - notice.rect.left).toBeCloseTo(9, 0);
    expect(notice.rect.right - (inside.message?.right ?? 0)).toBeCloseTo(15, 0);
    // The page itself: still left to right, nothing set on <html>, <body> or the notice's host.
    expect(await copy.page.evaluate(() => [
      document.documentElement.getAttribute('dir'), getComputedStyle(document.body).direction,
      document.querySelector('deja-lu-notice')?.getAttribute('dir') ?? null,
    ])).toEqual([null, 'ltr', null]);
  });

  it('rtl: the popup is in Hebrew, right to left; an English title keeps its own direction', async () => {
    const tabId = copy?.tabId ?? fail('no copy');
    const page = await ctx.ext.openPopup(tabId);
    try {
      expect(await page.$$eval('h2', (hs) => hs.map((h) => h.textContent)), `the popup's headings${langpackHint}`).toEqual(['הדף הזה', 'היסטוריה']);
      expect(await page.evaluate(() => [document.documentElement.dir, document.documentElement.lang])).toEqual(['rtl', 'he']);
      expect(await page.$eval('#verdict-summary', (p) => p.textContent)).toBe('קראת את הכתבה הזאת באתר אחד נוסף');
      // Headings and summary start at the right edge (their 14 px margin), the header's Options
      // button sits at the left, the logo at the right. (The tab is wider than the popup's 400 px
      // body, which goes to the right of it: measured from the body's own edges.)
      const body = await page.$eval('body', (b) => b.getBoundingClientRect().toJSON() as DOMRect);
      for (const selector of ['#verdict-title', '#history-title', '#verdict-summary']) {
        const edges = await textEdges(page, selector);
        expect(body.right - edges.right, selector).toBeCloseTo(14, 0);
        expect(edges.left - body.left, selector).toBeGreaterThan(50); // left to right, it would be 14
      }
      const [logo, options] = await Promise.all(['header img', '#open-options'].map((s) => page.$eval(s, (el) => el.getBoundingClientRect().toJSON() as DOMRect)));
      expect(body.right - logo!.right).toBeCloseTo(14, 0);
      expect(options!.left - body.left).toBeLessThan(body.width / 4);
      // Relative times in Hebrew, in the sightings and the history.
      const times = await page.$$eval('#sightings .meta span:nth-child(2), #recent .meta > span:not(.chip)', (spans) => spans.map((s) => s.textContent ?? ''));
      expect(times.length).toBeGreaterThan(1);
      for (const time of times) expect(time).toMatch(HEBREW);
      // Page data: the English title and the site run left to right (each in a <bdi>) inside the
      // right-to-left list, which keeps them aligned to its right edge, its × at the left.
      expect(await page.$eval('#sightings li', (li) => [
        li.querySelector('a')!.matches(':dir(rtl)'), li.querySelector('a bdi')!.matches(':dir(ltr)'), li.querySelector('.meta bdi')!.matches(':dir(ltr)'),
      ])).toEqual([true, true, true]);
      const title = await textEdges(page, '#recent .story-head a');
      const remove = await page.$eval('#recent .delete', (b) => b.getBoundingClientRect().toJSON() as DOMRect);
      expect(title.right).toBeCloseTo(title.boxRight, 0);
      expect(remove.right).toBeLessThan(title.boxLeft + 1);
    } finally {
      await page.close();
    }
  });

  it('rtl: the options page is in Hebrew, right to left', async () => {
    const page = await openExtensionPage(ctx.ext, 'options.html', { width: 1000, height: 800 });
    try {
      expect(await page.$eval('h1', (h) => h.textContent?.trim()), `the options' title${langpackHint}`).toBe('האפשרויות של Déjà Lu');
      expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl');
      // <main> is 640 px wide, centred, padded 24 px: its content ends 24 px in from its right edge.
      const main = await page.$eval('main', (m) => m.getBoundingClientRect().toJSON() as DOMRect);
      const logo = await page.$eval('h1 img', (img) => img.getBoundingClientRect().toJSON() as DOMRect);
      expect(main.right - logo.right).toBeCloseTo(24, 0);
      const fieldset = await page.$eval('fieldset', (f) => f.getBoundingClientRect().toJSON() as DOMRect);
      const legend = await page.$eval('legend', (l) => l.getBoundingClientRect().toJSON() as DOMRect);
      expect(fieldset.right - legend.right).toBeLessThan(30);
      expect(legend.left - fieldset.left).toBeGreaterThan(fieldset.width / 2);
      const save = await page.$eval('#settings button[type="submit"]', (b) => b.getBoundingClientRect().toJSON() as DOMRect);
      expect(main.right - save.right).toBeCloseTo(24, 0);
      const checkbox = await textEdges(page, 'label.check');
      const box = await page.$eval('label.check input', (i) => i.getBoundingClientRect().toJSON() as DOMRect);
      expect(box.left).toBeGreaterThan(checkbox.right - 30); // the checkbox before (right of) its words
      // The lists of sites are page data: left to right while empty or Latin.
      expect(await page.$eval('#excludedSites', (t) => t.matches(':dir(ltr)'))).toBe(true);
    } finally {
      await page.close();
    }
  });
}
