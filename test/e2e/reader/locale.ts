/**
 * Issue 4, items 8 and 3 (dark mode): the extension in the browser's language and colour scheme,
 * and its keyboard shortcut.
 */
import { expect, it } from 'vitest';
import { readNotice, waitForNotice } from '../../harness/notice-page.ts';
import { READER_PAGES as PAGES } from '../../harness/reader-sites.ts';
import type { ReaderContext } from './context.ts';

/** Relative luminance (0 black … 1 white) of a computed `rgb(r, g, b)` colour. */
function luminance(rgb: string): number {
  const [r = 0, g = 0, b = 0] = (rgb.match(/\d+(\.\d+)?/g) ?? []).map(Number).map((c) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

export function shortcutTests(ctx: ReaderContext): void {
  it('keyboard shortcut: Alt+Shift+L opens the popup (_execute_action)', async () => {
    const commands: { name: string; shortcut: string }[] = await ctx.ext.api('commands.getAll');
    expect(commands.find((c) => c.name === '_execute_action')?.shortcut).toBe('Alt+Shift+L');
  });
}

/** In a browser whose UI is French and in dark mode. */
export function frenchDarkTests(ctx: ReaderContext): void {
  const langpackHint = ctx.name === 'firefox'
    ? ' (Firefox needs its French language pack: apt-get install firefox-esr-l10n-fr)'
    : ' (Chromium needs its language packs: apt-get install chromium-l10n)';

  it('i18n: in a French browser the popup speaks French', async () => {
    const page = await ctx.ext.openPopup(0);
    try {
      const headings = await page.$$eval('h2', (hs) => hs.map((h) => h.textContent));
      expect(headings, `the popup's headings${langpackHint}`).toEqual(['Cette page', 'Historique']);
    } finally {
      await page.close();
    }
  });

  it('i18n: …and so does the notice', async () => {
    const { ext, sites } = ctx;
    await ext.visit(sites.page(1, PAGES.lighthouse));
    const copy = await ext.openTab(sites.page(2, PAGES.lighthouse));
    const notice = await readNotice(await waitForNotice(copy.page));
    expect(notice.label).toBe('Déjà Lu : article déjà lu');
    // "maintenant": the relative time in the browser's language too (Intl's word, time-ago.ts).
    expect(notice.message, `the notice's message${langpackHint}`).toBe('Vous avez lu cet article sur 127.0.0.1 · maintenant');
  });

  it('dark mode: the popup follows the browser into dark mode', async () => {
    const page = await ctx.ext.openPopup(0);
    try {
      expect(await page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches)).toBe(true);
      const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
      // In light mode it is white (popup.ts checks that in the main browser).
      expect(background).not.toBe('rgb(255, 255, 255)');
      expect(luminance(background)).toBeLessThan(0.05);
      const text = await page.evaluate(() => getComputedStyle(document.body).color);
      expect(luminance(text)).toBeGreaterThan(0.7);
    } finally {
      await page.close();
    }
  });
}
