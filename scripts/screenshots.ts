/**
 * The README's pictures, taken from the real extension (the build in dist/, or DEJA_LU_DIST) in
 * headless Chromium: docs/popup-light.png, docs/popup-dark.png, docs/notice.png, docs/options.png;
 * then the store's listing images in store/images/ (scripts/lib/store-images.ts); then
 * docs/notice-updated.png (a page read before, updated since) and docs/marks.png (a front page's
 * links to stories read, marked), from readings the pictures before them do not show.
 * The reader's history is made by reading the local fixture sites (test/fixtures/reader-sites)
 * under real-looking names, then moved back in time through export and import so that the
 * pictures say "5 hours ago" rather than "just now". Run with `npm run screenshots`.
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser } from 'webextension-polyfill';
import { launchBrowser, ROOT } from '../test/harness/browsers.ts';
import { FRONT, frontPages } from '../test/harness/front-pages.ts';
import { waitForNotice, readNotice } from '../test/harness/notice-page.ts';
import { poll } from '../test/harness/poll.ts';
import { READER_PAGES, startReaderSites } from '../test/harness/reader-sites.ts';
import type { Generate } from '../test/harness/sites.ts';
import { makeStoreImages, showWhatsNew } from './lib/store-images.ts';

/** The control page's extension API: Chromium's `chrome`, typed as the polyfill types `browser`. */
type ChromeGlobal = typeof globalThis & { chrome: Browser };

/** Each name is one of the local sites (127.0.0.N). */
const SITES = {
  'brackwater-gazette.test': 1, 'coastline-daily.test': 2, 'dales-weekly.test': 3,
  'ashby-courier.test': 4, 'northwick-news.test': 5, 'harbour-post.test': 6,
};
const HOUR = 3_600_000;
/** A reading: the site's name, the page, and how long ago it was read. */
type Reading = readonly [string, string, number];
/** What the reader read, and how long ago. */
const READ: readonly Reading[] = [
  ['harbour-post.test', READER_PAGES.lighthouse, 50 * HOUR],
  ['dales-weekly.test', READER_PAGES.busAbridged, 26 * HOUR],
  ['coastline-daily.test', READER_PAGES.lighthouse, 5 * HOUR],
  ['northwick-news.test', READER_PAGES.trees, HOUR / 2],
];
/**
 * The page the pictures are about: a third copy of the lighthouse story, on the site whose name
 * its masthead bears (the fixture page says "The Brackwater Gazette" on every host).
 */
const COPY = ['brackwater-gazette.test', READER_PAGES.lighthouse] as const;
/** The bus story in full, read only abridged so far: what "Show what's new" is for. */
const WHATS_NEW = ['ashby-courier.test', READER_PAGES.bus] as const;
/**
 * Read once the pictures above are taken (the popup's history would show them): the first edition
 * of a developing story, and the bus story on the site whose front page links to it.
 */
const READ_LATER: readonly Reading[] = [
  ['northwick-news.test', READER_PAGES.developing, 2 * 24 * HOUR],
  ['northwick-news.test', READER_PAGES.bus, 3 * HOUR],
];
/** The developing story's later edition: three new paragraphs, a new headline and date line. */
const UPDATED = ['northwick-news.test', `${READER_PAGES.developing}#v2`] as const;
/**
 * The marks' front page (test/harness/front-pages.ts): links to the lighthouse story (by its
 * headline, and to coastline-daily.test's copy), to the bus story on this site; then to a story
 * never read, a generic "Live updates" and the front page itself, none of them marked.
 */
const FRONT_PAGE = ['northwick-news.test', FRONT.plain] as const;
/** How many of the front page's links are marked: the first three. */
const MARKED = 3;

