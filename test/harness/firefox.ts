/**
 * Firefox ESR with the built extension, through puppeteer-core over WebDriver BiDi (no
 * geckodriver). The add-on is installed temporarily, as from about:debugging, so it needs no
 * signature; its moz-extension:// UUID is fixed by a pref so its pages can be opened by URL.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import puppeteer, { type Page } from 'puppeteer-core';
import type { Driver, LaunchOptions } from './driver.ts';
import { findExecutable } from '../../src/eval/executables.ts';
import { poll } from './poll.ts';

export const FIREFOX_PATHS = ['/usr/bin/firefox-esr', '/usr/bin/firefox'];
/** Any UUID will do; a fixed one gives the extension pages stable URLs. */
export const EXTENSION_UUID = '5e1f3c2a-9d47-4b8e-a6d1-0c7b2f9e4a13';

/**
 * backgroundIdleMs: how long the event page may idle before Firefox suspends it (30 s by
 *   default); restartBackground() waits for that suspension, so tests set it short.
 *   userDataDir: a profile folder kept after close. A temporary add-on is gone once Firefox quits
 *   (its pages no longer load), so a relaunch installs it again; its storage stays in the profile
 *   (measured with Firefox ESR 153: storage.local and IndexedDB both survive).
 *   proxy: HOST:PORT of an HTTP proxy that every request goes through, loopback included.
 */
export async function launchFirefox({ dist, headless, backgroundIdleMs = 30_000, handleSignals = true, userDataDir, proxy, locale, dark, allowPrivate }: LaunchOptions & { backgroundIdleMs?: number }): Promise<Driver> {
  const executablePath = findExecutable('Firefox', 'FIREFOX_PATH', FIREFOX_PATHS, 'apt-get install firefox-esr');
  const manifest = JSON.parse(await readFile(join(dist, 'manifest.json'), 'utf8')) as { browser_specific_settings?: { gecko?: { id?: string } } };
  const geckoId = manifest.browser_specific_settings?.gecko?.id;
  if (!geckoId) throw new Error(`${dist}/manifest.json has no browser_specific_settings.gecko.id: Firefox cannot install it`);
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath,
    headless,
    handleSIGINT: handleSignals,
    handleSIGTERM: handleSignals,
    handleSIGHUP: handleSignals,
    defaultViewport: headless ? { width: 1280, height: 720 } : null,
    // Lets the BiDi session script extension pages (moz-extension://).
    args: ['--remote-allow-system-access'],
    // Release builds ignore the Remote Settings server pref unless this is set (see proxyPrefs).
    ...(proxy ? { env: { ...process.env, MOZ_REMOTE_SETTINGS_DEVTOOLS: '1' } } : {}),
    ...(userDataDir ? { userDataDir } : {}),
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [geckoId]: EXTENSION_UUID }),
      'extensions.background.idle.timeout': backgroundIdleMs,
      ...(proxy ? proxyPrefs(proxy) : {}),
      // Takes effect only with the language pack installed (Debian: firefox-esr-l10n-fr).
      ...(locale ? { 'intl.locale.requested': locale } : {}),
      // 0 = dark: what pages (extension pages included) see as prefers-color-scheme.
      ...(dark ? { 'layout.css.prefers-color-scheme.content-override': 0 } : {}),
    },
  });
  try {
    if (allowPrivate) {
      // "Run in Private Windows", as a reader may allow in about:addons: Firefox's BiDi install
      // takes moz:allowPrivateBrowsing (puppeteer's installExtension does not pass it).
      // `connection` is the BiDi connection of puppeteer's Firefox browser (not in its typings).
      await (browser as unknown as { connection: BidiConnection }).connection.send('webExtension.install', { extensionData: { type: 'path', path: dist }, 'moz:allowPrivateBrowsing': true });
    } else {
      await browser.installExtension(dist);
    }
    return {
      name: 'firefox',
      browser,
      origin: `moz-extension://${EXTENSION_UUID}`,
      gotoExtensionPage,
      restartBackground: (control) => waitForSuspension(control, backgroundIdleMs),
    };
  } catch (error) {
    await browser.close().catch(() => undefined);
    throw error;
  }
}

/** The part of puppeteer's BiDi connection used here (not in its typings). */
interface BidiConnection {
  send(method: 'webExtension.install', params: { extensionData: { type: 'path'; path: string }; 'moz:allowPrivateBrowsing': boolean }): Promise<unknown>;
}

/**
 * Sends every request through an HTTP proxy: Firefox otherwise never proxies loopback addresses.
 * The browser's own background traffic is switched off, so what reaches the proxy is the pages'
 * and the extension's (measured: Remote Settings was the only other traffic).
 * @param proxy  HOST:PORT
 */
function proxyPrefs(proxy: string): Record<string, string | number | boolean> {
  const [host = '', port = ''] = proxy.split(':');
  return {
    'network.proxy.type': 1,
    'network.proxy.http': host,
    'network.proxy.http_port': Number(port),
    'network.proxy.ssl': host,
    'network.proxy.ssl_port': Number(port),
    'network.proxy.share_proxy_settings': true,
    'network.proxy.no_proxies_on': '',
    'network.proxy.allow_hijacking_localhost': true,
    // Remote Settings (blocklists, certificate revocations) is the browser's own traffic: pointed
    // nowhere, as Firefox's remote agent does for automation, so the proxy sees none of it.
    'services.settings.server': 'data:,#remote-settings-dummy/v1',
  };
}

/**
 * Navigation to a moz-extension:// page never reports `load` to the BiDi client, so start it
 * without waiting and poll the document instead (waitForFunction alone failed about 1 run in 5).
 */
async function gotoExtensionPage(page: Page, url: string): Promise<void> {
  page.goto(url).catch(() => undefined);
  await poll(async () => {
    const [href, state] = await page.evaluate(() => [location.href, document.readyState]);
    return href === url && state === 'complete';
  }, { what: `${url} to load`, timeout: 15_000, interval: 50 });
}

/**
 * Waits for Firefox to suspend the event page, as it does after `backgroundIdleMs` without
 * events (an open extension page does not keep it alive). `extension.getBackgroundPage()` is the
 * page's window while it runs and null once it is suspended; the next message starts a new one.
 * @param control  an extension page
 */
async function waitForSuspension(control: Page, idleMs: number): Promise<void> {
  const backgroundPage = () => control.evaluate(() =>
    (globalThis as unknown as { browser: { extension: { getBackgroundPage: () => unknown } } }).browser.extension.getBackgroundPage() !== null);
  if (!(await backgroundPage())) throw new Error('the event page was not running when asked to restart it');
  await poll(async () => !(await backgroundPage()), {
    what: `Firefox to suspend the event page (pref extensions.background.idle.timeout = ${idleMs} ms)`,
    timeout: idleMs + 15_000,
    interval: 100,
  });
}
