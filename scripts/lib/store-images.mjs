// @ts-check
/**
 * The Chrome Web Store's listing images (store/images/), made from the real extension by
 * `npm run screenshots` once scripts/screenshots.mjs has built the reader's history:
 *
 * - screenshot-1-notice.png: a copy of a story already read, its notice in the corner and the
 *   toolbar button with its badge;
 * - screenshot-2-popup.png: the popup for that copy, its sightings and the history;
 * - screenshot-3-whats-new.png: a longer copy of a story read abridged, after "Show what's new";
 * - promo-small.png: the small promo tile; icon-128-store.png: the padded store icon.
 *
 * Sizes are the store's ("Supplying Images"): screenshots 1280 × 800, the tile 440 × 280, the icon
 * 128 × 128 with its artwork 96 × 96 and 16 px of transparent padding per side. Screenshots and
 * tile are rendered on opaque backgrounds: Chromium then writes RGB PNGs (no alpha channel).
 *
 * A headless page screenshot shows no browser toolbar, so the frame draws one: the address of the
 * tab and the extension's button, with the badge text and colours read from the extension
 * (action.getBadgeText and its colour getters). Every other text is the extension's or the page's.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DIST } from './browsers.mjs';
import { renderIcon } from './icon-art.mjs';
import { hasNotice, noticeControl, readNotice, waitForNotice } from './notice-page.mjs';
import { poll } from './poll.mjs';
import { FRAME_HTML, PROMO_HTML, toolbarOf } from './store-frame.mjs';

/** @typedef {import('./browsers.mjs').ExtensionBrowser} ExtensionBrowser */
/** @typedef {import('./browsers.mjs').Tab} Tab */
/** @typedef {import('puppeteer-core').Page} Page */
/** @typedef {import('./store-frame.mjs').Toolbar} Toolbar */
/** @typedef {import('./store-frame.mjs').Image} Image */

/**
 * Pages are shown at 125 %, as on a laptop's screen, so that the notice and the popup read well
 * at the store's size: 1024 × 640 CSS pixels make the 1280 × 800 image.
 */
const ZOOM = 1.25;
const FRAME = { width: 1280 / ZOOM, height: 800 / ZOOM };
/** The drawn toolbar's height in CSS pixels (store-frame.mjs lays it out). */
const TOOLBAR = 40;
/** The popup's own width; its height as Chrome's 600 px maximum, less what the frame lacks. */
const POPUP_WIDTH = 400;
const POPUP_MAX_HEIGHT = FRAME.height - TOOLBAR - 10;

/**
 * @param {ExtensionBrowser} ext
 * @param {{ copy: Tab, whatsNewUrl: string, out: string }} options  copy: an open tab showing
 *   the notice; whatsNewUrl: a page whose story was read only in part, on another site
 */
export async function makeStoreImages(ext, { copy, whatsNewUrl, out }) {
  await mkdir(out, { recursive: true });
  await writeFile(join(out, 'icon-128-store.png'), renderIcon(128, 96));
  const frame = await ext.browser.newPage();
  try {
    const icon = await dataUrl(join(DIST.chromium, 'icons/icon-32.png'));
    const loupe = await dataUrl(join(DIST.chromium, 'icons/icon-128.png'));
    const toolbar = await toolbarOf(ext, copy, icon);
    const article = await pageShot(copy.page, () => window.scrollTo(0, 0));
    await compose(frame, join(out, 'screenshot-1-notice.png'), { toolbar, page: article, loupe });
    await dismissNotice(ext, copy.page);
    const closed = await pageShot(copy.page, () => window.scrollTo(0, 0));
    await compose(frame, join(out, 'screenshot-2-popup.png'), { toolbar, page: closed, popup: await popupShot(ext, copy.tabId) });
    const fresh = await showWhatsNew(ext, whatsNewUrl);
    const highlighted = await pageShot(fresh.page, scrollToLastRead);
    await compose(frame, join(out, 'screenshot-3-whats-new.png'), { toolbar: await toolbarOf(ext, fresh, icon), page: highlighted });
    await promo(frame, ext, join(out, 'promo-small.png'));
  } finally {
    await frame.close();
  }
}

/**
 * The tab's page below the drawn toolbar, at the frame's zoom, after `scroll` has run in it.
 * @param {Page} page
 * @param {() => void} scroll
 */
async function pageShot(page, scroll) {
  await page.setViewport({ width: FRAME.width, height: FRAME.height - TOOLBAR, deviceScaleFactor: ZOOM });
  await page.evaluate(scroll);
  return `data:image/png;base64,${await page.screenshot({ encoding: 'base64' })}`;
}

