/**
 * Real browsers running the built extension, for the end-to-end tests and the demo: one API over
 * Chromium (puppeteer-core, CDP) and Firefox ESR (puppeteer-core, WebDriver BiDi).
 *
 * Everything is asked through one extension page kept open (the "control" tab), so it works the
 * same in both browsers and while the worker is stopped: tabs.query, action.getBadgeText and the
 * extension's own protocol messages. The manifest has no "tabs" permission, so tabs.query gives
 * tab ids without URLs; a tab's id is taken when it is opened (the one new id), and a URL's tab is
 * found through the verdict the extension stored for each tab.
 */
import { access } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Page } from 'puppeteer-core';
import type { Protocol, Verdict } from '../../src/protocol.ts';
import { launchChromium } from './chromium.ts';
import type { BrowserName, Driver, UiOptions } from './driver.ts';
import { launchFirefox } from './firefox.ts';
import { poll, withTimeout } from './poll.ts';
import { readPopup, type PopupContents } from './popup-page.ts';
import { ROOT } from './root.ts';

export type { BrowserName, UiOptions } from './driver.ts';
export type { PopupContents } from './popup-page.ts';
export { ROOT } from './root.ts';

export interface Tab {
  page: Page;
  tabId: number;
  url: string;
}

/**
 * userDataDir: a profile folder that outlives the browser, to relaunch with the same profile.
 * proxy: HOST:PORT of an HTTP proxy for every request, loopback included.
 * handleSignals: false leaves Ctrl-C to the caller, which must then close() the browser (by
 * default puppeteer kills it and exits the process, leaving its temporary profile behind).
 */
export interface LaunchBrowserOptions extends UiOptions {
  dist?: string;
  headful?: boolean;
  backgroundIdleMs?: number;
  handleSignals?: boolean;
  userDataDir?: string;
  proxy?: string;
}

// DEJA_LU_DIST points at another build folder (as scripts/build.mjs takes it), so that two test runs
// on one machine do not rebuild each other's extension.
const DIST_ROOT = resolve(ROOT, process.env.DEJA_LU_DIST ?? 'dist');
export const DIST: Record<BrowserName, string> = { chromium: join(DIST_ROOT, 'chrome'), firefox: join(DIST_ROOT, 'firefox') };
export const BROWSERS = ['chromium', 'firefox'] as const;

/** The reply of the extension's message router: the value, or the error as text. */
type Reply<T> = { ok: true; value: T } | { ok: false; error: string };

/**
 * Whether the page's visit is in the history. A verdict carries `articleId` where the extension
 * first checks a page and records it only once read; where it records at once, every verdict does.
 */
const isRecorded = (verdict: Verdict) => verdict.kind === 'not-article' || !('articleId' in verdict) || verdict.articleId !== null;

export const hasDisplay = () => Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);

/**
 * Launches a browser with the built extension. Headless unless `headful` is asked for and a
 * display exists. Throws (never skips) when the browser or the build is missing.
 */
export async function launchBrowser(name: BrowserName, options: LaunchBrowserOptions = {}): Promise<ExtensionBrowser> {
  if (!BROWSERS.includes(name)) throw new Error(`unknown browser "${name}": use ${BROWSERS.join(' or ')}`);
  const dist = resolve(options.dist ?? DIST[name]);
  await access(join(dist, 'manifest.json')).catch(() => {
    throw new Error(`${dist}/manifest.json is missing: run "npm run build" first`);
  });
  if (options.hostNames && name !== 'chromium') throw new Error('hostNames works in Chromium only');
  const headless = !(options.headful && hasDisplay());
  const handleSignals = options.handleSignals ?? true;
  const { userDataDir, proxy } = options;
  const { locale, dark, allowPrivate } = options;
  const shared = {
    dist, headless, handleSignals, ...(userDataDir ? { userDataDir } : {}), ...(proxy ? { proxy } : {}),
    ...(locale ? { locale } : {}), ...(dark ? { dark } : {}), ...(allowPrivate ? { allowPrivate } : {}),
    ...(options.hostNames ? { hostNames: options.hostNames } : {}),
  };
  const driver = name === 'chromium'
    ? await launchChromium(shared)
    : await launchFirefox({ ...shared, ...(options.backgroundIdleMs ? { backgroundIdleMs: options.backgroundIdleMs } : {}) });
  try {
    const control = await driver.browser.newPage();
    const browser = new ExtensionBrowser(driver, control, headless);
    await driver.gotoExtensionPage(control, browser.extensionUrl('popup.html?tab=0'));
    // The popup marks itself ready once the worker has answered it: the extension is up.
    const ready = await poll(() => control.evaluate(() => document.body.dataset.ready), { what: 'the extension page to be ready', timeout: 15_000 });
    if (ready !== 'true') throw new Error(`the extension page failed: ${await control.$eval('#verdict-summary', (e) => e.textContent)}`);
    return browser;
  } catch (error) {
    await driver.browser.close().catch(() => undefined);
    throw error;
  }
}

