/**
 * `npm run bench [-- CORPUS] [-- --check]`: the Node part of the benchmark. Times each per-page
 * stage on the corpus, the history store at 1k / 10k / 100k articles, and the bytes each article
 * costs; prints a table, writes out/bench.json and the figures block of BENCHMARKS.md; with
 * --check, exits non-zero when a budget is missed.
 *   CORPUS          the corpus folder (default ../shared/corpus from the project root)
 *   --check         exit 1 when a budget is missed
 *   --check-stable  exit 1 when a size or ratio budget is missed; time budgets reported only (CI)
 *   --clock cpu     time with the process's CPU time instead of elapsed time (for a busy machine)
 *   --reps N        timings per page (default 3)     --passes N   look-ups per article and size (2)
 *   --sizes A,B,C   stored articles (1000,10000,100000)   --history-at N   history list size (10000)
 */
import 'fake-indexeddb/auto';
import { mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { parseHtmlDocument } from '../cli/parse-html.ts';
import { siteRowBytes, storedBytes, type IndexSpec } from './bytes.ts';
import { summariseBytes } from './bytes-summary.ts';
import { allPass, checkBudgets } from './budgets.ts';
import { loadBenchPages, type LoadedPage } from './corpus.ts';
import { replaceBetweenMarkers } from './format.ts';
import { isClockKind, useClock, type ClockKind } from './clock.ts';
import { machine } from './machine.ts';
import { benchPages } from './pages.ts';
import { renderMarkdown, renderText } from './report.ts';
import { growth, pageStats, type BenchResults } from './results.ts';
import { summarise } from './stats.ts';
import { SPACING, START, benchStore, recordCorpus } from './store.ts';
import { Synthesiser, templateOfRecord } from './synthetic.ts';
import type { HistoryDB } from '../history/schema.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

async function main(argv: string[]): Promise<number> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      check: { type: 'boolean', default: false },
      'check-stable': { type: 'boolean', default: false },
      reps: { type: 'string', default: '3' },
      passes: { type: 'string', default: '2' },
      sizes: { type: 'string', default: '1000,10000,100000' },
      'history-at': { type: 'string', default: '10000' },
      clock: { type: 'string', default: 'wall' },
    },
  });
  const started = performance.now();
  const date = new Date().toISOString();
  const host = machine();
  const reps = positiveInt(values.reps, '--reps');
  const passes = positiveInt(values.passes, '--passes');
  const sizes = values.sizes.split(',').map((s) => positiveInt(s.trim(), '--sizes'));
  const historyAt = positiveInt(values['history-at'], '--history-at');
  if (!isClockKind(values.clock)) throw new Error(`--clock wants wall or cpu, not "${values.clock}"`);
  useClock(values.clock);
  const corpusDir = positionals[0] ? resolve(process.cwd(), positionals[0]) : resolve(root, '../shared/corpus');

  const pages = await loadBenchPages(corpusDir);
  log(`corpus: ${pages.length} pages; timing each ${reps} times`);
  const timed = benchPages(pages, reps, (done) => {
    if (done % 50 === 0 || done === pages.length) log(`  pages ${done}/${pages.length}`);
  });
  gc();

  const { db: corpusDb, records } = await recordCorpus(timed.reports);
  const indexes = indexSpecs(corpusDb);
  const synthetic = new Synthesiser(records.map(templateOfRecord), { start: START, spacing: SPACING }, 7).records(1, 1000);
  // Postings rows are shared by more articles as the history grows: counted at its largest size.
  const largest = Math.max(...sizes);
  const meanKeys = records.reduce((sum, r) => sum + r.keys.length, 0) / records.length;
  // One row per site: the seeded histories draw their sites from the corpus records' sites.
  const [siteKeys, siteRows] = await Promise.all([corpusDb.getAllKeys('sites'), corpusDb.getAll('sites')]);
  const siteShare = siteKeys.reduce((sum, site, i) => sum + siteRowBytes(site, siteRows[i]), 0) / largest;
  const bytes = summariseBytes(
    records.map((r) => storedBytes(r, indexes, largest, meanKeys, siteShare)),
    synthetic.map((r) => storedBytes(r, indexes, largest, meanKeys, siteShare)),
  );
  corpusDb.close();

  log(`store: look-up + record of ${timed.reports.length} articles × ${passes} passes at ${sizes.join(', ')} stored`);
  const store = await benchStore(timed.reports, records, {
    sizes, passes, historyAt, historyLimit: 30, historyRuns: 100, onProgress: (m) => log(`  ${m}`),
  });
  gc();

  const lookup = store.sizes.map((s) => ({
    articles: s.articles, seedMs: s.seedMs, seen: s.seen, sameSite: s.sameSite, latency: summarise(s.samples),
  }));
  const stats = pageStats(timed.timings);
  const contentScript = await fileSize(join(root, 'dist/chrome/content.js'));
  const marksScript = await fileSize(join(root, 'dist/chrome/marks.js'));
  const budgets = checkBudgets({
    fingerprintMsPer1000Words: stats.fingerprint.msPer1000Words,
    bytesPerArticle: bytes.total.mean,
    workRatio: stats.work.ratio,
    contentScriptBytes: contentScript.bytes,
    marksScriptBytes: marksScript.bytes,
  });

  const results: BenchResults = {
    command: ['npm run bench', ...(argv.length ? ['--', ...argv] : [])].join(' '),
    date,
    durationS: (performance.now() - started) / 1000,
    machine: host,
    clock: values.clock,
    corpus: { dir: relative(root, corpusDir) || '.', pages: pages.length, placeholderUrls: pages.filter((p) => p.synthetic).length, reps },
    pages: stats,
    lookup,
    lookupGrowth: growth(lookup),
    history: store.history ? { articles: store.history.articles, limit: store.history.limit, latency: summarise(store.history.samples) } : null,
    bytes,
    contentScript: { path: 'dist/chrome/content.js', ...contentScript },
    marksScript: { path: 'dist/chrome/marks.js', ...marksScript },
    budgets,
    notes: notes(host, pages, values.clock),
    failures: timed.failures,
    perPage: timed.timings,
  };

  console.log(renderText(results));
  await mkdir(join(root, 'out'), { recursive: true });
  await writeFile(join(root, 'out/bench.json'), `${JSON.stringify(results, null, 2)}\n`);
  const benchmarks = join(root, 'BENCHMARKS.md');
  const existing = await readFile(benchmarks, 'utf8').catch(() => null);
  await writeFile(benchmarks, replaceBetweenMarkers(existing, renderMarkdown(results), BENCHMARKS_HEADING));
  log(`wrote out/bench.json and BENCHMARKS.md in ${results.durationS.toFixed(0)} s`);
  if (values.check) return allPass(budgets, 'all') ? 0 : 1;
  return values['check-stable'] && !allPass(budgets, 'stable') ? 1 : 0;
}

