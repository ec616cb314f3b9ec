/**
 * The content scripts' way to the extension's API (src/platform/lean.ts, native.ts) looks the API
 * up on first use, not as the script is injected: that look builds the browser's bindings, which
 * would otherwise cost each page milliseconds before its load event.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';

const scope = globalThis as { chrome?: unknown; browser?: unknown };

/** A stand-in `chrome` that counts each look at `runtime`. */
function fakeChrome() {
  const looks = { runtime: 0 };
  const stored: Record<string, unknown> = {};
  const runtime = { id: 'abc', getURL: (path: string) => `chrome-extension://abc/${path}`, sendMessage: vi.fn(async () => ({ ok: true, value: 'answer' })) };
  const chrome = {
    get runtime() {
      looks.runtime++;
      return runtime;
    },
    storage: {
      local: { get: vi.fn(async (key: string) => ({ [key]: stored[key] })), set: vi.fn(async (items: Record<string, unknown>) => void Object.assign(stored, items)) },
      onChanged: { addListener: vi.fn() },
    },
  };
  return { chrome, looks, runtime };
}

afterEach(() => {
  delete scope.chrome;
  delete scope.browser;
  vi.resetModules();
});

describe('the content scripts\' extension API', () => {
  it('is not looked at when the module is loaded, only when first used, and then once', async () => {
    const fake = fakeChrome();
    scope.chrome = fake.chrome;
    const lean = await import('../../src/platform/lean.ts');
    expect(fake.looks.runtime).toBe(0);
    expect(fake.chrome.storage.local.get).not.toHaveBeenCalled();

    const batch = { page: 'https://example.com/', base: 'https://example.com/', hrefs: ['/a'], texts: ['A'] };
    await expect(lean.send('links/read', batch)).resolves.toBe('answer');
    expect(fake.runtime.sendMessage).toHaveBeenCalledWith({ app: 'deja-lu', type: 'links/read', payload: batch });
    const afterFirst = fake.looks.runtime;
    expect(afterFirst).toBeGreaterThan(0);
    await lean.send('links/read', batch);
    expect(fake.looks.runtime).toBe(afterFirst);
  });

  it('reads and saves the settings through storage.local, and tells of their changes', async () => {
    const fake = fakeChrome();
    scope.chrome = fake.chrome;
    const lean = await import('../../src/platform/lean.ts');
    expect((await lean.saveSettings({ linkMarks: false })).linkMarks).toBe(false);
    expect((await lean.loadSettings()).linkMarks).toBe(false);
    const listener = vi.fn();
    lean.onSettingsChanged(listener);
    expect(fake.chrome.storage.onChanged.addListener).toHaveBeenCalledTimes(1);
  });

  it('passes over a page\'s element named "browser" whose field is named "runtime" (its id a string)', async () => {
    const fake = fakeChrome();
    scope.chrome = fake.chrome;
    // What Chromium's isolated world sees of <form id="browser"><input name="runtime"></form>.
    scope.browser = { runtime: { id: '', name: 'runtime' } };
    const lean = await import('../../src/platform/lean.ts');
    await expect(lean.send('links/read', { page: 'https://example.com/', base: 'https://example.com/', hrefs: [], texts: [] })).resolves.toBe('answer');
    expect(fake.runtime.sendMessage).toHaveBeenCalledTimes(1);
  });

  it('fails with a clear error where there is no extension API, when first used', async () => {
    const lean = await import('../../src/platform/lean.ts');
    await expect(lean.loadSettings()).rejects.toThrow('No extension API in this context');
  });
});
