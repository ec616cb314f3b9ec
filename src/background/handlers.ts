import { DEFAULT_THRESHOLDS, type Thresholds } from '../core/index.ts';
import type { Verdict } from '../messages.ts';
import type { HistoryDB } from '../platform/database.ts';
import { recentArticles } from './history.ts';
import { recordReport } from './record-report.ts';
import type { Handlers } from './router.ts';

/** What the handlers need from the browser, passed in so tests can give fakes. */
export interface Deps {
  db: () => Promise<HistoryDB>;
  now: () => number;
  setBadge: (tabId: number, text: string) => Promise<void>;
  saveVerdict: (tabId: number, verdict: Verdict) => Promise<void>;
  loadVerdict: (tabId: number) => Promise<Verdict | null>;
  thresholds?: () => Promise<Thresholds>;
}

export const MAX_RECENT = 500;

export function createHandlers(deps: Deps): Handlers {
  return {
    async 'page/report'(report, sender) {
      const tabId = sender.tab?.id ?? -1;
      let verdict: Verdict;
      if (sender.tab?.incognito) {
        verdict = notArticle(report.url, 'private window: not recorded');
      } else if (!report.article) {
        verdict = notArticle(report.url, report.reason);
      } else {
        const thresholds = (await deps.thresholds?.()) ?? DEFAULT_THRESHOLDS;
        verdict = await recordReport(await deps.db(), report, deps.now(), thresholds);
      }
      await deps.saveVerdict(tabId, verdict);
      await deps.setBadge(tabId, verdict.otherSites > 0 ? String(verdict.otherSites) : '');
      return verdict;
    },
    'tab/verdict': ({ tabId }) => deps.loadVerdict(tabId),
    async 'history/recent'({ limit }) {
      return recentArticles(await deps.db(), Math.min(limit, MAX_RECENT));
    },
  };
}

function notArticle(url: string, reason: string): Verdict {
  return { kind: 'not-article', url, title: '', sightings: [], partial: [], otherSites: 0, revisit: false, reason };
}
