/**
 * The two HTML pages scripts/lib/store-images.ts renders in Chromium: the frame of a store
 * screenshot (a plain browser toolbar over a page's screenshot, the popup hanging from the
 * extension's button) and the small promo tile; and what the toolbar shows, read from the
 * extension. Each page's `fill()` sets every text with textContent: the texts come from the
 * extension and the pages, never as HTML.
 */

import type { ExtensionBrowser, Tab } from '../../test/harness/browsers.ts';

/** What the drawn toolbar shows. */
export interface Toolbar {
  /** the tab's URL without its scheme */
  address: string;
  /** the button's icon, a data URL */
  icon: string;
  /** the badge text the extension set for the tab */
  badge: string;
  /** its CSS colour */
  background: string;
  /** its text's CSS colour */
  color: string;
}
/** A data URL and its size in CSS pixels. */
export interface Image {
  src: string;
  width: number;
  height: number;
}

/**
 * What the toolbar shows for the tab: its address and the extension's button as the extension set it.
 * @param icon  the button's icon, as a data URL
 */
export async function toolbarOf(ext: ExtensionBrowser, tab: Tab, icon: string): Promise<Toolbar> {
  const tabId = tab.tabId;
  const [badge, background, color] = await Promise.all([
    ext.badgeText(tabId),
    ext.api<number[]>('action.getBadgeBackgroundColor', { tabId }),
    ext.api<number[]>('action.getBadgeTextColor', { tabId }),
  ]);
  if (!badge) throw new Error(`the extension shows no badge on ${tab.url}`);
  const text = color[3] === 0 ? contrasting(background) : color;
  // The address as Chrome's address bar shows it: without the scheme.
  return { address: tab.page.url().replace(/^https?:\/\//, ''), icon, badge, background: rgba(background), color: rgba(text) };
}

/** @param color  [r, g, b, a] as the action API gives it */
const rgba = ([r = 0, g = 0, b = 0, a = 255]: number[]) => `rgba(${r}, ${g}, ${b}, ${a / 255})`;

/**
 * The badge text's colour when the extension sets none (getBadgeTextColor gives [0, 0, 0, 0]):
 * black or white, whichever contrasts more with the badge, as Firefox's documentation says; on
 * the extension's violet that is white, Chrome's default badge text colour before it had a setter.
 */
function contrasting(background: number[]): number[] {
  const linear = (c: number) => ((c /= 255) <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
  const [r = 0, g = 0, b = 0] = background.map(linear);
  const luminance = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  return 1.05 / (luminance + 0.05) >= (luminance + 0.05) / 0.05 ? [255, 255, 255, 255] : [0, 0, 0, 255];
}

/**
 * 1024 × 640 CSS pixels: a 40 px toolbar, the page below it (1024 × 600), and over the page
 * either the popup or a loupe on the button (`loupe`: the icon's larger file, sharp at 3 ×).
 */
export const FRAME_HTML = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><style>
* { box-sizing: border-box; }
[hidden] { display: none !important; }
html, body { margin: 0; width: 1024px; height: 640px; overflow: hidden; background: #fff; }
.toolbar { display: flex; align-items: center; gap: 8px; height: 40px; padding: 0 8px 0 12px;
  background: #eef0f4; border-bottom: 1px solid #d3d6dc; font: 14px/1 system-ui, sans-serif; }
.address { flex: 1; height: 28px; line-height: 28px; padding: 0 14px; border-radius: 14px; background: #fff;
  color: #202124; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
.action { position: relative; width: 32px; height: 32px; border-radius: 50%; display: grid; place-items: center; }
.action.pressed { background: #d9dce3; }
.action img { width: 16px; height: 16px; }
/* Where and how Chrome draws an action's badge: over the icon's lower right corner. */
.badge { position: absolute; right: 0; bottom: 3px; min-width: 14px; height: 12px; padding: 0 3px;
  border-radius: 6px; font: 700 9px/12px system-ui, sans-serif; text-align: center; }
.page { display: block; width: 1024px; height: 600px; }
/* The button again at 3 ×, just below it, so that the badge reads at the store's size. */
.loupe { position: absolute; top: 44px; right: 4px; width: 96px; height: 96px; border-radius: 50%; display: grid;
  place-items: center; background: #eef0f4; box-shadow: 0 0 0 1px #d3d6dc, 0 6px 18px rgba(0, 0, 0, .22); }
.loupe .action { transform: scale(3); }
.popup { position: absolute; top: 42px; right: 8px; border-radius: 8px; overflow: hidden;
  box-shadow: 0 0 0 1px rgba(0, 0, 0, .14), 0 6px 20px rgba(0, 0, 0, .22); }
.popup img { display: block; }
</style></head><body>
<div class="toolbar"><div class="address"></div><div class="action"><img alt=""><span class="badge"></span></div></div>
<img class="page" alt="">
<div class="popup" hidden><img alt=""></div>
<div class="loupe" hidden></div>
<script>
window.fill = ({ toolbar, page, popup, loupe }) => {
  document.querySelector('.address').textContent = toolbar.address;
  document.querySelector('.action img').src = toolbar.icon;
  const badge = document.querySelector('.badge');
  badge.textContent = toolbar.badge;
  badge.style.background = toolbar.background;
  badge.style.color = toolbar.color;
  document.querySelector('.page').src = page;
  if (popup) {
    Object.assign(document.querySelector('.popup img'), popup);
    document.querySelector('.popup').hidden = false;
    document.querySelector('.action').classList.add('pressed');
  }
  if (loupe) {
    const button = document.querySelector('.action').cloneNode(true);
    button.querySelector('img').src = loupe;
    document.querySelector('.loupe').append(button);
    document.querySelector('.loupe').hidden = false;
  }
};
</script></body></html>`;

/** 440 × 280: the icon at its own 128 px, the name and the pitch beside it. */
export const PROMO_HTML = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><style>
body { margin: 0; width: 440px; height: 280px; box-sizing: border-box; display: flex; align-items: center; gap: 20px;
  padding: 0 28px 0 22px; background: linear-gradient(135deg, #f6f1ff, #e2d5fb); color: #2a2238; font-family: system-ui, sans-serif; }
img { flex: none; width: 128px; height: 128px; }
h1 { margin: 0 0 10px; font-size: 36px; line-height: 1.1; color: #4a1cb3; }
p { margin: 0; font-size: 17px; line-height: 1.4; }
</style></head><body>
<img alt=""><div><h1></h1><p></p></div>
<script>
window.fill = ({ icon, name, pitch }) => {
  document.querySelector('img').src = icon;
  document.querySelector('h1').textContent = name;
  document.querySelector('p').textContent = pitch;
};
</script></body></html>`;
