// `npm run bench -- [CORPUS] [--check | --check-stable] [--node-only] [Node options]`: the Node benchmark
// (dist/bench.js, run with the garbage collector exposed so phases start from a collected heap),
// then the in-browser benchmark (src/bench/browser/index.ts through scripts/run-ts.mjs, real Chromium). With --check the run
// fails when either misses a budget; with --check-stable (CI) when either misses a size or ratio
// budget, the time budgets reported only.
import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const nodeOnly = args.includes('--node-only');
const nodeArgs = args.filter((a) => a !== '--node-only');
// The browser half takes the corpus and --check; the Node half's timing options are its own.
const VALUE_FLAGS = new Set(['--clock', '--reps', '--passes', '--sizes', '--history-at']);
const corpus = args.find((a, i) => !a.startsWith('--') && !VALUE_FLAGS.has(args[i - 1] ?? ''));
const browserArgs = [...(corpus ? [corpus] : []), ...args.filter((a) => a === '--check' || a === '--check-stable')];

function run(file, fileArgs, flags = []) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [...flags, file, ...fileArgs], { stdio: 'inherit' });
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

const nodeCode = await run(join(root, 'dist', 'bench.js'), nodeArgs, ['--expose-gc']);
const browserEntry = join(root, 'src', 'bench', 'browser', 'index.ts');
const browserCode = nodeOnly ? 0 : await run(join(root, 'scripts', 'run-ts.mjs'), [browserEntry, ...browserArgs]);
process.exitCode = Math.max(nodeCode, browserCode);