/**
 * Puts the last paragraph read before at the top, the ones marked new below it. (At the top
 * exactly: its line-height gives it room under the toolbar, and on the bus story the page then
 * ends between two lines, not across one.)
 */
function scrollToLastRead() {
  // The fixture pages set no style attribute of their own: the first one is the extension's mark.
  const first = document.querySelector('article p[style]');
  const before = first?.previousElementSibling;
  if (!first || !before) throw new Error('no paragraph is marked as new after one read before');
  window.scrollTo(0, before.getBoundingClientRect().top + window.scrollY);
}

/**
 * The popup for a tab at the frame's zoom.
 * @param {ExtensionBrowser} ext
 * @param {number} tabId
 */
async function popupShot(ext, tabId) {
  const popup = await ext.openPopup(tabId);
  try {
    await popup.setViewport({ width: POPUP_WIDTH, height: POPUP_MAX_HEIGHT, deviceScaleFactor: ZOOM });
    // Chrome sizes a popup to its content, up to its maximum: so does the frame.
    const height = Math.min(await popup.evaluate(() => document.documentElement.scrollHeight), POPUP_MAX_HEIGHT);
    await popup.setViewport({ width: POPUP_WIDTH, height, deviceScaleFactor: ZOOM });
    return { src: `data:image/png;base64,${await popup.screenshot({ encoding: 'base64' })}`, width: POPUP_WIDTH, height };
  } finally {
    await popup.close();
  }
}

/**
 * Closes the page's notice with its own button, as the reader would before opening the popup,
 * which would cover half of it.
 * @param {ExtensionBrowser} ext
 * @param {Page} page
 */
async function dismissNotice(ext, page) {
  // Chromium answers accessibility queries (how the notice's closed root is reached) in the front tab only.
  await page.bringToFront();
  await (await noticeControl(await waitForNotice(page), await ext.api('i18n.getMessage', 'dismiss'))).click();
  await poll(async () => !(await hasNotice(page)), { what: 'the notice to close' });
}

/**
 * Opens the page, waits for its notice and presses "Show what's new" as a reader would.
 * @param {ExtensionBrowser} ext
 * @param {string} url
 * @returns {Promise<Tab>}
 */
async function showWhatsNew(ext, url) {
  const tab = await ext.openTab(url);
  const root = await waitForNotice(tab.page);
  await (await noticeControl(root, await ext.api('i18n.getMessage', 'showWhatsNew'))).click();
  const status = await poll(async () => (await readNotice(root)).status, { what: "the notice's count of new paragraphs" });
  console.log(`what's new on ${url}: "${status}"`);
  return tab;
}

/**
 * Draws the frame (toolbar, page, popup) and saves it as a 1280 × 800 PNG.
 * @param {Page} frame
 * @param {string} path
 * @param {{ toolbar: Toolbar, page: string, popup?: Image, loupe?: string }} parts
 */
async function compose(frame, path, parts) {
  await frame.setViewport({ ...FRAME, deviceScaleFactor: ZOOM });
  await frame.setContent(FRAME_HTML);
  await frame.evaluate((parts) => /** @type {any} */ (window).fill(parts), parts);
  await save(frame, path);
}

/**
 * The small promo tile: the icon, the extension's name and the first sentence of its store
 * description, as the extension itself gives them (i18n.getMessage).
 * @param {Page} frame
 * @param {ExtensionBrowser} ext
 * @param {string} path
 */
async function promo(frame, ext, path) {
  const name = await ext.api('i18n.getMessage', 'extName');
  const description = /** @type {string} */ (await ext.api('i18n.getMessage', 'extDescription'));
  const pitch = description.split(/(?<=\.)\s/)[0];
  await frame.setViewport({ width: 440, height: 280, deviceScaleFactor: 1 });
  await frame.setContent(PROMO_HTML);
  const icon = await dataUrl(join(DIST.chromium, 'icons/icon-128.png'));
  await frame.evaluate((parts) => /** @type {any} */ (window).fill(parts), { icon, name, pitch });
  await save(frame, path);
}

/** @param {Page} frame @param {string} path */
async function save(frame, path) {
  // A tab in the background paints no new frame, and its screenshot waits for one until it times out.
  await frame.bringToFront();
  // An image without a source (the popup's, when there is none) cannot be decoded: skip those.
  await frame.evaluate(() => Promise.all([...document.images].filter((image) => image.src).map((image) => image.decode())));
  await frame.screenshot({ path: /** @type {`${string}.png`} */ (path) });
}

/** @param {string} file */
async function dataUrl(file) {
  return `data:image/png;base64,${(await readFile(file)).toString('base64')}`;
}
