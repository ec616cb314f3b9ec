import { siteForUrl } from '../core/url.ts';
import type { Report, StorageProblem, TabVerdict, Verdict } from '../protocol.ts';
import type { HistoryDB } from '../history/schema.ts';
import { onSites, thresholdsFor, type Settings } from '../settings.ts';
import {
  clearHistory, deleteStory, exportHistory, forgetArticle, historyHealth, pruneHistory, pruneOldest, unlinkArticle,
} from '../history/commands.ts';
import { importHistory } from '../history/import-history.ts';
import { batchMarks } from '../history/link-marks.ts';
import { checkReport, recordReport } from '../history/record-report.ts';
import { badgeFor } from './badge.ts';
import type { Handlers, Sender } from './router.ts';
import { storiesPage } from '../history/stories.ts';

/** What the handlers need from the browser, passed in so tests can give fakes. */
export interface Deps {
  db: () => Promise<HistoryDB>;
  now: () => number;
  settings: () => Promise<Settings>;
  setBadge: (tabId: number, text: string, color?: string) => Promise<void>;
  saveVerdict: (tabId: number, verdict: TabVerdict) => Promise<void>;
  loadVerdict: (tabId: number) => Promise<TabVerdict | null>;
  /** A marked link's tooltip: "Read on HOST · 3 days ago" (lastSeen against now), in the browser's language. */
  markTitle: (host: string, lastSeen: number, now: number) => string;
  /** Small persisted values (when the history was last pruned, the last storage problem). */
  meta: { get: <T>(key: string, fallback: T) => Promise<T>; set: (key: string, value: unknown) => Promise<void> };
}

/** Share of the history, least recently read first, deleted when the disk is full. */
export const PRUNE_ON_FULL = 0.1;
/** The least time between two such prunes. */
export const PRUNE_INTERVAL = 86_400_000;

const isQuotaError = (error: unknown) => error instanceof Error && (error.name === 'QuotaExceededError' || /quota/i.test(error.message));

export const MAX_PAGE = 200;
const DAY = 86_400_000;

