// @ts-check
// `node scripts/run-ts.mjs scripts/NAME.ts [ARGS]`: runs a script written in TypeScript (the demo, the
// screenshots: they share the test harness in test/harness; the browser half of the benchmark,
// src/bench/browser/index.ts). Node 20 runs no .ts, so the script is bundled with esbuild into
// dist/scripts/NAME.js (its packages stay imports; an entry outside scripts/ keeps its path from the
// repository's root: dist/scripts/src/bench/browser/index.js) and that file is run, with ARGS as its
// own command line. Not part of `npm run build`: the source archive builds the
// extension without the scripts and the harness.
import { build } from 'esbuild';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const [entry, ...args] = process.argv.slice(2);
if (!entry || !/\.(ts|mjs)$/.test(entry)) throw new Error('usage: node scripts/run-ts.mjs FILE.ts|.mjs [ARGS]');
const fromScripts = relative(join(root, 'scripts'), resolve(entry));
const name = fromScripts.startsWith('..') ? relative(root, resolve(entry)) : fromScripts;
const outfile = join(root, 'dist', 'scripts', name.replace(/\.ts$/, '.js'));
await build({
  bundle: true, platform: 'node', format: 'esm', target: 'node20', packages: 'external',
  entryPoints: [resolve(entry)], outfile, absWorkingDir: root, logLevel: 'warning',
});
process.argv = [process.argv[0] ?? 'node', outfile, ...args];
await import(pathToFileURL(outfile).href);
