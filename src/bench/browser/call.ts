/**
 * Typed calls into the benchmark's page bundle (src/bench/page/index.ts) from Node: the function's
 * name is checked against BenchApi, its arguments and its result typed.
 */
import { build, type BuildOptions } from 'esbuild';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import type { ExtensionBrowser } from '../../../test/harness/browsers.ts';
import { ROOT } from '../../../test/harness/root.ts';
import type { BenchApi, BenchGlobal } from '../page/api.ts';

export type BenchResult<K extends keyof BenchApi> = Awaited<ReturnType<BenchApi[K]>>;

/**
 * Calls `name` of the bundle already evaluated in `page`. Inside the page the call is untyped (the
 * function runs there, serialised); its name and arguments are checked here, at the call.
 */
export async function call<K extends keyof BenchApi>(page: Page, name: K, ...args: Parameters<BenchApi[K]>): Promise<BenchResult<K>> {
  const result: unknown = await page.evaluate(
    (fn: string, fnArgs: unknown[]) => {
      const api = (globalThis as BenchGlobal).dejaLuBench as unknown as Record<string, (...a: unknown[]) => unknown>;
      return api[fn]!(...fnArgs);
    },
    name,
    args,
  );
  return result as BenchResult<K>;
}

/** A page's caller: `bench('count')`. */
export type BenchCaller = <K extends keyof BenchApi>(name: K, ...args: Parameters<BenchApi[K]>) => Promise<BenchResult<K>>;

/** A script of the benchmark's own for a browser, built as the extension's are (minified, one classic script, same targets). */
export const BUNDLE_OPTIONS = {
  bundle: true, minify: true, format: 'iife', target: ['chrome120', 'firefox128'], legalComments: 'none', logLevel: 'warning',
} as const satisfies BuildOptions;

/**
 * The page bundle (the extension's own extraction, fingerprint and store code plus the seeding
 * helpers) as one classic script, in memory, built as the extension is built, to evaluate in a page.
 */
export async function benchBundle(): Promise<string> {
  const result = await build({
    ...BUNDLE_OPTIONS,
    // The repository's folder, not this module's: the benchmark runs bundled into dist/scripts.
    entryPoints: [join(ROOT, 'src', 'bench', 'page', 'index.ts')], write: false,
  });
  const file = result.outputFiles[0];
  if (!file) throw new Error('esbuild produced no bench bundle');
  return file.text;
}

/** Evaluates the bundle in `page` and returns a caller of its functions. */
export async function benchIn(page: Page, bundle: string): Promise<BenchCaller> {
  await page.evaluate(bundle);
  return (name, ...args) => call(page, name, ...args);
}

/**
 * Opens the bundle in an extension page (the extension's origin: its IndexedDB) and returns a
 * caller of its functions.
 */
export async function benchPage(browser: ExtensionBrowser, page: Page, bundle: string): Promise<BenchCaller> {
  await browser.driver.gotoExtensionPage(page, browser.extensionUrl('popup.html?tab=0'));
  return benchIn(page, bundle);
}
