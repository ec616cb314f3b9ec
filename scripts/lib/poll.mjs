// @ts-check
/**
 * Waiting for browser state by polling: the extension works asynchronously (the content script
 * runs at document idle, the worker wakes on demand) and exposes no event to the test, so every
 * wait asks again and again, within a bound, and says what it waited for when it gives up.
 */

/**
 * Calls `check` until it returns something other than `undefined`, `null` or `false`, and returns
 * that. An error thrown by `check` counts as "not yet" (a page still navigating, a worker
 * starting) and is reported if time runs out.
 * @template T
 * @param {() => Promise<T | undefined | null | false> | T | undefined | null | false} check
 * @param {{ what: string, timeout?: number, interval?: number }} options
 * @returns {Promise<T>}
 */
export async function poll(check, { what, timeout = 10_000, interval = 50 }) {
  const deadline = Date.now() + timeout;
  /** @type {unknown} */
  let lastError;
  for (;;) {
    try {
      const value = await check();
      if (value !== undefined && value !== null && value !== false) return value;
      lastError = undefined;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() >= deadline) {
      const cause = lastError === undefined ? '' : ` (last error: ${lastError instanceof Error ? lastError.message : String(lastError)})`;
      throw new Error(`timed out after ${timeout} ms waiting for ${what}${cause}`);
    }
    await sleep(interval);
  }
}

/** @param {number} ms */
export const sleep = (ms) => new Promise((done) => setTimeout(done, ms));

/**
 * Rejects if `promise` has not settled within `ms`.
 * @template T
 * @param {Promise<T>} promise
 * @param {number} ms
 * @param {string} what
 * @returns {Promise<T>}
 */
export function withTimeout(promise, ms, what) {
  /** @type {NodeJS.Timeout | undefined} */
  let timer;
  const timeout = new Promise((_, fail) => {
    timer = setTimeout(() => fail(new Error(`timed out after ${ms} ms waiting for ${what}`)), ms);
  });
  return /** @type {Promise<T>} */ (Promise.race([promise, timeout]).finally(() => clearTimeout(timer)));
}