export function createHandlers(deps: Deps): Handlers {
  /** Runs a check or a record, unless settings say this page is not to be looked at. */
  async function handle(report: Report, sender: Sender, write: boolean): Promise<TabVerdict> {
    const settings = await deps.settings();
    const refusal = refuse(report, sender, settings);
    const found = refusal !== null
      ? notArticle(report.url, refusal)
      : await (write ? record : checkReport)(await deps.db(), report as Extract<Report, { article: true }>, deps.now(), thresholdsFor(settings));
    const tabId = sender.tab?.id ?? -1;
    const verdict: TabVerdict = { ...found, site: siteForUrl(report.url), updated: found.updated ?? (write ? await updateTold(tabId, found) : null) };
    await deps.saveVerdict(tabId, verdict);
    const badge = badgeFor(verdict);
    await deps.setBadge(tabId, badge.text, badge.color);
    if (write && refusal === null) await prune(settings);
    return verdict;
  }

  /**
   * The update this tab's check told, for its record: the same edition read in another tab first
   * is then no longer new to the history, yet this tab's notice still tells it, and so does its badge.
   */
  async function updateTold(tabId: number, found: Verdict): Promise<Verdict['updated']> {
    const told = await deps.loadVerdict(tabId);
    return told?.updated && told.url === found.url && found.kind !== 'not-article' ? told.updated : null;
  }

  /**
   * Records; when the disk is full, makes room by pruning the oldest readings and retries once.
   * A disk that stays full must not eat the history a tenth per page read: pruning happens at most
   * once per PRUNE_INTERVAL, and not again after a retry that still failed until a record succeeds.
   * The reader is told the total deleted since the first prune (options page, history health).
   */
  async function record(...args: Parameters<typeof recordReport>): Promise<Verdict> {
    try {
      const verdict = await recordReport(...args);
      await recovered();
      return verdict;
    } catch (error) {
      if (!isQuotaError(error)) throw error;
      const problem = await deps.meta.get<StorageProblem | null>('storageProblem', null);
      const now = deps.now();
      if (problem && (problem.stopped || now - problem.at < PRUNE_INTERVAL)) throw error;
      // The prune is noted before it is made: storage.local is on the same full disk, and a prune
      // whose note could not be kept would run again on the next page read, and the next.
      const before = problem?.pruned ?? 0;
      await deps.meta.set('storageProblem', { at: now, pruned: before, stopped: true } satisfies StorageProblem).catch(() => {
        throw error;
      });
      const pruned = before + await pruneOldest(args[0], PRUNE_ON_FULL);
      // Told before the retry: whatever happens next, the reader learns what was deleted.
      await deps.meta.set('storageProblem', { at: now, pruned, stopped: true } satisfies StorageProblem).catch(() => undefined);
      const verdict = await recordReport(...args);
      await deps.meta.set('storageProblem', { at: now, pruned, stopped: false } satisfies StorageProblem).catch(() => undefined);
      return verdict;
    }
  }

  /** A record went through: a stopped prune may run again when the disk next fills. */
  async function recovered(): Promise<void> {
    const problem = await deps.meta.get<StorageProblem | null>('storageProblem', null);
    if (problem?.stopped) await deps.meta.set('storageProblem', { ...problem, stopped: false });
  }

  async function prune(settings: Settings): Promise<void> {
    const now = deps.now();
    if (now - (await deps.meta.get('lastPrune', 0)) < DAY) return;
    await deps.meta.set('lastPrune', now);
    await pruneHistory(await deps.db(), now - settings.retentionDays * DAY);
  }

  /**
   * The tab's verdict and badge once its article has left its story: it now stands alone, as the
   * next check of the page would say (otherwise the popup and badge kept the old sightings).
   */
  async function standAlone(tabId: number, id: number): Promise<void> {
    const verdict = await deps.loadVerdict(tabId);
    if (verdict?.articleId !== id) return;
    // An update of the page itself stays one.
    const alone: TabVerdict = { ...verdict, kind: 'recorded', sightings: [], otherSites: 0, readParagraphs: [] };
    await deps.saveVerdict(tabId, alone);
    const badge = badgeFor(alone);
    await deps.setBadge(tabId, badge.text, badge.color);
  }

  return {
    'page/check': (report, sender) => handle(report, sender, false),
    'page/record': (report, sender) => handle(report, sender, true),
    'links/read': async (batch, sender) => {
      const settings = await deps.settings();
      if (!marksWanted(batch.page, sender, settings)) return [];
      const now = deps.now();
      const marks = await batchMarks(await deps.db(), batch);
      return marks.map(({ index, mark }) => ({ index, title: deps.markTitle(mark.host, mark.lastSeen, now) }));
    },
    'tab/verdict': ({ tabId }) => deps.loadVerdict(tabId),
    'history/stories': async (query) => storiesPage(await deps.db(), { ...query, limit: Math.min(query.limit, MAX_PAGE) }),
    'article/forget': async ({ id, url }) => forgetArticle(await deps.db(), id, url),
    'article/unlink': async ({ id, url, tabId }) => {
      const unlinked = await unlinkArticle(await deps.db(), id, url);
      if (unlinked && tabId !== undefined) await standAlone(tabId, id);
      return unlinked;
    },
    'story/delete': async ({ story }) => deleteStory(await deps.db(), story),
    'history/export': async () => exportHistory(await deps.db(), deps.now()),
    'history/import': async ({ file }) => importHistory(await deps.db(), file),
    'history/clear': async () => clearHistory(await deps.db()),
    'history/health': async () => ({
      ...(await historyHealth(await deps.db())),
      storageProblem: await deps.meta.get<StorageProblem | null>('storageProblem', null),
    }),
  };
}

/** Why a page is not looked at, or null when it is. */
function refuse(report: Report, sender: Sender, settings: Settings): string | null {
  if (!report.article) return report.reason;
  if (settings.paused) return 'paused';
  if (sender.tab?.incognito && !settings.recordPrivate) return 'private window: not recorded';
  if (onSites(report.url, settings.excludedSites)) return 'site excluded';
  if (report.words < settings.minWords) return `too short (${report.words} words)`;
  return null;
}

/** Whether a page's links are marked: the settings that stop a page being looked at stop its marks too. */
function marksWanted(page: string, sender: Sender, settings: Settings): boolean {
  if (!settings.linkMarks || settings.paused || onSites(page, settings.linkMarksOffSites) || onSites(page, settings.excludedSites)) return false;
  return !sender.tab?.incognito || settings.recordPrivate;
}

function notArticle(url: string, reason: string): Verdict {
  return { kind: 'not-article', url, title: '', sightings: [], partial: [], otherSites: 0, revisit: false, articleId: null, articleUrl: null, readParagraphs: [], updated: null, reason };
}
