/**
 * Watching the extension from its control page: a log of the verdicts the background stores per
 * tab (storage.session, written just before the badge is set) and a badge watcher; both timestamp
 * on the Unix clock (performance.timeOrigin + now()), comparable with a web page's navigation timing.
 */
import type { ExtensionBrowser } from '../../../test/harness/browsers.ts';
import { poll } from '../../../test/harness/poll.ts';

export interface VerdictEvent {
  key: string;
  t: number;
  kind: string;
  url: string;
  articleId: number | null;
  reason?: string | undefined;
}

interface StoredVerdict {
  kind: string;
  url: string;
  articleId: number | null;
  reason?: string;
}

/** The few extension APIs the control page uses here (Chromium's `chrome`). */
interface ChromeApis {
  storage: {
    local: { set(items: Record<string, unknown>): Promise<void> };
    session: { onChanged: { addListener(listener: (changes: Record<string, { newValue?: StoredVerdict }>) => void): void } };
  };
  action: { getBadgeText(details: { tabId: number }): Promise<string> };
}

type ControlWindow = typeof globalThis & {
  chrome: ChromeApis;
  verdictEvents?: VerdictEvent[];
  watchBadge?: (tabId: number, expected: string, timeout: number) => Promise<number | null>;
};

/** Verdicts as soon as a page is read: the read delay off. */
export const noReadDelay = (browser: ExtensionBrowser): Promise<void> =>
  browser.control.evaluate(() => (globalThis as ControlWindow).chrome.storage.local.set({ settings: { readDelaySeconds: 0 } }));

export async function installWatchers(browser: ExtensionBrowser): Promise<void> {
  await browser.control.evaluate(() => {
    const w = globalThis as ControlWindow;
    if (w.verdictEvents) return;
    const events: VerdictEvent[] = [];
    w.verdictEvents = events;
    w.chrome.storage.session.onChanged.addListener((changes) => {
      const t = performance.timeOrigin + performance.now();
      for (const [key, change] of Object.entries(changes)) {
        const v = change.newValue;
        if (v) events.push({ key, t, kind: v.kind, url: v.url, articleId: v.articleId, reason: v.reason });
      }
    });
    w.watchBadge = async (tabId, expected, timeout) => {
      const end = performance.now() + timeout;
      while (performance.now() < end) {
        if ((await w.chrome.action.getBadgeText({ tabId })) === expected) return performance.timeOrigin + performance.now();
        await new Promise((done) => setTimeout(done, 2));
      }
      return null;
    };
  });
}

export const clearVerdictEvents = (browser: ExtensionBrowser): Promise<void> =>
  browser.control.evaluate(() => void ((globalThis as ControlWindow).verdictEvents ?? []).splice(0));

/** When the badge of `tabId` shows `expected` (Unix ms), or null after `timeout`. */
export const watchBadge = (browser: ExtensionBrowser, tabId: number, expected: string, timeout: number): Promise<number | null> =>
  browser.control.evaluate(
    (id, text, ms) => (globalThis as ControlWindow).watchBadge?.(id, text, ms) ?? null,
    tabId, expected, timeout,
  );

/** The verdicts stored for `url`, once the page is done with: recorded, or judged not an article. */
export function verdictEvents(browser: ExtensionBrowser, url: string, timeout: number): Promise<VerdictEvent[]> {
  return poll(() => browser.control.evaluate((pageUrl) => {
    const mine = ((globalThis as ControlWindow).verdictEvents ?? []).filter((e) => e.url === pageUrl);
    return mine.some((e) => e.articleId !== null || e.kind === 'not-article') ? mine : null;
  }, url), { what: `the extension to record ${url}`, timeout, interval: 20 });
}
