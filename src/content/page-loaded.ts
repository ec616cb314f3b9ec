/**
 * The longest a content script waits for the page's load event (an image that never ends loading),
 * from its injection on, however many times it waits: content.js waits before loading its check
 * and the check waits again (each waited 3 s, the check came after 6).
 */
const LOAD_WAIT_MS = 3_000;
const injected = Date.now();
/** Then the longest it waits for the page's first idle moment. */
const IDLE_WAIT_MS = 1_000;
/** While the page loads, how often it looks whether it has loaded. */
const LOADING_CHECK_MS = 100;

/**
 * Resolves once the page has loaded and then been idle: document idle comes before the load event,
 * and the page's own loading, and the paints that follow it, go first (BENCHMARKS.md, "Cost to
 * page load"). Looked for from an idle moment, not with a listener of the load event: the event's
 * task, the page's own, then holds none of the extension's code (BENCHMARKS.md, "Link marks on a
 * front page").
 */
export const pageLoaded = (): Promise<unknown> => new Promise((go) => {
  const look = () => {
    if (document.readyState === 'complete' || Date.now() - injected >= LOAD_WAIT_MS) go(undefined);
    else setTimeout(idle, LOADING_CHECK_MS);
  };
  const idle = () => requestIdleCallback(look, { timeout: IDLE_WAIT_MS });
  idle();
});
