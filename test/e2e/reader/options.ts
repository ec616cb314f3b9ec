/**
 * Issue 4, item 4: the options page (every setting saved and kept, export, clear, import and
 * malformed imports) and the settings' effect on pages: pause, excluded sites, "Don't track this site".
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { poll } from '../../harness/poll.ts';
import { READER_PAGES as PAGES } from '../../harness/reader-sites.ts';
import type { Settings } from '../../../src/settings.ts';
import {
  articleCount, getSettings, historyUrls, openAndWait, openExtensionPage, reloadExtensionPage, setSettings, storiesWithoutIds,
  resetSettings, waitForNumberBadge, type ReaderContext,
} from './context.ts';
import { hasNotice } from '../../harness/notice-page.ts';

/** Every setting away from its default, as a reader would type it in the form. */
const CHANGED: Settings = {
  paused: true, notice: false, recordPrivate: true, sensitivity: 'strict', minWords: 200, readDelaySeconds: 5,
  retentionDays: 30, excludedSites: ['example.org', 'news.example.com'], noticeOffSites: ['127.0.0.9'], linkMarks: false,
  linkMarksOffSites: ['front.example'],
};

/** The form's values, by field name. */
const formValues = (page: Page) => page.$eval('#settings', (form) => Object.fromEntries(
  [...(form as HTMLFormElement).elements].filter((el): el is HTMLInputElement => 'name' in el && (el as HTMLInputElement).name !== '')
    .map((el) => [el.name, el.type === 'checkbox' ? el.checked : el.value]),
));

/** The status line under the history buttons, once it says something, and whether it is an error. */
async function status(page: Page, previous = ''): Promise<{ text: string; error: boolean }> {
  return poll(() => page.$eval('#history-status', (p) => ({ text: p.textContent ?? '', error: p.classList.contains('error') }))
    .then((s) => s.text !== '' && s.text !== previous && s), { what: 'the history status', timeout: 10_000 });
}

/** Chooses a file in the import button's file input, as the file picker would. */
async function importFile(page: Page, path: string): Promise<{ text: string; error: boolean }> {
  await page.$eval('#history-status', (p) => void (p.textContent = ''));
  const input = await page.$('input#import-file');
  await (input ?? expect.fail('no file input')).uploadFile(path);
  return status(page);
}