const BENCHMARKS_HEADING = `# Benchmarks

Figures from \`npm run bench\` (Node: linkedom + fake-indexeddb, the same extraction, core and
store code the extension runs). The block between the markers is rewritten by each run.
`;

function indexSpecs(db: HistoryDB): IndexSpec[] {
  const store = db.transaction('articles').store;
  return [...store.indexNames].map((name) => {
    const index = store.index(name);
    return { name, keyPath: String(index.keyPath), multiEntry: index.multiEntry };
  });
}

async function fileSize(path: string): Promise<{ bytes: number; gzipBytes: number }> {
  try {
    const [info, data] = await Promise.all([stat(path), readFile(path)]);
    return { bytes: info.size, gzipBytes: gzipSync(data, { level: 9 }).length };
  } catch {
    return { bytes: Number.NaN, gzipBytes: Number.NaN };
  }
}

function notes(host: ReturnType<typeof machine>, pages: readonly LoadedPage[], clock: ClockKind): string[] {
  const found: string[] = [];
  if (host.loadAverage > host.cores && clock === 'wall') {
    found.push(`the load average was ${host.loadAverage} on ${host.cores} cores when the run started: other work competed, wall-clock timings are inflated and noisy (--clock cpu leaves the waiting out)`);
  }
  const document = parseHtmlDocument('<div><p>a</p></div>');
  if (document.getElementsByTagName('*').length === 0 && document.querySelectorAll('*').length > 0) {
    found.push('linkedom\'s getElementsByTagName("*") returns no elements, so under Node extractArticle counts elements with querySelectorAll("*"), which a browser does not need: the gate costs a little more here');
  }
  const twoByte = pages.filter((p) => /[^\u0000-\u00ff]/.test(p.html)).length;
  if (twoByte > 0) {
    found.push(`${twoByte} of ${pages.length} pages have a character beyond Latin-1, so V8 holds their whole source as a two-byte string and every text linkedom cuts from it stays two-byte; a browser keeps plain paragraphs one-byte, which makes string work (normalise, tokenise) somewhat cheaper there`);
  }
  return found;
}

function positiveInt(value: string, flag: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new Error(`${flag} wants a positive integer, not "${value}"`);
  return n;
}

const log = (message: string) => process.stderr.write(`${message}\n`);
const gc = () => (globalThis as { gc?: () => void }).gc?.();

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(`bench: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    process.exitCode = 2;
  },
);
