// @ts-check
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

/** @typedef {import('puppeteer-core').Page} Page */
/** @typedef {import('puppeteer-core').ElementHandle<Element>} ElementHandle */
/** @typedef {import('puppeteer-core').JSHandle<ShadowRoot>} RootHandle */

/**
 * Whether the page shows the notice, asked as the page itself could ask.
 * @param {Page} page
 */
export function hasNotice(page) {
  return page.evaluate(() => document.querySelector('deja-lu-notice') !== null);
}

/**
 * The notice's closed shadow root, or null when the page shows no notice.
 * @param {Page} page
 * @returns {Promise<RootHandle | null>}
 */
export async function noticeRoot(page) {
  const host = await page.$('deja-lu-notice');
  if (!host) return null;
  // Puppeteer drives Firefox over WebDriver BiDi and Chromium over CDP (as scripts/lib launches them).
  const firefox = /firefox/i.test(await page.browser().version());
  return firefox ? bidiShadowRoot(page, host) : cdpShadowRoot(page);
}

/**
 * Waits for the notice (the content script shows it after the background's answer) and returns its root.
 * @param {Page} page
 * @param {number} [timeout]
 * @returns {Promise<RootHandle>}
 */
export async function waitForNotice(page, timeout = 10_000) {
  await page.waitForSelector('deja-lu-notice', { timeout });
  const root = await noticeRoot(page);
  if (!root) throw new Error('the notice vanished');
  return root;
}

/**
 * @param {Page} page
 * @returns {Promise<RootHandle>}
 */
async function cdpShadowRoot(page) {
  // Region landmarks of the whole page (a query scoped to the host finds nothing: the host itself
  // is not in the accessibility tree); the notice's panel is the one whose root is the host's.
  for (const region of await page.$$('aria/[role="region"]')) {
    const root = /** @type {RootHandle} */ (/** @type {unknown} */ (await region.evaluateHandle((node) => node.getRootNode())));
    if (await root.evaluate((root) => root instanceof ShadowRoot && root.host.localName === 'deja-lu-notice')) return root;
  }
  throw new Error('no region landmark in <deja-lu-notice>: is the panel labelled?');
}

/**
 * @param {Page} page
 * @param {ElementHandle} host
 * @returns {Promise<RootHandle>}
 */
async function bidiShadowRoot(page, host) {
  const realm = /** @type {any} */ (page.mainFrame()).realms?.default;
  if (!realm?.realm?.callFunction || !realm.createHandle) throw new Error('puppeteer-core changed: no BiDi realm on the frame');
  const result = await realm.realm.callFunction('(host) => host', false, {
    arguments: [/** @type {any} */ (host).remoteValue()],
    resultOwnership: 'root',
    serializationOptions: { maxDomDepth: 0, includeShadowTree: 'all' },
  });
  if (result.type === 'exception') throw new Error(`serialising the notice failed: ${result.exceptionDetails?.text}`);
  const shadow = result.result?.value?.shadowRoot;
  if (!shadow) throw new Error('the notice has no shadow root');
  return realm.createHandle(shadow);
}

/**
 * What the notice shows and how it is exposed: its landmark, text, controls and box.
 * @param {RootHandle} root
 */
export function readNotice(root) {
  return root.evaluate((root) => {
    const panel = /** @type {HTMLElement} */ (root.querySelector('.panel'));
    const controls = [...root.querySelectorAll('button, a[href]')].map((el) => el.getAttribute('aria-label') ?? el.textContent ?? '');
    const rect = panel.getBoundingClientRect();
    return {
      mode: root.mode,
      role: panel.getAttribute('role'),
      label: panel.getAttribute('aria-label'),
      dir: panel.dir,
      message: root.querySelector('.message')?.textContent ?? '',
      status: root.querySelector('.status')?.textContent ?? '',
      controls,
      rect: { left: rect.left, top: rect.top, right: rect.right, bottom: rect.bottom, width: rect.width, height: rect.height },
      viewport: { width: document.documentElement.clientWidth, height: document.documentElement.clientHeight },
    };
  });
}

/**
 * A control of the notice by its visible text or accessible name.
 * @param {RootHandle} root
 * @param {string} name
 * @returns {Promise<ElementHandle>}
 */
export async function noticeControl(root, name) {
  const handle = await root.evaluateHandle((root, name) =>
    [...root.querySelectorAll('button, a')].find((el) => (el.getAttribute('aria-label') ?? el.textContent) === name) ?? null, name);
  const element = handle.asElement();
  if (!element) throw new Error(`the notice has no control named "${name}"`);
  return /** @type {ElementHandle} */ (element);
}
