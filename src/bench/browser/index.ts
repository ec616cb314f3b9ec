/**
 * The in-browser half of the benchmark: the built extension in real Chromium.
 *
 *   node scripts/run-ts.mjs src/bench/browser/index.ts [CORPUS] [--json FILE] [--check | --check-stable] [--firefox]
 *     [--pages N] [--lookups N] [--sizes 1000,10000,100000] [--load-pages N] [--load-rounds N] [--marks-runs N]
 *     [--only page-load | --only marks]
 *
 * CORPUS defaults to ../shared/corpus; its pages are read by path and served from a local server
 * (never copied). The extension is the build in $DEJA_LU_DIST (default dist): build it first, e.g.
 * `DEJA_LU_DIST=dist-bench npm run build`. Prints a table, writes JSON (default
 * out/bench-browser.json); --check exits 1 when a budget is missed, --check-stable when a size or a
 * ratio is (time budgets flip with the machine's load: reported, held by --check only; CI).
 *
 * Phases, in one browser profile:
 *   1. corpus reports: every corpus page extracted and fingerprinted in a web page with the
 *      content script's own code (bundled from src/), for templates and timed look-ups;
 *   2. content script main-thread time on ~40 corpus pages and a generated 1 MB article, from a
 *      Chromium trace per page (trace.ts), and where the time goes on the largest pages (the
 *      extraction steps timed in the page);
 *   3. the history seeded in the extension's own IndexedDB from an extension tab (1k, 10k, 100k
 *      articles), look-up + record timed at each size with the background's recordReport, the
 *      popup's first render at 10k, storage (navigator.storage.estimate and the files on disk);
 *   4. after a browser restart on the same profile (usage recomputed from disk), the report round
 *      trip on a local site: navigation → content script → background → verdict and badge;
 *   5. the whole cost to page load: ~30 corpus pages loaded 3 times each in three other Chromiums,
 *      with and without the extension and with an empty content script, in turn (page-load.ts);
 *      --only page-load runs it alone;
 *   6. the link marks' main-thread cost on a generated front page of 1,000 links, 150 of them read
 *      (recorded in a fresh profile with the background's code), loaded 5 times under a trace, then
 *      250 links added as an infinite scroll does (marks.ts), each load in turn with one in a second
 *      Chromium whose marks.js is a script that marks the links and does nothing else; --only marks runs it alone.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { cpus } from 'node:os';
import { dirname, join } from 'node:path';
import { ROOT } from '../../../test/harness/root.ts';
import { benchBundle } from './call.ts';
import { load } from './disk.ts';
import { makeLog, parseOptions } from './options.ts';
import type { BrowserResults, CompleteResults } from './results.ts';
import { budgets } from './results.ts';
import { render, renderOnly } from './render.ts';
import { runChromium } from './run.ts';

// A bad command line throws here, before main(): exit code 1, as for any uncaught error (2 is a failed run).
const options = parseOptions(process.argv.slice(2), ROOT);
const log = makeLog();

async function main(): Promise<void> {
  const dist = join(options.distRoot, 'chrome');
  const results: BrowserResults = {
    date: new Date().toISOString(), node: process.version, cpus: `${cpus()[0]?.model ?? '?'} × ${cpus().length}`,
    corpus: options.corpusDir, dist, load: log.loadAt,
  };
  log.phase('setup');
  const bundle = await benchBundle();
  await runChromium(results, { options, log, bundle, dist });
  results.load.end = load();
  results.runtimeS = (Date.now() - log.started) / 1000;
  results.budgets = budgets(results, options.only);
  await mkdir(dirname(options.jsonPath), { recursive: true });
  await writeFile(options.jsonPath, `${JSON.stringify(results, null, 2)}\n`);
  console.log(options.only ? renderOnly(results) : render(results as CompleteResults));
  console.log(`\nJSON: ${options.jsonPath}`);
  const held = results.budgets.filter((b) => options.check || (options.checkStable && b.stable));
  if (held.some((b) => !b.pass)) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 2;
});