export class ExtensionBrowser {
  readonly name: BrowserName;
  readonly browser: Driver['browser'];

  /** @param control  an extension page kept open to reach the extension APIs */
  constructor(readonly driver: Driver, readonly control: Page, readonly headless: boolean) {
    this.name = driver.name;
    this.browser = driver.browser;
  }

  extensionUrl(path: string): string {
    return `${this.driver.origin}/${path}`;
  }

  /**
   * Calls an extension API function from the control page, e.g. api<Tab[]>('tabs.query', {}).
   * The answer is whatever the API gives, as the caller says it is: T is not checked.
   * @param name  "namespace.function"
   * @param args  JSON-serialisable
   */
  api<T = unknown>(name: string, ...args: unknown[]): Promise<T> {
    return this.control.evaluate(async (name, args) => {
      type Api = Record<string, Record<string, (...args: unknown[]) => unknown>>;
      const scope = globalThis as unknown as { browser?: Api; chrome?: Api };
      const root = (scope.browser ?? scope.chrome) as Api;
      const [namespace = '', fn = ''] = name.split('.');
      return root[namespace]![fn]!(...args);
    }, name, args) as Promise<T>;
  }

  /** Sends one of the extension's own protocol messages, as its pages do. */
  async message<T extends keyof Protocol>(type: T, payload: Protocol[T]['request']): Promise<Protocol[T]['response']> {
    const reply = await this.api<Reply<Protocol[T]['response']> | undefined>('runtime.sendMessage', { app: 'deja-lu', type, payload });
    if (!reply) throw new Error(`no answer to ${type}`);
    if (!reply.ok) throw new Error(`${type} failed: ${reply.error}`);
    return reply.value;
  }

  async tabIds(): Promise<number[]> {
    const tabs = await this.api<{ id: number }[]>('tabs.query', {});
    return tabs.map((tab) => tab.id);
  }

  /** Opens `url` in a new tab. The tab's id is the one id that appears when the tab is created. */
  async openTab(url: string): Promise<Tab> {
    const before = new Set(await this.tabIds());
    const page = await this.browser.newPage();
    const created = await poll(async () => {
      const fresh = (await this.tabIds()).filter((id) => !before.has(id));
      return fresh.length > 0 && fresh;
    }, { what: `the new tab for ${url}`, timeout: 5_000 });
    if (created.length !== 1) throw new Error(`expected one new tab, found ${created.length}: was another tab opened meanwhile?`);
    await page.goto(url);
    return { page, tabId: created[0]!, url };
  }

  /**
   * Opens `url` in a new private (incognito) window, through the extension's windows.create: a
   * test has no other way to open a real one (a CDP browser context is a secondary off-the-record
   * profile, whose tabs extension APIs do not find; a BiDi user context is a container). Chromium
   * opens the window for an extension not allowed in incognito but hides it from it (`tabId` is
   * null then); Firefox refuses ("Extension does not have permission for incognito mode").
   */
  async openPrivateTab(url: string): Promise<{ page: Page; tabId: number | null; url: string }> {
    const window = await this.control.evaluate(async (url) => {
      type Windows = { windows: { create: (options: object) => Promise<{ incognito: boolean; tabs?: { id?: number }[] } | undefined> } };
      const scope = globalThis as unknown as { browser?: Windows; chrome?: Windows };
      const root = (scope.browser ?? scope.chrome) as Windows;
      const created = await root.windows.create({ incognito: true, url });
      return created ? { incognito: created.incognito, tabId: created.tabs?.[0]?.id ?? null } : null;
    }, url);
    if (window && !window.incognito) throw new Error('the browser opened a window that is not private');
    const page = await poll(async () => {
      for (const candidate of await this.browser.pages()) {
        if (candidate.url() === url && (await candidate.evaluate(() => document.readyState).catch(() => '')) === 'complete') return candidate;
      }
      return null;
    }, { what: `the private window with ${url}`, timeout: 15_000, interval: 100 });
    return { page, tabId: window?.tabId ?? null, url };
  }

  /** Opens `url` in a new tab and reads it: waits until the extension has judged and recorded it. */
  async visit(url: string): Promise<Tab & { verdict: Verdict }> {
    const tab = await this.openTab(url);
    return { ...tab, verdict: await this.read(tab) };
  }

