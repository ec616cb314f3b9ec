/** The longest a content script waits for the page's load event (an image that never ends loading). */
const LOAD_WAIT_MS = 3_000;
/** Then the longest it waits for the page's first idle moment. */
const IDLE_WAIT_MS = 1_000;

/**
 * Resolves once the page has loaded and then been idle: document idle comes before the load event,
 * and the page's own loading, and the paints that follow it, go first (BENCHMARKS.md, "Cost to
 * page load").
 */
export const pageLoaded = (): Promise<unknown> => new Promise((go) => {
  const idle = () => requestIdleCallback(go, { timeout: IDLE_WAIT_MS });
  if (document.readyState === 'complete') idle();
  else {
    addEventListener('load', idle);
    setTimeout(idle, LOAD_WAIT_MS);
  }
});
