// When the content scripts start: once the page has loaded and been idle, or at the latest a few seconds in.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { pageLoaded } from '../../src/content/page-loaded.ts';

let readyState: DocumentReadyState;
let idleCalls: number;
let loadListeners: number;

beforeEach(() => {
  vi.useFakeTimers();
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

  it('goes on after 3 s on a page that never ends loading', async () => {
    const loaded = pageLoaded();
    expect(await settledAfter(loaded, 2_900)).toBe(false);
    expect(await settledAfter(loaded, 300)).toBe(true);
    expect(readyState).toBe('loading');
  });
});
