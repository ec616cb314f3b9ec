/** What browsers.ts asks of each browser's launcher (chromium.ts, firefox.ts), and what they give back. */
import type { Browser, Page } from 'puppeteer-core';

export type BrowserName = 'chromium' | 'firefox';

/** How the browser is set up for the reader, beyond the defaults. */
export interface UiOptions {
  /**
   * the browser's UI language, e.g. "fr" (both need its language pack installed: Debian's
   * chromium-l10n, firefox-esr-l10n-fr)
   */
  locale?: string;
  /** the browser in dark mode: pages see prefers-color-scheme: dark */
  dark?: boolean;
  /** the extension allowed in private windows, as the reader may choose to (off by default) */
  allowPrivate?: boolean;
  /**
   * Chromium only: names resolved to local addresses, e.g. { "brackwater-gazette.test": "127.0.0.1" },
   * so that local sites look real (screenshots)
   */
  hostNames?: Record<string, string>;
}

/** What a launcher is given: the extension's folder, and how to run the browser. */
export interface LaunchOptions extends UiOptions {
  dist: string;
  headless: boolean;
  handleSignals?: boolean;
  userDataDir?: string;
  proxy?: string;
}

/** What differs between the browsers. */
export interface Driver {
  name: BrowserName;
  browser: Browser;
  /** the extension's origin: chrome-extension://ID or moz-extension://UUID */
  origin: string;
  gotoExtensionPage: (page: Page, url: string) => Promise<void>;
  /** stops the running worker (event page) and resolves once it is gone */
  restartBackground: (control: Page) => Promise<void>;
}