  /**
   * Reads the tab's page as a person would, scrolling down, until the extension has recorded it
   * (a page counts as read once scrolled or after a while in view) and its verdict is accepted.
   * Scrolls again at every poll: the content script listens for scrolling only after its first
   * check, and by then an earlier scroll is over.
   */
  read(tab: Tab, accept = (verdict: Verdict) => verdict.url === tab.url, timeout = 20_000): Promise<Verdict> {
    return poll(async () => {
      const verdict = await this.verdict(tab.tabId);
      if (verdict && accept(verdict) && isRecorded(verdict)) return verdict;
      await tab.page.evaluate(() => {
        const bottom = document.documentElement.scrollHeight - window.innerHeight;
        window.scrollTo(0, window.scrollY >= bottom ? bottom - 1 : bottom);
      });
      return null;
    }, { what: `the extension to record ${tab.url} (tab ${tab.tabId})`, timeout, interval: 100 });
  }

  /** The verdict the extension keeps for a tab (what the popup shows), or null. */
  verdict(tabId: number) {
    return this.message('tab/verdict', { tabId });
  }

  /**
   * Waits until the content script has reported the tab's page (it runs at document idle) and the
   * verdict is the one wanted, e.g. `(v) => v.revisit` after a reload.
   */
  waitForVerdict(tabId: number, accept: (verdict: Verdict) => boolean = () => true, timeout = 20_000): Promise<Verdict> {
    return poll(async () => {
      const verdict = await this.verdict(tabId);
      return verdict && accept(verdict) ? verdict : null;
    }, { what: `the extension's verdict for tab ${tabId}`, timeout, interval: 100 });
  }

  badgeText(tabId: number): Promise<string> {
    return this.api<string>('action.getBadgeText', { tabId });
  }

  /**
   * Polls the tab's badge until it reads `expected` or `timeout` passes; returns the last text
   * read, so `expect(await waitForBadge(id, '2')).toBe('2')` reports what was there instead.
   */
  async waitForBadge(tabId: number, expected: string, timeout = 5_000): Promise<string> {
    let text = '';
    await poll(async () => (text = await this.badgeText(tabId)) === expected, { what: 'badge', timeout, interval: 50 }).catch(() => undefined);
    return text;
  }

  /**
   * The id of the tab showing `url`, from the verdicts the extension stored per tab (the newest
   * tab if several show it), or null when no tab has been reported with that URL.
   */
  async findTabId(url: string): Promise<number | null> {
    const ids = await this.tabIds();
    const verdicts = await Promise.all(ids.map((id) => this.verdict(id)));
    const matching = ids.filter((_, i) => verdicts[i]?.url === url);
    return matching.length > 0 ? Math.max(...matching) : null;
  }

  /** Reloads the tab's page and reads it again; `accept` tells the new verdict from the old one. */
  async reload(tab: Tab, accept: (verdict: Verdict) => boolean): Promise<Verdict> {
    await tab.page.reload();
    return this.read(tab, (verdict) => verdict.url === tab.url && accept(verdict));
  }

  /**
   * Opens the popup for a tab (popup.html?tab=ID in a tab of its own: the real toolbar popup
   * cannot be driven) and waits until it has rendered.
   */
  async openPopup(tabId: number): Promise<Page> {
    const page = await this.browser.newPage();
    // Wider than the popup (its body sets its own width), as tall as a toolbar popup may be; sharp on a README.
    await page.setViewport({ width: 800, height: 600, deviceScaleFactor: 2 });
    await this.driver.gotoExtensionPage(page, this.extensionUrl(`popup.html?tab=${tabId}`));
    const ready = await poll(() => page.evaluate(() => document.body.dataset.ready), { what: 'the popup to render', timeout: 15_000 });
    if (ready !== 'true') throw new Error(`the popup failed: ${await page.$eval('#verdict-summary', (e) => e.textContent)}`);
    return page;
  }

  /**
   * What the popup shows for a tab.
   * @param options.screenshot  also save a PNG of the popup there
   */
  async popup(tabId: number, options: { screenshot?: string } = {}): Promise<PopupContents> {
    const page = await this.openPopup(tabId);
    try {
      if (options.screenshot) {
        const body = await page.$('body');
        if (!body) throw new Error('the popup has no body');
        await body.screenshot({ path: options.screenshot as `${string}.png` });
      }
      return await readPopup(page);
    } finally {
      await page.close();
    }
  }

  /**
   * Stops the extension's background (Chromium: the service worker, as when it idles; Firefox:
   * the event page, suspended after its idle timeout) and waits until it is gone. The next
   * message or event starts a new one with nothing in memory.
   */
  async restartBackground(): Promise<void> {
    await this.verdict(0); // any message starts the background, so that there is one to stop
    await this.driver.restartBackground(this.control);
  }

  async close(): Promise<void> {
    const process = this.browser.process();
    try {
      await withTimeout(this.browser.close(), 15_000, `${this.name} to close`);
    } catch {
      process?.kill('SIGKILL');
    }
  }
}
