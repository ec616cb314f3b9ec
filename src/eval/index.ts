/**
 * `npm run eval -- [CORPUS]`: measures extraction and recognition on the evaluation corpus
 * (default ../shared/corpus from the project root), prints the tables, writes them into
 * BENCHMARKS.md between the eval markers and the full figures to out/eval.json.
 */
import 'fake-indexeddb/auto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { arch, cpus, loadavg, platform } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { extractInChromium } from './browser-extraction.ts';
import { renderConstructed, summariseConstructed } from './constructed-report.ts';
import { runConstructed } from './constructed-run.ts';
import { CONSTRUCTED_ROLE, scoreInWorkers, serveConstructed } from './constructed-workers.ts';
import { loadCorpus } from './corpus.ts';
import { replaceBlock } from './markdown.ts';
import { runEval } from './pipeline.ts';
import { renderMarkdown } from './report.ts';
import { replayInWorker, serveReplay, WORKER_ROLE } from './replay-run.ts';

const HEADER = `# Benchmarks

Figures measured on real pages by \`npm run eval\` (see src/eval/). The corpus is read by path and is
never copied into this repository. The block below is rewritten by each run.`;

const USAGE = `usage: npm run eval -- [CORPUS] [--no-browser] [--seed N] [--workers N]   (default ../shared/corpus)
       npm run eval -- [CORPUS] --constructed-only [--seed N] [--workers N]   (the constructed copies alone: table, out/constructed.json)
  --seed N      seed of the constructed copies (1)
  --workers N   threads scoring the constructed pairs (one a core, at most 4; 1 = this thread)`;

/** The constructed copies alone, for tuning: prints their table, writes out/constructed.json, leaves BENCHMARKS.md. */
/** This bundle is also the workers that score the constructed pairs: one a core (at most 4) unless told. */
let workers = Math.min(cpus().length, 4);
const constructedScorer = () => scoreInWorkers(new URL(import.meta.url), workers);

async function constructedAlone(root: string, corpus: string, seed: number): Promise<void> {
  const { pages } = await loadCorpus(corpus);
  const result = summariseConstructed(await runConstructed(pages, seed, (line) => console.error(`eval: ${line}`), constructedScorer()));
  console.log(renderConstructed(result));
  await mkdir(join(root, 'out'), { recursive: true });
  await writeFile(join(root, 'out', 'constructed.json'), `${JSON.stringify(result, null, 2)}\n`);
  console.error('eval: wrote out/constructed.json');
}

async function main(argv: string[]): Promise<void> {
  if (argv.includes('-h') || argv.includes('--help')) return void console.log(USAGE);
  const noBrowser = argv.includes('--no-browser');
  const constructedOnly = argv.includes('--constructed-only');
  const valued = (name: string, fallback: number) => {
    const at = argv.indexOf(name);
    if (at < 0) return fallback;
    const value = Number(argv[at + 1]);
    if (!Number.isSafeInteger(value) || value < 0) throw new Error(`${name} expects a whole number`);
    argv = [...argv.slice(0, at), ...argv.slice(at + 2)];
    return value;
  };
  const seed = valued('--seed', 1);
  workers = Math.max(1, valued('--workers', workers));
  argv = argv.filter((a) => a !== '--no-browser' && a !== '--constructed-only');
  if (argv.length > 1) throw new Error(`expected at most one argument: the corpus folder\n${USAGE}`);
  // dist/eval.js → the project root; a corpus given by the user is relative to where npm was run.
  const root = fileURLToPath(new URL('..', import.meta.url));
  const given = argv[0];
  const corpus = given ? resolve(process.env.INIT_CWD ?? process.cwd(), given) : join(root, '..', 'shared', 'corpus');
  if (constructedOnly) return constructedAlone(root, corpus, seed);
  const viaNpm = process.env.npm_lifecycle_event === 'eval';
  const flags = `${given ? ` ${given}` : ''}${noBrowser ? ' --no-browser' : ''}${seed !== 1 ? ` --seed ${seed}` : ''}`;
  const command = viaNpm ? `npm run eval${flags ? ` --${flags}` : ''}` : `node scripts/eval.mjs${flags}`;
  const cpu = cpus();
  const result = await runEval({
    corpus,
    corpusLabel: given ?? '../shared/corpus',
    command,
    machine: {
      node: process.version, cpu: cpu[0]?.model.trim() ?? 'unknown', cores: cpu.length,
      platform: `${platform()} ${arch()}`, load: Math.round((loadavg()[0] ?? 0) * 10) / 10,
    },
    log: (line) => console.error(`eval: ${line}`),
    seed,
    scoreConstructed: constructedScorer(),
    // This bundle is also the worker that replays the corpus beside the extraction measurements.
    replayer: replayInWorker(new URL(import.meta.url)),
    ...(noBrowser ? {} : {
      inBrowser: async (pages, scripts) => extractInChromium(pages, await readFile(join(root, 'dist', 'eval-page.js'), 'utf8'), { scripts, log: (line) => console.error(`eval: ${line}`) }),
    }),
  });
  const markdown = renderMarkdown(result);
  console.log(markdown);

  await mkdir(join(root, 'out'), { recursive: true });
  await writeFile(join(root, 'out', 'eval.json'), `${JSON.stringify(result, null, 2)}\n`);
  const benchmarks = join(root, 'BENCHMARKS.md');
  const before = await readFile(benchmarks, 'utf8').catch(() => null);
  await writeFile(benchmarks, replaceBlock(before, markdown, HEADER));
  const gitignore = join(root, '.gitignore');
  const ignored = await readFile(gitignore, 'utf8').catch(() => '');
  if (!ignored.split(/\r?\n/).some((line) => line.trim() === '/out/' || line.trim() === 'out/')) {
    await writeFile(gitignore, `${ignored.replace(/\s*$/, '')}${ignored ? '\n' : ''}/out/\n`);
  }
  console.error('eval: wrote BENCHMARKS.md and out/eval.json');
}

if (isMainThread) {
  main(process.argv.slice(2)).catch((error: unknown) => {
    console.error(`eval: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
    process.exitCode = 1;
  });
} else if ((workerData as { role?: string } | null)?.role === WORKER_ROLE) {
  await serveReplay(workerData as Parameters<typeof serveReplay>[0], (message) => parentPort?.postMessage(message));
} else if ((workerData as { role?: string } | null)?.role === CONSTRUCTED_ROLE) {
  await serveConstructed(workerData as Parameters<typeof serveConstructed>[0], (message) => parentPort?.postMessage(message));
}
