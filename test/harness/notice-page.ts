/**
 * The extension's in-page notice, seen from a test. It lives in a CLOSED shadow root of a
 * <deja-lu-notice> element: the page's own scripts cannot reach inside (host.shadowRoot is null),
 * and neither can puppeteer's `pierce/` selectors, which go through `shadowRoot` too. The test
 * reaches the root through the browser's automation protocol, which sees closed roots:
 *
 * - Chromium (CDP): the accessibility tree includes closed shadow content, and puppeteer's
 *   `aria/` query resolves a node of it to a handle; the panel is the notice's region landmark,
 *   and `getRootNode()` on it is the closed root.
 * - Firefox (WebDriver BiDi): serialising the host with `includeShadowTree: "all"` returns its
 *   closed shadow root as a node reference, which puppeteer turns into a handle. This goes through
 *   puppeteer's BiDi realm (not in its public API; checked with puppeteer-core 24.43).
 *
 * Either way the result is a JSHandle of the real ShadowRoot in the page's main world: evaluate
 * in it, query buttons from it and click them as a person would.
 */

import type { ElementHandle, JSHandle, Page } from 'puppeteer-core';

export type RootHandle = JSHandle<ShadowRoot>;

/**
 * The part of puppeteer's BiDi frame this file uses, not in puppeteer's public API (checked with
 * puppeteer-core 24.43): its default realm, which calls a function with BiDi's own arguments and
 * turns a remote value into a handle.
 */
interface BidiFrame {
  realms?: {
    default?: {
      realm?: {
        callFunction?: (fn: string, awaitPromise: boolean, options: object) => Promise<BidiResult>;
      };
      createHandle?: (value: unknown) => RootHandle;
    };
  };
}
interface BidiResult {
  type: string;
  exceptionDetails?: { text?: string };
  result?: { value?: { shadowRoot?: unknown } };
}

/** Whether the page shows the notice, asked as the page itself could ask. */
export function hasNotice(page: Page): Promise<boolean> {
  return page.evaluate(() => document.querySelector('deja-lu-notice') !== null);
}

/** The notice's closed shadow root, or null when the page shows no notice. */
export async function noticeRoot(page: Page): Promise<RootHandle | null> {
  const host = await page.$('deja-lu-notice');
  if (!host) return null;
  // Puppeteer drives Firefox over WebDriver BiDi and Chromium over CDP (as test/harness launches them).
  const firefox = /firefox/i.test(await page.browser().version());
  return firefox ? bidiShadowRoot(page, host) : cdpShadowRoot(page);
}

/** Waits for the notice (the content script shows it after the background's answer) and returns its root. */
export async function waitForNotice(page: Page, timeout = 10_000): Promise<RootHandle> {
  await page.waitForSelector('deja-lu-notice', { timeout });
  const root = await noticeRoot(page);
  if (!root) throw new Error('the notice vanished');
  return root;
}

async function cdpShadowRoot(page: Page): Promise<RootHandle> {
  // Region landmarks of the whole page (a query scoped to the host finds nothing: the host itself
  // is not in the accessibility tree); the notice's panel is the one whose root is the host's.
  for (const region of await page.$$('aria/[role="region"]')) {
    const root = (await region.evaluateHandle((node) => node.getRootNode())) as unknown as RootHandle;
    if (await root.evaluate((root) => root instanceof ShadowRoot && root.host.localName === 'deja-lu-notice')) return root;
  }
  throw new Error('no region landmark in <deja-lu-notice>: is the panel labelled?');
}

async function bidiShadowRoot(page: Page, host: ElementHandle<Element>): Promise<RootHandle> {
  const realm = (page.mainFrame() as unknown as BidiFrame).realms?.default;
  if (!realm?.realm?.callFunction || !realm.createHandle) throw new Error('puppeteer-core changed: no BiDi realm on the frame');
  const result = await realm.realm.callFunction('(host) => host', false, {
    arguments: [(host as unknown as { remoteValue: () => unknown }).remoteValue()],
    resultOwnership: 'root',
    serializationOptions: { maxDomDepth: 0, includeShadowTree: 'all' },
  });
  if (result.type === 'exception') throw new Error(`serialising the notice failed: ${result.exceptionDetails?.text}`);
  const shadow = result.result?.value?.shadowRoot;
  if (!shadow) throw new Error('the notice has no shadow root');
  return realm.createHandle(shadow);
}

/** What the notice shows and how it is exposed: its landmark, text, controls and box. */
export function readNotice(root: RootHandle) {
  return root.evaluate((root) => {
    const panel = root.querySelector('.panel') as HTMLElement;
    const controls = [...root.querySelectorAll('button, a[href]')].map((el) => el.getAttribute('aria-label') ?? el.textContent ?? '');
    const rect = panel.getBoundingClientRect();
    return {
      mode: root.mode,
      role: panel.getAttribute('role'),
      label: panel.getAttribute('aria-label'),
      dir: panel.dir,
      message: root.querySelector('.message')?.textContent ?? '',
      /** Every line of its message: an update, then a copy read elsewhere. */
      messages: [...root.querySelectorAll('.message')].map((p) => p.textContent ?? ''),
      status: root.querySelector('.status')?.textContent ?? '',
      controls,
      rect: { left: rect.left, top: rect.top, right: rect.right, bottom: rect.bottom, width: rect.width, height: rect.height },
      viewport: { width: document.documentElement.clientWidth, height: document.documentElement.clientHeight },
    };
  });
}

/** A control of the notice by its visible text or accessible name. */
export async function noticeControl(root: RootHandle, name: string): Promise<ElementHandle<Element>> {
  const handle = await root.evaluateHandle((root, name) =>
    [...root.querySelectorAll('button, a')].find((el) => (el.getAttribute('aria-label') ?? el.textContent) === name) ?? null, name);
  const element = handle.asElement();
  if (!element) throw new Error(`the notice has no control named "${name}"`);
  return element as ElementHandle<Element>;
}
