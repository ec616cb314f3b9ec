/**
 * The README's pictures, taken from the real extension (the build in dist/, or DEJA_LU_DIST) in
 * headless Chromium: docs/popup-light.png, docs/popup-dark.png, docs/notice.png, docs/options.png;
 * then the store's listing images in store/images/ (scripts/lib/store-images.ts).
 * The reader's history is made by reading the local fixture sites (test/fixtures/reader-sites)
 * under real-looking names, then moved back in time through export and import so that the
 * pictures say "5 hours ago" rather than "just now". Run with `npm run screenshots`.
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser } from 'webextension-polyfill';
import { launchBrowser, ROOT } from '../test/harness/browsers.ts';
import { waitForNotice, readNotice } from '../test/harness/notice-page.ts';
import { poll } from '../test/harness/poll.ts';
import { READER_PAGES, startReaderSites } from '../test/harness/reader-sites.ts';
import { makeStoreImages } from './lib/store-images.ts';

/** The control page's extension API: Chromium's `chrome`, typed as the polyfill types `browser`. */
type ChromeGlobal = typeof globalThis & { chrome: Browser };

/** Each name is one of the local sites (127.0.0.N). */
const SITES = {
  'brackwater-gazette.test': 1, 'coastline-daily.test': 2, 'dales-weekly.test': 3,
  'ashby-courier.test': 4, 'northwick-news.test': 5, 'harbour-post.test': 6,
};
const HOUR = 3_600_000;
/** What the reader read, and how long ago. */
const READ = [
  ['harbour-post.test', READER_PAGES.lighthouse, 50 * HOUR],
  ['dales-weekly.test', READER_PAGES.busAbridged, 26 * HOUR],
  ['coastline-daily.test', READER_PAGES.lighthouse, 5 * HOUR],
  ['northwick-news.test', READER_PAGES.trees, HOUR / 2],
] as const;
/**
 * The page the pictures are about: a third copy of the lighthouse story, on the site whose name
 * its masthead bears (the fixture page says "The Brackwater Gazette" on every host).
 */
const COPY = ['brackwater-gazette.test', READER_PAGES.lighthouse] as const;
/** The bus story in full, read only abridged so far: what "Show what's new" is for. */
const WHATS_NEW = ['ashby-courier.test', READER_PAGES.bus] as const;

const docs = join(ROOT, 'docs');
const sites = await startReaderSites();
const hostNames = Object.fromEntries(Object.entries(SITES).map(([name, n]) => [name, sites.host(n)]));
const ext = await launchBrowser('chromium', { hostNames });
const url = (name: string, path: string) => `http://${name}:${sites.port}${path}`;
try {
  await mkdir(docs, { recursive: true });
  await ext.control.evaluate(() => (globalThis as ChromeGlobal).chrome.storage.local.set({ settings: { readDelaySeconds: 0 } }));
  for (const [name, path] of READ) await (await ext.visit(url(name, path))).page.close();

  // Back in time: export, shift every reading, clear, import.
  const file = await ext.message('history/export', {});
  const now = Date.now();
  for (const article of file.articles) {
    const ago = READ.find(([name, path]) => article.url === url(name, path))?.[2] ?? 0;
    article.firstSeen = now - ago;
    article.lastSeen = now - ago;
  }
  await ext.message('history/clear', {});
  await ext.message('history/import', { file });

  const copy = await ext.openTab(url(...COPY));
  await copy.page.setViewport({ width: 1280, height: 720, deviceScaleFactor: 2 });
  const notice = await readNotice(await waitForNotice(copy.page));
  await ext.read(copy);
  // The notice in its corner, with the end of the article and the sidebar beside it.
  const clip = { x: 1280 - 640, y: 720 - 290, width: 640, height: 290 };
  await copy.page.screenshot({ path: join(docs, 'notice.png'), clip });
  console.log(`notice: "${notice.message}"`);

  await ext.popup(copy.tabId, { screenshot: join(docs, 'popup-light.png') });
  const dark = await ext.openPopup(copy.tabId);
  await dark.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: 'dark' }]);
  await poll(() => dark.evaluate(() => getComputedStyle(document.body).backgroundColor !== 'rgb(255, 255, 255)'), { what: 'the dark popup' });
  const body = await dark.$('body');
  await body?.screenshot({ path: join(docs, 'popup-dark.png') });
  await dark.close();

  const options = await ext.browser.newPage();
  await options.setViewport({ width: 720, height: 600, deviceScaleFactor: 2 });
  await ext.driver.gotoExtensionPage(options, ext.extensionUrl('options.html'));
  await poll(() => options.evaluate(() => document.body.dataset.ready === 'true'), { what: 'the options page' });
  await options.screenshot({ path: join(docs, 'options.png'), fullPage: true });
  await options.close();
  console.log(`saved docs/popup-light.png, docs/popup-dark.png, docs/notice.png and docs/options.png`);

  await makeStoreImages(ext, { copy, whatsNewUrl: url(...WHATS_NEW), out: join(ROOT, 'store', 'images') });
  console.log('saved store/images/: screenshot-1-notice.png, screenshot-2-popup.png, screenshot-3-whats-new.png, promo-small.png, icon-128-store.png');
} finally {
  await ext.close();
  await sites.close();
}