export function optionsTests(ctx: ReaderContext): void {
  let folder = '';
  beforeAll(async () => void (folder = await mkdtemp(join(tmpdir(), 'deja-lu-options-'))));
  afterAll(async () => void (folder && (await rm(folder, { recursive: true, force: true }))));

  it('options: every setting is saved and still there after a reload', async () => {
    const { ext } = ctx;
    const page = await openExtensionPage(ext, 'options.html');
    try {
      await page.$eval('#settings', (form, s) => {
        const field = (name: string) => (form as HTMLFormElement).elements.namedItem(name) as HTMLInputElement;
        for (const name of ['paused', 'notice', 'linkMarks', 'recordPrivate'] as const) field(name).checked = s[name];
        for (const name of ['minWords', 'readDelaySeconds', 'retentionDays', 'sensitivity'] as const) field(name).value = String(s[name]);
        field('excludedSites').value = `https://www.${s.excludedSites[0]}/some/page\n${s.excludedSites[1]}`;
        field('noticeOffSites').value = s.noticeOffSites.join('\n');
        field('linkMarksOffSites').value = s.linkMarksOffSites.join('\n');
      }, CHANGED);
      await page.click('button[type="submit"]');
      await page.waitForFunction(() => document.getElementById('saved')?.textContent === 'Saved.');
      expect(await getSettings(ext)).toEqual(CHANGED);

      await reloadExtensionPage(ext, page);
      expect(await formValues(page)).toEqual({
        paused: true, notice: false, linkMarks: false, recordPrivate: true, sensitivity: 'strict', minWords: '200', readDelaySeconds: '5',
        retentionDays: '30', excludedSites: 'example.org\nnews.example.com', noticeOffSites: '127.0.0.9', linkMarksOffSites: 'front.example',
      });
    } finally {
      await page.close();
      await resetSettings(ext);
    }
  });

  it('options: export, clear (after confirming) and import give back the same history', async () => {
    const { ext } = ctx;
    const before = await storiesWithoutIds(ext);
    const count = await articleCount(ext);
    expect(count).toBeGreaterThan(10);
    const page = await openExtensionPage(ext, 'options.html');
    try {
      // The page downloads the file through a link to a blob; keep what it would save instead.
      await page.evaluate(() => {
        const saved: { name: string; text: Promise<string> }[] = [];
        (window as { saved?: typeof saved }).saved = saved;
        HTMLAnchorElement.prototype.click = function click(this: HTMLAnchorElement) {
          if (this.download) saved.push({ name: this.download, text: fetch(this.href).then((r) => r.text()) });
        };
      });
      await page.click('#export');
      expect(await status(page)).toEqual({ text: `Exported ${count} articles.`, error: false });
      const exported = await page.evaluate(async () => {
        const [file] = (window as { saved?: { name: string; text: Promise<string> }[] }).saved ?? [];
        return file && { name: file.name, text: await file.text };
      });
      expect(exported?.name).toMatch(/^deja-lu-history-\d{4}-\d{2}-\d{2}\.json$/);
      const path = join(folder, exported!.name);
      await writeFile(path, exported!.text);

      // Declining the confirmation deletes nothing; accepting it deletes everything.
      const dialogs: string[] = [];
      let accept = false;
      page.on('dialog', (dialog) => {
        dialogs.push(dialog.message());
        void (accept ? dialog.accept() : dialog.dismiss());
      });
      await page.click('#clear');
      await poll(() => dialogs.length === 1, { what: 'the confirmation', timeout: 5_000 });
      expect(await articleCount(ext)).toBe(count);
      accept = true;
      await page.click('#clear');
      expect(await status(page, `Exported ${count} articles.`)).toEqual({ text: `History cleared: ${count} articles deleted.`, error: false });
      expect(dialogs).toEqual(Array(2).fill('Delete the whole reading history? This cannot be undone.'));
      expect(await articleCount(ext)).toBe(0);

      expect(await importFile(page, path)).toEqual({ text: `Imported: ${count} new, 0 already here.`, error: false });
      expect(await storiesWithoutIds(ext)).toEqual(before);
    } finally {
      await page.close();
    }
  });

  it('options: a malformed file is refused with a specific reason and changes nothing', async () => {
    const { ext } = ctx;
    const history = await ext.message('history/export', {});
    const before = history.articles;
    const bad = structuredClone(history);
    bad.articles[1]!.url = 'javascript:alert(1)';
    const cases: [string, string, string][] = [
      ['truncated.json', JSON.stringify(history).slice(0, 200), 'Nothing imported: not valid JSON ('],
      ['other-format.json', JSON.stringify({ format: 'bookmarks', version: 1, articles: [] }), 'Nothing imported: not a Déjà Lu history file (format is "bookmarks")'],
      ['bad-record.json', JSON.stringify(bad), 'Nothing imported: article 2: "url" must be an http(s) address'],
    ];
    const page = await openExtensionPage(ext, 'options.html');
    try {
      for (const [name, text, message] of cases) {
        const path = join(folder, name);
        await writeFile(path, text);
        const shown = await importFile(page, path);
        expect(shown.text.startsWith(message), `${name}: "${shown.text}" should start with "${message}"`).toBe(true);
        expect(shown.error).toBe(true);
        expect((await ext.message('history/export', {})).articles).toEqual(before);
      }
    } finally {
      await page.close();
    }
  });

  it('options: while paused, a copy is neither checked nor recorded; unpaused, it is', async () => {
    const { ext, sites } = ctx;
    const count = await articleCount(ext);
    await setSettings(ext, { paused: true });
    try {
      const tab = await openAndWait(ext, sites.page(13, PAGES.lighthouse));
      expect(await ext.verdict(tab.tabId)).toBeNull();
      expect(await ext.badgeText(tab.tabId)).toBe('');
      expect(await hasNotice(tab.page)).toBe(false);
      expect(await articleCount(ext)).toBe(count);

      await setSettings(ext, { paused: false });
      const again = await ext.reload(tab, () => true);
      expect(again.otherSites).toBeGreaterThan(0);
      expect(await waitForNumberBadge(ext, tab.tabId)).toBe(again.otherSites);
    } finally {
      await resetSettings(ext);
    }
  });

  it('options: an excluded site is not tracked', async () => {
    const { ext, sites } = ctx;
    const count = await articleCount(ext);
    await setSettings(ext, { excludedSites: ['127.0.0.12'] });
    try {
      const tab = await openAndWait(ext, sites.page(12, PAGES.lighthouse));
      expect(await ext.verdict(tab.tabId)).toBeNull();
      expect(await ext.badgeText(tab.tabId)).toBe('');
      expect(await articleCount(ext)).toBe(count);
    } finally {
      await resetSettings(ext);
    }
  });

  it('popup: "Don\'t track this site" excludes the site and forgets the page', async () => {
    const { ext, sites } = ctx;
    const tab = await ext.visit(sites.page(14, PAGES.lighthouse));
    expect(await historyUrls(ext)).toContain(tab.url);
    const page = await ext.openPopup(tab.tabId);
    await page.click('#dont-track');
    await page.waitForFunction(() => (document.getElementById('dont-track') as HTMLButtonElement).disabled);
    await page.close();
    try {
      expect((await getSettings(ext)).excludedSites).toEqual(['127.0.0.14']);
      expect(await historyUrls(ext)).not.toContain(tab.url);
      const other = await openAndWait(ext, sites.page(14, PAGES.bus));
      expect(await ext.verdict(other.tabId)).toBeNull();
      expect(await historyUrls(ext)).not.toContain(other.url);
    } finally {
      await resetSettings(ext);
    }
  });
}
