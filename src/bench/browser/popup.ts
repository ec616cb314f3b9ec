/** The popup's first render, timed in the page: when body[data-ready] was set. */
import type { ExtensionBrowser } from '../../../test/harness/browsers.ts';
import { poll } from '../../../test/harness/poll.ts';
import { PAGES, type RunningSites } from '../../../test/harness/sites.ts';
import { summarise } from '../stats.ts';
import type { PopupResult } from './results.ts';

export const POPUP_OPENS = 10;

type ReadyWindow = typeof globalThis & { readyAt?: number };

/**
 * Opens popup.html?tab=ID in a tab POPUP_OPENS times (after one untimed open) and reads, in the
 * page, when body[data-ready] was set: time from navigation start and from DOMContentLoaded.
 * ID is a tab showing a recorded article, so the popup renders a verdict as well as the history.
 */
export async function popupRender(browser: ExtensionBrowser, sites: RunningSites): Promise<Omit<PopupResult, 'stories'>> {
  const tab = await browser.visit(sites.url(PAGES.unrelated));
  try {
    const fromStart: number[] = [];
    const fromDcl: number[] = [];
    const toResponse: number[] = [];
    let stories = 0;
    for (let i = 0; i <= POPUP_OPENS; i++) {
      const page = await browser.browser.newPage();
      await page.evaluateOnNewDocument(() => {
        new MutationObserver((_, observer) => {
          if (document.body?.dataset.ready === 'true') {
            (window as ReadyWindow).readyAt = performance.now();
            observer.disconnect();
          }
        }).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-ready'] });
      });
      await page.goto(browser.extensionUrl(`popup.html?tab=${tab.tabId}`));
      const timing = await poll(() => page.evaluate(() => {
        const readyAt = (window as ReadyWindow).readyAt;
        if (readyAt === undefined) return null;
        const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
        const listed = document.getElementById('recent')?.childElementCount ?? 0;
        return { readyAt, dcl: nav.domContentLoadedEventStart, responseEnd: nav.responseEnd, stories: listed };
      }), { what: 'the popup to render', timeout: 15_000, interval: 20 });
      await page.close();
      if (i === 0) continue;
      fromStart.push(timing.readyAt);
      fromDcl.push(timing.readyAt - timing.dcl);
      toResponse.push(timing.responseEnd);
      stories = timing.stories;
    }
    return {
      fromNavigationStart: summarise(fromStart), fromDomContentLoaded: summarise(fromDcl),
      navigationToResponseEnd: summarise(toResponse), listed: stories,
    };
  } finally {
    await tab.page.close();
  }
}
