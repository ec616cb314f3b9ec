// Chromium's own checks of dist/chrome, read where a developer sees them: chrome://extensions in
// developer mode lists per extension its install warnings (e.g. "Unrecognized manifest key"), its
// manifest errors and the errors its pages and worker threw. dist/chrome must have none. A broken
// copy, loaded beside it, shows that the page reports such problems (outside developer mode it
// reports none at all).
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIST, launchBrowser, type ExtensionBrowser } from '../harness/browsers.ts';
import { poll } from '../harness/poll.ts';

interface Problems { installWarnings: string[]; manifestErrors: string[]; runtimeErrors: string[] }

/** What chrome://extensions reports for the extension, through the page's own API. */
async function problems(browser: Browser, id: string): Promise<Problems> {
  const page = await browser.newPage();
  try {
    await page.goto('chrome://extensions');
    return await page.evaluate(async (id) => {
      // chrome.developerPrivate exists on chrome://extensions only, hence no type for it.
      const api = (globalThis as any).chrome.developerPrivate;
      const info = await api.getExtensionInfo(id);
      const messages = (list: { message: string }[]) => list.map((item) => item.message);
      return { installWarnings: info.installWarnings, manifestErrors: messages(info.manifestErrors), runtimeErrors: messages(info.runtimeErrors) };
    }, id);
  } finally {
    await page.close();
  }
}

/** dist/chrome with a key Chrome does not know and a worker that throws as it starts. */
async function brokenCopy(folder: string): Promise<string> {
  const copy = join(folder, 'broken');
  await cp(DIST.chromium, copy, { recursive: true });
  const manifest = JSON.parse(await readFile(join(copy, 'manifest.json'), 'utf8'));
  await writeFile(join(copy, 'manifest.json'), JSON.stringify({ ...manifest, deja_lu_unknown_key: true }));
  await writeFile(join(copy, 'background.js'), 'throw new Error("deliberately broken worker");\n');
  return copy;
}

describe('dist/chrome on chrome://extensions', () => {
  let folder = '';
  let extension: ExtensionBrowser;

  beforeAll(async () => {
    folder = await mkdtemp(join(tmpdir(), 'deja-lu-chrome-manifest-'));
    const profile = join(folder, 'profile');
    // Developer mode from the start, so that the page keeps every error from the first load on.
    await mkdir(join(profile, 'Default'), { recursive: true });
    await writeFile(join(profile, 'Default', 'Preferences'), JSON.stringify({ extensions: { ui: { developer_mode: true } } }));
    // Launching waits until the popup has had its answer from the worker: both have run.
    extension = await launchBrowser('chromium', { userDataDir: profile });
  });
  afterAll(async () => {
    await extension?.close();
    await rm(folder, { recursive: true, force: true });
  });

  it('reports problems with a broken copy', async () => {
    const id = await extension.browser.installExtension(await brokenCopy(folder));
    const found = await poll(async () => {
      const seen = await problems(extension.browser, id);
      return seen.runtimeErrors.length > 0 && seen;
    }, { what: "the broken copy's errors on chrome://extensions", timeout: 10_000 });
    expect([...found.installWarnings, ...found.manifestErrors]).toContain("Unrecognized manifest key 'deja_lu_unknown_key'.");
    expect(found.runtimeErrors).toContain('Uncaught Error: deliberately broken worker');
  });

  it('reports none with dist/chrome, after its popup and options pages have run', async () => {
    const options = await extension.browser.newPage();
    await options.goto(extension.extensionUrl('options.html'));
    await poll(() => options.evaluate(() => document.body.dataset.ready === 'true'), { what: 'the options page to be ready', timeout: 10_000 });
    await options.close();
    const id = new URL(extension.extensionUrl('')).host;
    expect(await problems(extension.browser, id)).toEqual({ installWarnings: [], manifestErrors: [], runtimeErrors: [] });
  });
});