const docs = join(ROOT, 'docs');
/** The front pages link to the sites by address (127.0.0.N): here by their names, as they are read. */
const NAMES: Record<string, string> = Object.fromEntries(Object.entries(SITES).map(([name, n]) => [n, name]));
const named: Generate = (site, pathname, origin) => {
  const made = frontPages(site, pathname, origin);
  const rename = (address: string, n: string) => (NAMES[n] ? `//${NAMES[n]}:` : address);
  return made && { ...made, body: String(made.body).replace(/\/\/127\.0\.0\.(\d+):/g, rename) };
};
const sites = await startReaderSites(named);
const hostNames = Object.fromEntries(Object.entries(SITES).map(([name, n]) => [name, sites.host(n)]));
const ext = await launchBrowser('chromium', { hostNames });
const url = (name: string, path: string) => `http://${name}:${sites.port}${path}`;
try {
  await mkdir(docs, { recursive: true });
  await ext.control.evaluate(() => (globalThis as ChromeGlobal).chrome.storage.local.set({ settings: { readDelaySeconds: 0 } }));
  await readBack(READ);

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

  await readBack(READ_LATER);
  await updatedNotice();
  await marks();
  console.log('saved docs/notice-updated.png and docs/marks.png');
} finally {
  await ext.close();
  await sites.close();
}

/** Reads each page, then moves its reading back in time: export, shift, clear, import. */
async function readBack(readings: readonly Reading[]): Promise<void> {
  for (const [name, path] of readings) await (await ext.visit(url(name, path))).page.close();
  const file = await ext.message('history/export', {});
  const now = Date.now();
  for (const article of file.articles) {
    const ago = readings.find(([name, path]) => article.url === url(name, path))?.[2];
    if (ago === undefined) continue;
    article.firstSeen = now - ago;
    article.lastSeen = now - ago;
  }
  await ext.message('history/clear', {});
  await ext.message('history/import', { file });
}

/**
 * The developing story's later edition after "Show what's new": the notice, and beside it the
 * three new paragraphs marked, below the last paragraph read before.
 */
async function updatedNotice(): Promise<void> {
  const tab = await showWhatsNew(ext, url(...UPDATED));
  const viewport = { width: 960, height: 720 };
  await tab.page.setViewport({ ...viewport, deviceScaleFactor: 1.5 });
  const notice = await readNotice(await waitForNotice(tab.page));
  // At the end of the page, the window's lower part: the notice is fixed to the window's corner
  // (captured beyond the window, the page would be laid out anew with the notice at its end).
  const { top, scrolled } = await tab.page.evaluate(() => {
    window.scrollTo(0, document.documentElement.scrollHeight);
    const paragraphs = [...document.querySelectorAll('article p')];
    // The fixture sets no style attribute of its own: the first one is the extension's mark.
    const lastRead = paragraphs[paragraphs.findIndex((p) => p.hasAttribute('style')) - 1];
    if (!lastRead) throw new Error('no paragraph is marked as new after one read before');
    return { top: lastRead.getBoundingClientRect().top, scrolled: window.scrollY };
  });
  // Within the paragraphs' margin: no line of the one above shows.
  const y = Math.max(0, Math.floor(top) - 12);
  const clip = { x: 0, y: scrolled + y, width: viewport.width, height: viewport.height - y };
  await tab.page.screenshot({ path: join(docs, 'notice-updated.png'), clip, captureBeyondViewport: false });
  console.log(`updated: "${notice.messages.join(' / ')}"`);
}

/** The front page's list of links, the ones to stories read marked. */
async function marks(): Promise<void> {
  const front = await ext.openTab(url(...FRONT_PAGE));
  const width = 640;
  await front.page.setViewport({ width, height: 480, deviceScaleFactor: 2 });
  const count = () => front.page.evaluate(() => CSS.highlights.get('deja-lu-read')?.size ?? 0);
  await poll(async () => (await count()) === MARKED, { what: `${MARKED} links marked` });
  const bottom = await front.page.$eval('#list', (list) => list.getBoundingClientRect().bottom);
  await front.page.screenshot({ path: join(docs, 'marks.png'), clip: { x: 0, y: 0, width, height: Math.ceil(bottom) + 24 } });
  const tooltips = await front.page.$$eval('#list a[title]', (links) => links.map((a) => `${a.textContent ?? ''}: ${a.title}`));
  console.log(`marks: ${JSON.stringify(tooltips)}`);
}
