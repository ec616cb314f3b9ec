/**
 * Chromium with the built extension, through puppeteer-core over the DevTools pipe.
 * `installExtension` over the pipe (Extensions.loadUnpacked) works in Debian's Chromium and in
 * Google-branded Chrome 137+, which ignores --load-extension.
 */
import puppeteer, { type Browser, type Page, type Target } from 'puppeteer-core';
import type { Driver, LaunchOptions } from './driver.ts';
import { chromiumPath } from '../../src/eval/executables.ts';
import { poll, withTimeout } from './poll.ts';

/**
 * userDataDir: a profile folder kept after close (a restart relaunches with it); proxy: HOST:PORT
 * of an HTTP proxy that every request goes through, loopback included.
 */
export async function launchChromium({ dist, headless, handleSignals = true, userDataDir, proxy, locale, dark, allowPrivate, hostNames }: LaunchOptions): Promise<Driver> {
  const executablePath = chromiumPath();
  const browser = await puppeteer.launch({
    browser: 'chrome',
    executablePath,
    headless,
    pipe: true,
    handleSIGINT: handleSignals,
    handleSIGTERM: handleSignals,
    handleSIGHUP: handleSignals,
    enableExtensions: true,
    defaultViewport: headless ? { width: 1280, height: 720 } : null,
    ...(userDataDir ? { userDataDir } : {}),
    // On Linux, --lang alone picks the extensions' messages but leaves the browser's own language
    // (getUILanguage, @@bidi_dir, Intl, navigator.language) English: that comes from LANGUAGE, and
    // only for a language whose pack is installed (Debian: chromium-l10n).
    ...(locale ? { env: { ...process.env, LANGUAGE: locale } } : {}),
    args: [
      '--disable-component-update',
      '--disable-quic',
      // Chromium refuses to start its sandbox as root (containers, CI).
      ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
      // "<-loopback>" removes the implicit bypass of 127.0.0.0/8 and localhost. Autofill's server
      // queries are the one background service of the browser's own that a flag silences; the
      // component updater and the Google account check remain (puppeteer already passes
      // --disable-background-networking and --disable-sync).
      ...(proxy ? [`--proxy-server=http://${proxy}`, '--proxy-bypass-list=<-loopback>', '--disable-features=AutofillServerCommunication'] : []),
      ...(locale ? [`--lang=${locale}`] : []),
      // The browser's own dark mode (the OS theme, to Chromium): pages see prefers-color-scheme: dark.
      ...(dark ? ['--force-dark-mode'] : []),
      // Plain-http names must not be upgraded to https (no certificate here).
      ...(hostNames ? [`--host-resolver-rules=${Object.entries(hostNames).map(([name, ip]) => `MAP ${name} ${ip}`).join(', ')}`, '--disable-features=HttpsUpgrades'] : []),
    ],
  });
  try {
    const id = allowPrivate ? await installAllowedInIncognito(browser, dist) : await browser.installExtension(dist);
    return {
      name: 'chromium',
      browser,
      origin: `chrome-extension://${id}`,
      gotoExtensionPage: async (page, url) => void (await page.goto(url)),
      restartBackground: (control) => stopWorker(browser, control, id),
    };
  } catch (error) {
    await browser.close().catch(() => undefined);
    throw error;
  }
}

/**
 * Installs the extension as puppeteer's installExtension does, ticked "Allow in Incognito" as a
 * reader may do on chrome://extensions (Extensions.loadUnpacked takes enableInIncognito).
 * @returns the extension id
 */
async function installAllowedInIncognito(browser: Browser, dist: string): Promise<string> {
  const session = await browser.target().createCDPSession();
  try {
    const { id } = await session.send('Extensions.loadUnpacked', { path: dist, enableInIncognito: true });
    return id;
  } finally {
    await session.detach().catch(() => undefined);
  }
}

/**
 * Stops the extension's service worker as Chromium does when it is idle. The CDP session must be
 * attached to an extension page: ServiceWorker.stopAllWorkers on a web page's session does not
 * reach the extension's worker. Resolves once the worker's target is gone.
 */
async function stopWorker(browser: Browser, control: Page, id: string): Promise<void> {
  const isWorker = (target: Target) =>
    target.type() === 'service_worker' && target.url().startsWith(`chrome-extension://${id}/`);
  // The caller has just messaged the worker, so it runs (or is starting).
  const running = await poll(() => {
    const found = browser.targets().filter(isWorker);
    return found.length > 0 && found;
  }, { what: 'the extension service worker to run', timeout: 10_000 });
  const gone = Promise.all(running.map((worker) => new Promise<void>((done) => {
    const onDestroyed = (target: Target) => {
      if (target !== worker) return;
      browser.off('targetdestroyed', onDestroyed);
      done();
    };
    browser.on('targetdestroyed', onDestroyed);
  })));
  const session = await control.createCDPSession();
  try {
    await session.send('ServiceWorker.enable');
    await session.send('ServiceWorker.stopAllWorkers');
    await withTimeout(gone, 10_000, 'the extension service worker to stop');
  } finally {
    await session.detach().catch(() => undefined);
  }
}
