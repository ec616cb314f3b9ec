/**
 * The browser's own extension API, promise-returning in both browsers under Manifest V3 (Firefox's
 * `browser`, Chromium's `chrome`), without webextension-polyfill: for the content scripts, whose
 * start every page pays (the polyfill was a sixth of content.js and most of marks.js, and the
 * costliest part of their start: BENCHMARKS.md, "Link marks on a front page"), and for what the
 * polyfill only passes through (i18n). Only what both browsers give alike is used through it.
 */
import type { Browser } from 'webextension-polyfill';

const scope = globalThis as { browser?: unknown; chrome?: unknown };

/**
 * `candidate` when it is the extension's API: a page's own names reach a content script's global
 * scope in Chromium, which has no `browser` there (an `<iframe name="browser">` is
 * `globalThis.browser`, a cross-origin one throwing on access), as webextension-polyfill knew.
 */
function own(candidate: unknown): Browser | undefined {
  try {
    return typeof (candidate as Browser | undefined)?.runtime?.id === 'string' ? (candidate as Browser) : undefined;
  } catch {
    return undefined;
  }
}

const missing = (): never => {
  throw new Error('No extension API in this context');
};

const api: Browser = own(scope.browser) ?? own(scope.chrome) ?? missing();

export default api;
