/**
 * Waiting for browser state by polling: the extension works asynchronously (the content script
 * runs at document idle, the worker wakes on demand) and exposes no event to the test, so every
 * wait asks again and again, within a bound, and says what it waited for when it gives up.
 */

export interface PollOptions {
  what: string;
  timeout?: number;
  interval?: number;
}

/**
 * Calls `check` until it returns something other than `undefined`, `null` or `false`, and returns
 * that. An error thrown by `check` counts as "not yet" (a page still navigating, a worker
 * starting) and is reported if time runs out.
 */
export async function poll<T>(
  check: () => Promise<T | undefined | null | false> | T | undefined | null | false,
  { what, timeout = 10_000, interval = 50 }: PollOptions,
): Promise<T> {
  const deadline = Date.now() + timeout;
  let lastError: unknown;
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

export const sleep = (ms: number): Promise<void> => new Promise((done) => setTimeout(done, ms));

/** Rejects if `promise` has not settled within `ms`. */
export function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, fail) => {
    timer = setTimeout(() => fail(new Error(`timed out after ${ms} ms waiting for ${what}`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
