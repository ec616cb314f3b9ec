/**
 * Phase 4: the report round trip on the fixture sites at the full history, timed in the browser:
 * navigation → content script → background → verdict and badge.
 */
import type { ExtensionBrowser } from '../../../test/harness/browsers.ts';
import { PAGES, type RunningSites } from '../../../test/harness/sites.ts';
import { summarise } from '../stats.ts';
import type { BenchCaller } from './call.ts';
import type { RoundTripResult } from './results.ts';
import { clearVerdictEvents, verdictEvents, watchBadge } from './watchers.ts';

export const ROUND_TRIPS = 5;

interface Visit {
  responseEnd: number;
  dcl: number;
  verdictAt: number;
  recordedAt: number;
  badgeAt: number | null;
}

/**
 * A first reading (the original story, its records deleted before each run) and a copy of it on
 * another site (badge "1"). Times are the page's navigation timing and, in the extension's control
 * page, when the tab's verdict was stored (storage.session.onChanged) and when its badge changed
 * (getBadgeText polled every 2 ms); all on the Unix clock (performance.timeOrigin + now()).
 */
export async function roundTrip(browser: ExtensionBrowser, sites: RunningSites, bench: BenchCaller): Promise<RoundTripResult> {
  const original = sites.url(PAGES.original);
  const copy = sites.url(PAGES.abridged);
  const series: Record<keyof RoundTripResult, number[]> = {
    firstVerdictFromResponse: [], firstVerdictFromDcl: [], firstRecordedFromResponse: [], copyVerdictFromResponse: [],
    copyVerdictFromDcl: [], copyBadgeFromResponse: [], copyBadgeFromDcl: [],
  };
  for (let i = 0; i < ROUND_TRIPS; i++) {
    await bench('forgetPages', [original, copy]);
    const first = await timedVisit(browser, original, 'recorded', null);
    series.firstVerdictFromResponse.push(first.verdictAt - first.responseEnd);
    series.firstVerdictFromDcl.push(first.verdictAt - first.dcl);
    series.firstRecordedFromResponse.push(first.recordedAt - first.responseEnd);
    const second = await timedVisit(browser, copy, 'seen', '1');
    series.copyVerdictFromResponse.push(second.verdictAt - second.responseEnd);
    series.copyVerdictFromDcl.push(second.verdictAt - second.dcl);
    if (second.badgeAt !== null) {
      series.copyBadgeFromResponse.push(second.badgeAt - second.responseEnd);
      series.copyBadgeFromDcl.push(second.badgeAt - second.dcl);
    }
  }
  await bench('forgetPages', [original, copy]);
  const entries = Object.entries(series) as [keyof RoundTripResult, number[]][];
  return Object.fromEntries(entries.map(([k, v]) => [k, summarise(v)])) as RoundTripResult;
}

/**
 * @param kind  the verdict expected
 * @param badge  the badge expected, or null not to watch it
 */
async function timedVisit(browser: ExtensionBrowser, url: string, kind: 'recorded' | 'seen', badge: string | null): Promise<Visit> {
  const tab = await browser.openTab('about:blank');
  try {
    const key = `tab:${tab.tabId}`;
    await clearVerdictEvents(browser);
    const badgeAt = badge === null ? Promise.resolve(null) : watchBadge(browser, tab.tabId, badge, 20_000);
    await tab.page.goto(url);
    const events = (await verdictEvents(browser, url, 20_000)).filter((e) => e.key === key);
    const verdict = events.find((e) => e.kind === kind);
    if (!verdict) throw new Error(`${url}: expected a "${kind}" verdict, got ${events.map((e) => e.kind).join(', ')}`);
    const nav = await tab.page.evaluate(() => {
      const n = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
      return { responseEnd: performance.timeOrigin + n.responseEnd, dcl: performance.timeOrigin + n.domContentLoadedEventEnd };
    });
    return {
      ...nav, verdictAt: verdict.t, recordedAt: events.find((e) => e.articleId !== null)?.t ?? Number.NaN, badgeAt: await badgeAt,
    };
  } finally {
    await tab.page.close();
  }
}
