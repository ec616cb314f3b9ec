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
    // getURL a function too: `<form id="browser"><input name="runtime">` has a runtime with a string id.
    const runtime = (candidate as Browser | undefined)?.runtime;
    return typeof runtime?.id === 'string' && typeof runtime.getURL === 'function' ? (candidate as Browser) : undefined;
  } catch {
    return undefined;
  }
}

const missing = (): never => {
  throw new Error('No extension API in this context');
};

let api: Browser | undefined;

/**
 * The API, looked up on first use: the first look at the browser's extension namespace builds its
 * bindings in the page's process, milliseconds a content script would otherwise spend as it is
 * injected, before the page's load event (BENCHMARKS.md, "Cost to page load").
 */
export const extensionApi = (): Browser => (api ??= own(scope.browser) ?? own(scope.chrome) ?? missing());
