// @ts-check
/**
 * Firefox ESR with the built extension, through puppeteer-core over WebDriver BiDi (no
 * geckodriver). The add-on is installed temporarily, as from about:debugging, so it needs no
 * signature; its moz-extension:// UUID is fixed by a pref so its pages can be opened by URL.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import puppeteer from 'puppeteer-core';
import { findExecutable } from './executables.mjs';
import { poll } from './poll.mjs';

/** @typedef {import('./browsers.mjs').Driver} Driver */

export const FIREFOX_PATHS = ['/usr/bin/firefox-esr', '/usr/bin/firefox'];
/** Any UUID will do; a fixed one gives the extension pages stable URLs. */
export const EXTENSION_UUID = '5e1f3c2a-9d47-4b8e-a6d1-0c7b2f9e4a13';

/**
 * @param {{ dist: string, headless: boolean, backgroundIdleMs?: number, handleSignals?: boolean, userDataDir?: string, proxy?: string } & import('./browsers.mjs').UiOptions} options
 *   backgroundIdleMs: how long the event page may idle before Firefox suspends it (30 s by
 *   default); restartBackground() waits for that suspension, so tests set it short.
 *   userDataDir: a profile folder kept after close. A temporary add-on is gone once Firefox quits
 *   (its pages no longer load), so a relaunch installs it again; its storage stays in the profile
 *   (measured with Firefox ESR 153: storage.local and IndexedDB both survive).
 *   proxy: HOST:PORT of an HTTP proxy that every request goes through, loopback included.
 * @returns {Promise<Driver>}
 */
export async function launchFirefox({ dist, headless, backgroundIdleMs = 30_000, handleSignals = true, userDataDir, proxy, locale, dark, allowPrivate }) {
  const executablePath = findExecutable('Firefox', 'FIREFOX_PATH', FIREFOX_PATHS, 'apt-get install firefox-esr');
  const manifest = JSON.parse(await readFile(join(dist, 'manifest.json'), 'utf8'));
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
      await /** @type {any} */ (browser).connection.send('webExtension.install', { extensionData: { type: 'path', path: dist }, 'moz:allowPrivateBrowsing': true });
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

/**
 * Sends every request through an HTTP proxy: Firefox otherwise never proxies loopback addresses.
 * The browser's own background traffic is switched off, so what reaches the proxy is the pages'
 * and the extension's (measured: Remote Settings was the only other traffic).
 * @param {string} proxy  HOST:PORT
 */
function proxyPrefs(proxy) {
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
 * @param {import('puppeteer-core').Page} page
 * @param {string} url
 */
async function gotoExtensionPage(page, url) {
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
 * @param {import('puppeteer-core').Page} control  an extension page
 * @param {number} idleMs
 */
async function waitForSuspension(control, idleMs) {
  const backgroundPage = () => control.evaluate(() => /** @type {any} */ (globalThis).browser.extension.getBackgroundPage() !== null);
  if (!(await backgroundPage())) throw new Error('the event page was not running when asked to restart it');
  await poll(async () => !(await backgroundPage()), {
    what: `Firefox to suspend the event page (pref extensions.background.idle.timeout = ${idleMs} ms)`,
    timeout: idleMs + 15_000,
    interval: 100,
  });
}
