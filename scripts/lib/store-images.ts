/**
 * The Chrome Web Store's listing images (store/images/), made from the real extension by
 * `npm run screenshots` once scripts/screenshots.ts has built the reader's history:
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
import type { Page } from 'puppeteer-core';
import { DIST, type ExtensionBrowser, type Tab } from '../../test/harness/browsers.ts';
import { hasNotice, noticeControl, readNotice, waitForNotice } from '../../test/harness/notice-page.ts';
import { poll } from '../../test/harness/poll.ts';
import { renderIcon } from './icon-art.mjs';
import { FRAME_HTML, PROMO_HTML, toolbarOf, type Image, type Toolbar } from './store-frame.ts';

/** What the frame page's `fill()` (store-frame.ts) takes. */
type FrameWindow = Window & { fill: (parts: object) => void };

/**
 * Pages are shown at 125 %, as on a laptop's screen, so that the notice and the popup read well
 * at the store's size: 1024 × 640 CSS pixels make the 1280 × 800 image.
 */
const ZOOM = 1.25;
const FRAME = { width: 1280 / ZOOM, height: 800 / ZOOM };
/** The drawn toolbar's height in CSS pixels (store-frame.ts lays it out). */
const TOOLBAR = 40;
/** The popup's own width; its height as Chrome's 600 px maximum, less what the frame lacks. */
const POPUP_WIDTH = 400;
const POPUP_MAX_HEIGHT = FRAME.height - TOOLBAR - 10;

/**
 * @param options.copy  an open tab showing the notice
 * @param options.whatsNewUrl  a page whose story was read only in part, on another site
 */
export async function makeStoreImages(ext: ExtensionBrowser, { copy, whatsNewUrl, out }: { copy: Tab; whatsNewUrl: string; out: string }): Promise<void> {
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

/** The tab's page below the drawn toolbar, at the frame's zoom, after `scroll` has run in it. */
async function pageShot(page: Page, scroll: () => void): Promise<string> {
  await page.setViewport({ width: FRAME.width, height: FRAME.height - TOOLBAR, deviceScaleFactor: ZOOM });
  await page.evaluate(scroll);
  return `data:image/png;base64,${await page.screenshot({ encoding: 'base64' })}`;
}

/**
 * Puts the last paragraph read before at the top, the ones marked new below it. (At the top
 * exactly: its line-height gives it room under the toolbar, and on the bus story the page then
 * ends between two lines, not across one.)
 */
function scrollToLastRead(): void {
  // The fixture pages set no style attribute of their own: the first one is the extension's mark.
  const first = document.querySelector('article p[style]');
  const before = first?.previousElementSibling;
  if (!first || !before) throw new Error('no paragraph is marked as new after one read before');
  window.scrollTo(0, before.getBoundingClientRect().top + window.scrollY);
}

/** The popup for a tab at the frame's zoom. */
async function popupShot(ext: ExtensionBrowser, tabId: number): Promise<Image> {
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
 */
async function dismissNotice(ext: ExtensionBrowser, page: Page): Promise<void> {
  // Chromium answers accessibility queries (how the notice's closed root is reached) in the front tab only.
  await page.bringToFront();
  await (await noticeControl(await waitForNotice(page), await ext.api<string>('i18n.getMessage', 'dismiss'))).click();
  await poll(async () => !(await hasNotice(page)), { what: 'the notice to close' });
}

/** Opens the page, waits for its notice and presses "Show what's new" as a reader would. */
export async function showWhatsNew(ext: ExtensionBrowser, url: string): Promise<Tab> {
  const tab = await ext.openTab(url);
  const root = await waitForNotice(tab.page);
  await (await noticeControl(root, await ext.api<string>('i18n.getMessage', 'showWhatsNew'))).click();
  const status = await poll(async () => (await readNotice(root)).status, { what: "the notice's count of new paragraphs" });
  console.log(`what's new on ${url}: "${status}"`);
  return tab;
}

/** Draws the frame (toolbar, page, popup) and saves it as a 1280 × 800 PNG. */
async function compose(frame: Page, path: string, parts: { toolbar: Toolbar; page: string; popup?: Image; loupe?: string }): Promise<void> {
  await frame.setViewport({ ...FRAME, deviceScaleFactor: ZOOM });
  await frame.setContent(FRAME_HTML);
  await frame.evaluate((parts) => (window as unknown as FrameWindow).fill(parts), parts);
  await save(frame, path);
}

/**
 * The small promo tile: the icon, the extension's name and the first sentence of its store
 * description, as the extension itself gives them (i18n.getMessage).
 */
async function promo(frame: Page, ext: ExtensionBrowser, path: string): Promise<void> {
  const name = await ext.api<string>('i18n.getMessage', 'extName');
  const description = await ext.api<string>('i18n.getMessage', 'extDescription');
  const pitch = description.split(/(?<=\.)\s/)[0];
  await frame.setViewport({ width: 440, height: 280, deviceScaleFactor: 1 });
  await frame.setContent(PROMO_HTML);
  const icon = await dataUrl(join(DIST.chromium, 'icons/icon-128.png'));
  await frame.evaluate((parts) => (window as unknown as FrameWindow).fill(parts), { icon, name, pitch });
  await save(frame, path);
}

async function save(frame: Page, path: string): Promise<void> {
  // A tab in the background paints no new frame, and its screenshot waits for one until it times out.
  await frame.bringToFront();
  // An image without a source (the popup's, when there is none) cannot be decoded: skip those.
  await frame.evaluate(() => Promise.all([...document.images].filter((image) => image.src).map((image) => image.decode())));
  await frame.screenshot({ path: path as `${string}.png` });
}

async function dataUrl(file: string): Promise<string> {
  return `data:image/png;base64,${(await readFile(file)).toString('base64')}`;
}
