/**
 * What the reader's-side browser tests share: one browser with the built extension, the sixteen
 * local sites, and small helpers over the extension's settings and history. Each group of tests
 * (notice.ts, popup.ts…) receives this context and defines its tests in order.
 */
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import { launchBrowser, type BrowserName, type ExtensionBrowser, type Tab, type UiOptions } from '../../harness/browsers.ts';
import { poll, sleep } from '../../harness/poll.ts';
import { startReaderSites } from '../../harness/reader-sites.ts';
import type { Page } from 'puppeteer-core';
import type { StoriesPage } from '../../../src/protocol.ts';
import type { Settings } from '../../../src/settings.ts';

export const LABELS: Record<BrowserName, string> = { chromium: 'Chromium', firefox: 'Firefox' };

/** Settings for the tests: pages count as read at once unless a test is about the delay. */
export const TEST_SETTINGS: Partial<Settings> = { readDelaySeconds: 0 };

/** How long a page is given to show something it must not (a badge, a notice) before we say it did not. */
export const QUIET_MS = 1_000;

export interface ReaderContext {
  name: BrowserName;
  label: string;
  ext: ExtensionBrowser;
  sites: Awaited<ReturnType<typeof startReaderSites>>;
  /** Keeps a page open for the next test; other pages are closed after each test. */
  keep: (page: Page) => void;
}

/**
 * Starts the sites and a browser before the tests of the enclosing describe, closes them after.
 * The returned object is filled in by beforeAll: read its fields inside tests only.
 */
export function useReaderBrowser(name: BrowserName, options: UiOptions = {}): ReaderContext {
  let kept = new Set<Page>();
  const ctx = { name, label: LABELS[name], keep: (page: Page) => void kept.add(page) } as ReaderContext;
  beforeAll(async () => {
    ctx.sites = await startReaderSites();
    ctx.ext = await launchBrowser(name, options);
    await resetSettings(ctx.ext);
  });
  // A browser with dozens of open tabs gets slow (each page's content script keeps a timer).
  afterEach(async () => {
    const keep = kept;
    kept = new Set();
    for (const page of (await ctx.ext?.browser.pages()) ?? []) {
      if (page !== ctx.ext.control && !keep.has(page)) await page.close().catch(() => undefined);
    }
  });
  afterAll(async () => {
    await ctx.ext?.close();
    await ctx.sites?.close();
  });
  return ctx;
}

export async function getSettings(ext: ExtensionBrowser): Promise<Partial<Settings>> {
  return ext.control.evaluate(async () => {
    const api = (globalThis as any).browser ?? (globalThis as any).chrome;
    return ((await api.storage.local.get('settings')).settings ?? {}) as Partial<Settings>;
  });
}

/** Changes some settings as the options page would (the extension validates them when read). */
export async function setSettings(ext: ExtensionBrowser, change: Partial<Settings>): Promise<void> {
  const settings = { ...(await getSettings(ext)), ...change };
  await ext.control.evaluate(async (settings) => {
    const api = (globalThis as any).browser ?? (globalThis as any).chrome;
    await api.storage.local.set({ settings });
  }, settings);
}

/** Puts back exactly the tests' settings, whatever a test changed. */
export async function resetSettings(ext: ExtensionBrowser): Promise<void> {
  await ext.control.evaluate(async (settings) => {
    const api = (globalThis as any).browser ?? (globalThis as any).chrome;
    await api.storage.local.set({ settings });
  }, TEST_SETTINGS);
}

/** How many articles the history holds. */
export async function articleCount(ext: ExtensionBrowser): Promise<number> {
  return (await ext.message('history/health', {})).articles;
}

/** The whole history as the popup lists it, without the ids an import renumbers. */
export async function storiesWithoutIds(ext: ExtensionBrowser): Promise<unknown[]> {
  const page: StoriesPage = await ext.message('history/stories', { query: '', multiSite: false, before: null, limit: 200 });
  return page.stories.map(({ story: _story, articles, ...rest }) => ({ ...rest, articles: articles.map(({ id: _id, story: _s, ...a }) => a) }));
}

/** The URLs of every article in the history. */
export async function historyUrls(ext: ExtensionBrowser): Promise<string[]> {
  return (await ext.message('history/export', {})).articles.map((a) => a.url).sort();
}

/** Waits until the tab's badge shows a number, and returns it. */
export async function waitForNumberBadge(ext: ExtensionBrowser, tabId: number, timeout = 5_000): Promise<number> {
  const text = await poll(async () => {
    const badge = await ext.badgeText(tabId);
    return /^\d+$/.test(badge) && badge;
  }, { what: `a number on the badge of tab ${tabId}`, timeout, interval: 50 });
  return Number(text);
}

/** Opens a page and lets it be for a moment in which the extension would have acted, if it were going to. */
export async function openAndWait(ext: ExtensionBrowser, url: string): Promise<Tab> {
  const tab = await ext.openTab(url);
  await tab.page.waitForFunction(() => document.readyState === 'complete');
  await sleep(QUIET_MS);
  return tab;
}

/** Opens an extension page (options.html…) in a new tab and waits until its script has run. */
export async function openExtensionPage(ext: ExtensionBrowser, path: string, viewport = { width: 800, height: 600 }): Promise<Page> {
  const page = await ext.browser.newPage();
  await page.setViewport(viewport);
  await ext.driver.gotoExtensionPage(page, ext.extensionUrl(path));
  await poll(() => page.evaluate(() => document.body.dataset.ready === 'true'), { what: `${path} to be ready`, timeout: 15_000 });
  return page;
}

/** Reloads an extension page and waits until its script has run again. */
export async function reloadExtensionPage(ext: ExtensionBrowser, page: Page): Promise<void> {
  const url = await page.evaluate(() => location.href); // page.url() stays about:blank for moz-extension: pages over BiDi
  await page.evaluate(() => delete document.body.dataset.ready);
  await ext.driver.gotoExtensionPage(page, url);
  await poll(() => page.evaluate(() => document.body.dataset.ready === 'true'), { what: `${url} to be ready again`, timeout: 15_000 });
}

export const fail = (what: string): never => expect.fail(`${what}: an earlier step failed`);
