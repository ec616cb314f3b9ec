/**
 * Pictures of the extension in a right-to-left language, from the real build (dist/, or
 * DEJA_LU_DIST) in headless Chromium running in Hebrew: docs/rtl-popup.png, docs/rtl-notice.png,
 * docs/rtl-options.png. Needs Chromium's language packs (Debian: chromium-l10n). As in
 * screenshots.ts, the history comes from reading the local fixture sites under real-looking
 * names, moved back in time through export and import so the times are not all "now".
 * Run with `npm run build && node scripts/run-ts.mjs scripts/screenshots-rtl.ts` (`npm run screenshots`
 * runs both).
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser } from 'webextension-polyfill';
import { launchBrowser, ROOT } from '../test/harness/browsers.ts';
import { readNotice, waitForNotice } from '../test/harness/notice-page.ts';
import { poll } from '../test/harness/poll.ts';
import { READER_PAGES, startReaderSites } from '../test/harness/reader-sites.ts';

/** The control page's extension API: Chromium's `chrome`, typed as the polyfill types `browser`. */
type ChromeGlobal = typeof globalThis & { chrome: Browser };

const HOUR = 3_600_000;
/** What the reader read (site name, local site number, page) and how long ago. */
const READ = [
  ['brackwater-gazette.test', 1, READER_PAGES.lighthouse, 50 * HOUR],
  ['dales-weekly.test', 3, READER_PAGES.busAbridged, 26 * HOUR],
  ['coastline-daily.test', 2, READER_PAGES.lighthouse, 5 * HOUR],
  ['ashby-courier.test', 4, READER_PAGES.bus, 3 * HOUR],
] as const;
/** The page the pictures are about: a third copy of the lighthouse story. */
const COPY = ['harbour-post.test', 6, READER_PAGES.lighthouse] as const;

const docs = join(ROOT, 'docs');
const sites = await startReaderSites();
const hostNames = Object.fromEntries([...READ, COPY].map(([name, n]) => [name, sites.host(n)]));
const ext = await launchBrowser('chromium', { hostNames, locale: 'he' });
const url = (name: string, path: string) => `http://${name}:${sites.port}${path}`;
try {
  const direction = await ext.control.evaluate(() => (globalThis as ChromeGlobal).chrome.i18n.getMessage('@@bidi_dir'));
  if (direction !== 'rtl') throw new Error(`Chromium is not in Hebrew (@@bidi_dir is "${direction}"): install its language packs (apt-get install chromium-l10n)`);
  await mkdir(docs, { recursive: true });
  await ext.control.evaluate(() => (globalThis as ChromeGlobal).chrome.storage.local.set({ settings: { readDelaySeconds: 0 } }));
  for (const [name, , path] of READ) await (await ext.visit(url(name, path))).page.close();

  // Back in time: export, shift every reading, clear, import.
  const file = await ext.message('history/export', {});
  const now = Date.now();
  for (const article of file.articles) {
    const ago = READ.find(([name, , path]) => article.url === url(name, path))?.[3] ?? 0;
    article.firstSeen = now - ago;
    article.lastSeen = now - ago;
  }
  await ext.message('history/clear', {});
  await ext.message('history/import', { file });

  const copy = await ext.openTab(url(COPY[0], COPY[2]));
  await copy.page.setViewport({ width: 1280, height: 720, deviceScaleFactor: 2 });
  const notice = await readNotice(await waitForNotice(copy.page));
  await ext.read(copy);
  // The notice in its mirrored corner (bottom left), with the article beside it.
  await copy.page.screenshot({ path: join(docs, 'rtl-notice.png'), clip: { x: 0, y: 720 - 290, width: 640, height: 290 } });
  console.log(`notice: "${notice.message}"`);

  await ext.popup(copy.tabId, { screenshot: join(docs, 'rtl-popup.png') });

  const options = await ext.browser.newPage();
  await options.setViewport({ width: 720, height: 600, deviceScaleFactor: 2 });
  await ext.driver.gotoExtensionPage(options, ext.extensionUrl('options.html'));
  await poll(() => options.evaluate(() => document.body.dataset.ready === 'true'), { what: 'the options page' });
  await options.screenshot({ path: join(docs, 'rtl-options.png'), fullPage: true });
  console.log('saved docs/rtl-popup.png, docs/rtl-notice.png and docs/rtl-options.png');
} finally {
  await ext.close();
  await sites.close();
}
