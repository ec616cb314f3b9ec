/**
 * The content script's work, once the page has loaded (index.ts): extract the article and
 * fingerprint it (step by step, each step its own task), ask the background at once whether it is
 * a story already read (badge and notice), and record it once it has really been read. Never
 * throws into the page: failures are caught and logged.
 */
import type { Report, TabVerdict } from '../protocol.ts';
import { loadSettings, saveSettings, send } from '../platform/lean.ts';
import { t, uiLanguage } from '../platform/i18n.ts';
import { onSites, type Settings } from '../settings.ts';
import { extractSteps, toReport } from './extract.ts';
import { onAddressChange } from './navigation.ts';
import { pageLoaded } from './page-loaded.ts';
import { showNotice, type Notice } from './notice.ts';
import { whenRead } from './read-detector.ts';
import { runStepsInTasks } from './steps.ts';
import { highlightNew, type WhatsNew } from './whats-new.ts';

/** A single-page site rewrites its content after changing the address: give it time to settle. */
const SETTLE_MS = 1_200;

let current: AbortController | null = null;
let notice: Notice | null = null;
let whatsNew: WhatsNew | null = null;

async function check(): Promise<void> {
  current?.abort();
  const run = (current = new AbortController());
  clearPage();
  await pageLoaded();
  const settings = await loadSettings();
  if (settings.paused || onSites(location.href, settings.excludedSites)) return;
  const url = location.href;
  // Each step of the extraction in its own task: a long article never blocks the page for long.
  const report = toReport(url, await runStepsInTasks(extractSteps(document, url, settings.minWords)));
  if (run.signal.aborted) return;
  const verdict = await send('page/check', report);
  if (run.signal.aborted || !report.article) return;
  // A copy read on another site, or this page changed since it was read.
  if ((verdict.otherSites > 0 || verdict.updated) && settings.notice && !onSites(location.href, settings.noticeOffSites)) {
    notice = showNotice(verdict, noticeActions(report, verdict, settings), uiLanguage());
  }
  await whenRead(settings.readDelaySeconds, run.signal);
  if (!run.signal.aborted) await send('page/record', report);
}

function noticeActions(report: Extract<Report, { article: true }>, verdict: TabVerdict, settings: Settings) {
  return {
    toggleWhatsNew() {
      if (whatsNew) {
        whatsNew.undo();
        whatsNew = null;
        return '';
      }
      whatsNew = highlightNew(document, report.paragraphs, verdict.readParagraphs);
      return whatsNew.fresh === 0 ? t('nothingNew') : t('whatsNewCount', whatsNew.fresh, whatsNew.total);
    },
    // The page's site as the worker names it (siteForUrl): the content script has no Public Suffix List.
    offForSite: async () => void (await saveSettings({ noticeOffSites: [...settings.noticeOffSites, verdict.site] })),
    offEverywhere: async () => void (await saveSettings({ notice: false })),
  };
}

function clearPage(): void {
  whatsNew?.undo();
  whatsNew = null;
  notice?.remove();
  notice = null;
}

const report = (error: unknown) => console.debug('deja-lu: page not checked:', error);

/** Checks the page, and again each time a single-page site moves to another address. */
export function start(): void {
  check().catch(report);
  onAddressChange(() => setTimeout(() => void check().catch(report), SETTLE_MS));
}
