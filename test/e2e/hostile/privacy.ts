/**
 * Privacy in a real browser: during the reading scenario (three copies of a story, the popup, the
 * options page) the extension makes no network request of its own. Every request of the browser
 * goes through a recording proxy (loopback included), so what left the browser is known; each of
 * the extension's contexts is watched as well, so what it asked for is known. Also: the extension
 * pages' CSP is the strict one and holds, and the built code has no eval.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIST, launchBrowser, type BrowserName, type ExtensionBrowser } from '../../harness/browsers.ts';
import { poll } from '../../harness/poll.ts';
import { startRecordingProxy, type RecordingProxy } from '../../harness/recording-proxy.ts';
import { PAGES, startSites, type RunningSites } from '../../harness/sites.ts';

const STRICT_CSP = "script-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'";
/**
 * Chromium's own services, which it calls whatever the extension does and no launch flag silences
 * (the component updater, network time, the Google account check). Firefox is silenced entirely.
 */
const CHROMIUM_OWN = /(^|\.)(google\.com|googleapis\.com|gstatic\.com)(:443)?$/;
const VISITED = ['original', 'abridged', 'wire'] as const;

/** What an extension page (or the background) has loaded since it opened, from its own resource timing. */
const LOADED = `performance.getEntriesByType('resource').map((e) => e.name)`;

export function privacy(name: BrowserName, label: string): void {
  describe(`${label}: privacy`, () => {
    let sites: RunningSites;
    let proxy: RecordingProxy;
    let ext: ExtensionBrowser;
    /** What the extension's pages and background asked for, as the browser reports it. */
    const extensionRequests: string[] = [];
    const extensionPages: Page[] = [];

    beforeAll(async () => {
      sites = await startSites();
      proxy = await startRecordingProxy({ allow: (url) => sites.origins.includes(url.origin) });
      // Firefox: the event page stays up for the whole scenario, so its resource timeline covers it.
      ext = await launchBrowser(name, { proxy: proxy.address, backgroundIdleMs: 600_000 });
      extensionPages.push(ext.control);
      ext.control.on('request', (request) => void extensionRequests.push(request.url()));
      if (name === 'chromium') await recordWorkerRequests(ext, extensionRequests);
    });

    afterAll(async () => {
      await ext?.close();
      await proxy?.close();
      await sites?.close();
    });

    it(`${label}: the reading scenario runs through the proxy (three copies, the popup, the options page)`, async () => {
      const badges = [];
      for (const page of VISITED) {
        const { tabId } = await ext.visit(sites.url(PAGES[page]));
        badges.push(await ext.waitForBadge(tabId, page === 'original' ? '' : page === 'abridged' ? '1' : '2'));
      }
      expect(badges).toEqual(['', '1', '2']);
      const wire = await ext.findTabId(sites.url(PAGES.wire));
      extensionPages.push(await openExtensionPage(ext, `popup.html?tab=${wire}`, extensionRequests));
      extensionPages.push(await openExtensionPage(ext, 'options.html', extensionRequests));
      expect(await extensionPages[1]!.$eval('#verdict-summary', (e) => e.textContent)).toBe('You read this story on 2 other sites');
    });

    it(`${label}: every request that left the browser is a page the test opened or what that page loads`, async () => {
      const visited = VISITED.map((page) => sites.url(PAGES[page]));
      // What the pages load: the style sheets and images their HTML names (fetched here, not through the proxy).
      const loads = new Set<string>();
      for (const url of visited) {
        const html = await (await fetch(url)).text();
        for (const [tag] of html.matchAll(/<(?:link|img|script)\b[^>]*>/g)) {
          const ref = /\b(?:href|src)="([^"]+)"/.exec(tag)?.[1];
          if (ref && (!tag.startsWith('<link') || /\brel="[^"]*\b(stylesheet|icon)\b/.test(tag))) loads.add(new URL(ref, url).href);
        }
      }
      const expected = (url: URL) => visited.includes(url.href) || loads.has(url.href)
        || url.pathname === '/favicon.ico'; // the browser asks each site for its icon
      const toSites = proxy.requests.filter((r) => r.allowed).map((r) => new URL(r.url));
      expect(toSites.filter((url) => !expected(url)).map(String)).toEqual([]);
      expect(visited.filter((url) => !toSites.some((r) => r.href === url))).toEqual([]); // the proxy did see them
      const elsewhere = proxy.requests.filter((r) => !r.allowed).map((r) => `${r.method} ${r.url}`);
      if (name === 'firefox') expect(elsewhere).toEqual([]);
      else {
        console.info(`${label}: the browser's own requests, refused by the proxy:\n  ${elsewhere.join('\n  ') || '(none)'}`);
        expect(elsewhere.filter((r) => !CHROMIUM_OWN.test(hostOf(r)))).toEqual([]);
      }
    });

    it(`${label}: the extension's pages and background asked for nothing but their own files`, async () => {
      const loaded: string[] = [...extensionRequests];
      for (const page of extensionPages) loaded.push(...(await page.evaluate(LOADED) as string[]));
      loaded.push(...await backgroundResources(ext));
      expect(loaded.filter((url) => !url.startsWith(`${ext.driver.origin}/`))).toEqual([]);

      // The watch is not blind: a request made now by an extension page and by the background is
      // seen by the proxy and by the browser's own channel (Chromium: DevTools; Firefox: resource
      // timing, which Chromium does not keep for extension pages).
      const probes = [`${sites.origins[0]}/privacy-probe?page`, `${sites.origins[0]}/privacy-probe?background`] as const;
      await ext.control.evaluate((url) => fetch(url, { mode: 'no-cors' }).then(() => 'done'), probes[0]);
      await backgroundFetch(ext, probes[1]);
      expect(proxy.requests.map((r) => r.url)).toEqual(expect.arrayContaining([...probes]));
      if (name === 'chromium') expect(extensionRequests).toEqual(expect.arrayContaining([...probes]));
      else expect([...await ext.control.evaluate(LOADED) as string[], ...await backgroundResources(ext)]).toEqual(expect.arrayContaining([...probes]));
    });

    it(`${label}: the extension pages' CSP is the strict one and holds against injected inline script and eval`, async () => {
      const manifest = await ext.control.evaluate(() => ((globalThis as any).browser ?? (globalThis as any).chrome).runtime.getManifest());
      expect(manifest.content_security_policy).toEqual({ extension_pages: STRICT_CSP });
      for (const page of extensionPages.slice(1)) {
        expect(await tryInlineCode(page)).toEqual({ ran: null, eval: 'EvalError', function: 'EvalError', blocked: true });
      }
    });

    it(`${label}: the built code has no eval or Function constructor`, async () => {
      const dist = DIST[name];
      const found: string[] = [];
      for (const file of (await readdir(dist)).filter((f) => f.endsWith('.js'))) {
        const code = await readFile(join(dist, file), 'utf8');
        for (const match of code.matchAll(/\beval\s*\(|\bnew\s+Function\b|[^.\w]Function\s*\(/g)) found.push(`${file}: ${code.slice(match.index - 40, match.index + 40)}`);
      }
      expect(found).toEqual([]);
    });
  });
}

