/** The longest a content script waits for the page's load event (an image that never ends loading). */
const LOAD_WAIT_MS = 3_000;

/**
 * Resolves once the page has loaded: document idle comes before the load event, and the page's
 * own loading goes first (BENCHMARKS.md, "Cost to page load").
 */
export async function pageLoaded(): Promise<void> {
  if (document.readyState !== 'complete') {
    await new Promise((loaded) => {
      addEventListener('load', loaded);
      setTimeout(loaded, LOAD_WAIT_MS);
    });
  }
}
