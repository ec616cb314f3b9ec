/**
 * Watches a web page for anything the extension might do to it: errors that reach the page or the
 * browser's log, messages the content script logs, and every change to the DOM once it is parsed.
 * The watcher is installed before any script of the page runs (a preload script, in the page's
 * own world) and keeps its own references, so a page that replaces built-ins does not blind it.
 */
import type { Page } from 'puppeteer-core';

/**
 * Runs before the page's scripts. Mutations are recorded from DOMContentLoaded on: content scripts
 * run at document_idle, after it, so every change they make is seen, while the parser's own
 * insertions (200,000 of them on one page) are not. Written as a string, so what runs in the page
 * is exactly this and uses no helper of the test's build.
 */
const PRELOAD = `(() => {
  const Observer = MutationObserver;
  const ErrorEventType = ErrorEvent;
  const clock = performance;
  const state = { errors: [], mutations: [], domReadyAt: null };
  Object.defineProperty(window, '__dejaLuWatch', { value: state });
  const add = (list, item) => { list[list.length] = item; };
  const names = (nodes) => { let s = ''; for (let i = 0; i < nodes.length; i++) s += (i ? ',' : '') + nodes[i].nodeName; return s; };
  window.addEventListener('error', (e) => { if (e instanceof ErrorEventType) add(state.errors, 'error: ' + e.message); });
  window.addEventListener('unhandledrejection', (e) => add(state.errors, 'unhandled rejection: ' + String(e.reason)));
  document.addEventListener('DOMContentLoaded', () => {
    state.domReadyAt = clock.timeOrigin + clock.now();
    new Observer((records) => {
      for (let i = 0; i < records.length; i++) {
        const r = records[i];
        add(state.mutations, r.type + ' on ' + r.target.nodeName + (r.attributeName ? ' @' + r.attributeName : '')
          + (r.addedNodes.length ? ' +' + names(r.addedNodes) : '') + (r.removedNodes.length ? ' -' + names(r.removedNodes) : ''));
      }
    }).observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
  }, { capture: true, once: true });
})();`;

export interface PageState {
  /** Errors the page's own window.onerror / unhandledrejection saw. */
  errors: string[];
  /** DOM changes after DOMContentLoaded, as "childList on BODY +DEJA-LU-NOTICE". */
  mutations: string[];
  /** When DOMContentLoaded fired, in ms since the epoch (the test's clock is the same machine's). */
  domReadyAt: number | null;
  /** Notice hosts in the document. */
  notices: number;
  /** What a payload would have set, were it ever run in the page. */
  pwned: unknown;
  /** Set by a page's spy on attachShadow, were the notice's shadow root made in the page's world. */
  stolenShadowRoot: unknown;
  /** Whether the page can reach the notice's shadow root (it must not: it is closed). */
  noticeShadowVisible: boolean;
}

/**
 * What browsers themselves report about a page, not errors of the extension: Firefox reports a
 * page without a declared character encoding (the binary page) as an error.
 */
const BROWSER_REPORTS = [/character encoding of the (HTML )?document was not declared/i];

export interface PageWatch {
  /** Uncaught errors and rejections the browser reported for the page (content scripts included). */
  pageErrors: string[];
  /** Console messages that name the extension (its content script logs with "deja-lu:"). */
  extensionLogs: string[];
  read: () => Promise<PageState>;
}

/** Starts watching `page`; call before it navigates. */
export async function watchPage(page: Page): Promise<PageWatch> {
  const pageErrors: string[] = [];
  const extensionLogs: string[] = [];
  page.on('pageerror', (error) => {
    const message = error instanceof Error ? error.message : String(error);
    if (!BROWSER_REPORTS.some((report) => report.test(message))) pageErrors.push(message);
  });
  page.on('console', (message) => {
    if (/deja.?lu/i.test(message.text())) extensionLogs.push(`${message.type()}: ${message.text()}`);
  });
  await page.evaluateOnNewDocument(PRELOAD);
  return { pageErrors, extensionLogs, read: () => readState(page) };
}

function readState(page: Page): Promise<PageState> {
  // No Array or Document method here: one of the pages has replaced them.
  return page.evaluate(`(() => {
    const state = window.__dejaLuWatch ?? { errors: ['the watcher did not run'], mutations: [] };
    const notices = document.documentElement.getElementsByTagName('deja-lu-notice');
    return {
      errors: state.errors,
      mutations: state.mutations,
      domReadyAt: state.domReadyAt,
      notices: notices.length,
      pwned: window.__pwned ?? null,
      stolenShadowRoot: window.__stolenShadowRoot ?? null,
      noticeShadowVisible: notices.length > 0 && notices[0].shadowRoot !== null,
    };
  })()`) as Promise<PageState>;
}