const hostOf = (request: string) => {
  const target = request.split(' ')[1] ?? '';
  return /^[a-z]+:\/\//.test(target) ? new URL(target).host : target;
};

/** Chromium: every request of the extension's service worker, from now on (CDP Network domain). */
async function recordWorkerRequests(ext: ExtensionBrowser, into: string[]): Promise<void> {
  const worker = await poll(() => ext.browser.targets().find((t) => t.type() === 'service_worker' && t.url().startsWith(ext.driver.origin)), { what: 'the service worker' });
  const session = await worker.createCDPSession();
  session.on('Network.requestWillBeSent', (event) => into.push(event.request.url));
  await session.send('Network.enable');
}

/** Opens an extension page in a tab of its own, recording its requests from the start. */
async function openExtensionPage(ext: ExtensionBrowser, path: string, into: string[]): Promise<Page> {
  const page = await ext.browser.newPage();
  page.on('request', (request) => void into.push(request.url()));
  await ext.driver.gotoExtensionPage(page, ext.extensionUrl(path));
  await poll(() => page.evaluate(() => document.body.dataset.ready === 'true'), { what: `${path} to be ready` });
  return page;
}

/** What the background loaded since it started: the worker's (Chromium) or event page's (Firefox) resource timing. */
async function backgroundResources(ext: ExtensionBrowser): Promise<string[]> {
  if (ext.name === 'firefox') {
    return ext.control.evaluate(() => {
      const background = (globalThis as any).browser.extension.getBackgroundPage();
      if (!background) throw new Error('the event page is not running');
      return (background.performance as Performance).getEntriesByType('resource').map((e) => e.name);
    });
  }
  const target = ext.browser.targets().find((t) => t.type() === 'service_worker' && t.url().startsWith(ext.driver.origin));
  const worker = await target?.worker();
  if (!worker) throw new Error('the service worker is not running');
  return worker.evaluate(LOADED) as Promise<string[]>;
}

/** Makes the background fetch `url` (a positive control for the watch on it). */
async function backgroundFetch(ext: ExtensionBrowser, url: string): Promise<void> {
  if (ext.name === 'firefox') {
    await ext.control.evaluate((url) => (globalThis as any).browser.extension.getBackgroundPage().fetch(url, { mode: 'no-cors' }).then(() => 'done'), url);
    return;
  }
  const target = ext.browser.targets().find((t) => t.type() === 'service_worker' && t.url().startsWith(ext.driver.origin));
  const worker = await target?.worker();
  if (!worker) throw new Error('the service worker is not running');
  await worker.evaluate((url) => fetch(url, { mode: 'no-cors' }).then(() => 'done'), url);
}

/**
 * Injects inline script into an extension page (a script element, an inline handler, a string
 * timer) and tries eval and the Function constructor; reports what ran. The attempts run from a
 * timer, not from the evaluation itself: Chromium lets code evaluated over DevTools use eval
 * whatever the CSP (Runtime.evaluate's allowUnsafeEvalBlockedByCSP), which is not what a page's
 * own script gets.
 */
function tryInlineCode(page: Page) {
  return page.evaluate(() => new Promise((done) => {
    const w = window as { __ran?: string };
    let blocked = false;
    document.addEventListener('securitypolicyviolation', () => void (blocked = true));
    const attempt = (run: () => unknown) => {
      try {
        run();
        return 'ran';
      } catch (error) {
        return (error as Error).name;
      }
    };
    setTimeout(() => {
      const script = document.createElement('script');
      script.textContent = 'window.__ran = "inline script"';
      document.body.append(script);
      const holder = document.createElement('div');
      holder.innerHTML = '<img src="data:," onerror="window.__ran = \'inline handler\'" onload="window.__ran = \'inline handler\'">';
      document.body.append(holder);
      (setTimeout as (code: string, ms: number) => number)('window.__ran = "string timer"', 0);
      const evalResult = attempt(() => (0, eval)('window.__ran = "eval"'));
      const functionResult = attempt(() => new Function('window.__ran = "Function"')());
      setTimeout(() => done({ ran: w.__ran ?? null, eval: evalResult, function: functionResult, blocked }), 300);
    }, 0);
  }));
}
