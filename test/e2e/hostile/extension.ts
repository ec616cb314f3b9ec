/**
 * What the hostile-page, privacy and lifecycle tests ask of the extension beyond ExtensionBrowser:
 * settings, the stored history, a watched visit with its timings, and a fresh control page.
 */
import type { Page } from 'puppeteer-core';
import { ExtensionBrowser } from '../../harness/browsers.ts';
import { poll } from '../../harness/poll.ts';
import type { Verdict } from '../../../src/protocol.ts';
import type { ArticleRecord } from '../../../src/history/records.ts';
import type { Settings } from '../../../src/settings.ts';
import { watchPage, type PageWatch } from './watch.ts';

/** Replaces the stored settings (unset fields take their defaults), as the options page saves them. */
export async function setSettings(ext: ExtensionBrowser, settings: Partial<Settings>): Promise<void> {
  await ext.control.evaluate((settings) => {
    const api = (globalThis as any).browser ?? (globalThis as any).chrome;
    return api.storage.local.set({ settings });
  }, settings);
}

/** Every record of the history, as the export gives them. */
export async function storedArticles(ext: ExtensionBrowser): Promise<ArticleRecord[]> {
  return (await ext.message('history/export', {})).articles;
}

export interface WatchedVisit {
  page: Page;
  tabId: number;
  url: string;
  watch: PageWatch;
  verdict: Verdict;
  /** From the start of navigation: the load event, the first verdict, the record (articles only). */
  loadedMs: number;
  judgedMs: number;
  recordedMs: number | null;
  /** From DOMContentLoaded (content scripts start at document idle, after it) to the first verdict. */
  judgedAfterReadyMs: number;
}

/**
 * Opens `url` in a new tab with a watcher installed, and times it: until the page's load event,
 * until the extension's verdict on it is stored for the tab (the content script has extracted,
 * fingerprinted and asked), and, for an article, until it is recorded (read delay 0).
 */
export async function visitWatched(ext: ExtensionBrowser, url: string, timeout = 15_000): Promise<WatchedVisit> {
  const before = new Set(await ext.tabIds());
  const page = await ext.browser.newPage();
  const watch = await watchPage(page);
  const fresh = await poll(async () => {
    const ids = (await ext.tabIds()).filter((id) => !before.has(id));
    return ids.length > 0 && ids;
  }, { what: `the new tab for ${url}`, timeout: 5_000 });
  if (fresh.length !== 1) throw new Error(`expected one new tab, found ${fresh.length}`);
  const tabId = fresh[0] as number;
  const started = performance.now();
  const since = () => Math.round(performance.now() - started);
  const judged = ext.waitForVerdict(tabId, (v) => v.url === url, timeout).then((verdict) => ({ verdict, at: since(), epoch: Date.now() }));
  judged.catch(() => undefined); // awaited below; not unhandled while the page loads
  await page.goto(url, { waitUntil: 'load', timeout });
  const loadedMs = since();
  const { verdict, at: judgedMs, epoch } = await judged;
  const { domReadyAt } = await watch.read();
  if (domReadyAt === null) throw new Error(`${url}: DOMContentLoaded was not seen`);
  const timings = { loadedMs, judgedMs, judgedAfterReadyMs: Math.round(epoch - domReadyAt) };
  if (verdict.kind === 'not-article') return { page, tabId, url, watch, verdict, ...timings, recordedMs: null };
  const recorded = await ext.waitForVerdict(tabId, (v) => v.url === url && v.articleId !== null, timeout);
  return { page, tabId, url, watch, verdict: recorded, ...timings, recordedMs: since() };
}

/**
 * A new control page for an ExtensionBrowser whose extension was replaced (an update closes the
 * old version's pages): waits until the new version's popup has rendered.
 */
export async function reattach(ext: ExtensionBrowser): Promise<ExtensionBrowser> {
  const control = await ext.browser.newPage();
  // Load the new version's popup once and let it finish: its first render waits for the new worker
  // to start and upgrade the database, which takes a while on a busy machine. Navigating again on
  // every poll would restart that render each time. Only a failed load or render is retried.
  await poll(async () => {
    const state = await control.evaluate(() => document.body?.dataset.ready).catch(() => undefined);
    if (state === 'true') return true;
    if (state !== 'error' && control.url().startsWith(ext.extensionUrl(''))) return false; // still rendering
    await ext.driver.gotoExtensionPage(control, ext.extensionUrl('popup.html?tab=0'));
    return false;
  }, { what: 'the updated extension to answer', timeout: 30_000, interval: 250 });
  if (!ext.control.isClosed()) await ext.control.close().catch(() => undefined);
  return new ExtensionBrowser(ext.driver, control, ext.headless);
}

/** The version of the extension now running, from its manifest. */
export function manifestVersion(ext: ExtensionBrowser): Promise<string> {
  // `browser` in Firefox, `chrome` in Chromium; inline, since the function is sent as text.
  return ext.control.evaluate(() => ((globalThis as any).browser ?? (globalThis as any).chrome).runtime.getManifest().version as string);
}
