// When the content scripts start: once the page has loaded and been idle, or at the latest a few seconds in.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

/** Imported anew for each test, after the clock is faked: the 3 s count from the module's evaluation. */
let pageLoaded: () => Promise<unknown>;

let readyState: DocumentReadyState;
let idleCalls: number;
let loadListeners: number;

beforeEach(async () => {
  vi.useFakeTimers();
  vi.resetModules();
  ({ pageLoaded } = await import('../../src/content/page-loaded.ts'));
  readyState = 'loading';
  idleCalls = 0;
  loadListeners = 0;
  vi.stubGlobal('document', { get readyState() { return readyState; } });
  vi.stubGlobal('addEventListener', () => loadListeners++);
  // An idle moment 20 ms on, as a page that is not busy gives one.
  vi.stubGlobal('requestIdleCallback', (callback: () => void) => {
    idleCalls++;
    return setTimeout(callback, 20);
  });
});

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

/** Whether pageLoaded() has resolved once `ms` have passed. */
async function settledAfter(promise: Promise<unknown>, ms: number): Promise<boolean> {
  let done = false;
  void promise.then(() => (done = true));
  await vi.advanceTimersByTimeAsync(ms);
  return done;
}

describe('pageLoaded', () => {
  it('resolves at the first idle moment on a page already loaded', async () => {
    readyState = 'complete';
    expect(await settledAfter(pageLoaded(), 25)).toBe(true);
    expect(idleCalls).toBe(1);
  });

  it('waits while the page loads, then resolves at an idle moment after it has, without a listener of the load event', async () => {
    const loaded = pageLoaded();
    expect(await settledAfter(loaded, 1_000)).toBe(false);
    readyState = 'interactive';
    expect(await settledAfter(loaded, 500)).toBe(false);
    readyState = 'complete';
    expect(await settledAfter(loaded, 150)).toBe(true);
    expect(loadListeners).toBe(0);
  });

  it('counts the 3 s from the script\'s injection, not from each wait', async () => {
    expect(await settledAfter(pageLoaded(), 3_200)).toBe(true);
    // A second wait (the check after the loader's) goes on at the next idle moment, not 3 s later.
    expect(await settledAfter(pageLoaded(), 150)).toBe(true);
  });

  it('goes on after 3 s on a page that never ends loading', async () => {
    const loaded = pageLoaded();
    expect(await settledAfter(loaded, 2_900)).toBe(false);
    expect(await settledAfter(loaded, 300)).toBe(true);
    expect(readyState).toBe('loading');
  });
});
