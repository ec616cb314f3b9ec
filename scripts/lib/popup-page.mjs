// @ts-check
/**
 * What the extension's popup shows, read from its DOM: the one place that knows the popup's
 * element ids (#verdict-summary, #sightings, #partial, #recent).
 */

/**
 * One entry of a list: its link, the texts of its `.meta` line (host, time, share…) and all its text.
 * @typedef {{ title: string, href: string | null, meta: string[], text: string }} PopupItem
 */
/** @typedef {{ summary: string, sightings: PopupItem[], partial: PopupItem[], recent: PopupItem[] }} PopupContents */

/**
 * @param {import('puppeteer-core').Page} page  a rendered popup (body[data-ready="true"])
 * @returns {Promise<PopupContents>}
 */
export function readPopup(page) {
  return page.evaluate(() => {
    /** @param {string} id */
    const items = (id) => [...document.querySelectorAll(`#${id} > li`)].map((li) => ({
      title: li.querySelector('a')?.textContent ?? '',
      href: li.querySelector('a')?.getAttribute('href') ?? null,
      meta: [...li.querySelectorAll(':scope > .meta > span')].map((span) => span.textContent ?? ''),
      text: li.textContent ?? '',
    }));
    return {
      summary: document.getElementById('verdict-summary')?.textContent ?? '',
      sightings: items('sightings'),
      partial: items('partial'),
      recent: items('recent'),
    };
  });
}
