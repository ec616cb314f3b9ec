// @ts-check
// `node scripts/run-ts.mjs scripts/NAME.ts [ARGS]`: runs a script written in TypeScript (the demo, the
// screenshots: they share the test harness in test/harness). Node 20 runs no .ts, so the script is
// bundled with esbuild into dist/scripts/NAME.js (its packages stay imports) and that file is run,
// with ARGS as its own command line. Not part of `npm run build`: the source archive builds the
// extension without the scripts and the harness.
import { build } from 'esbuild';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const [entry, ...args] = process.argv.slice(2);
if (!entry || !/\.(ts|mjs)$/.test(entry)) throw new Error('usage: node scripts/run-ts.mjs scripts/NAME.ts|.mjs [ARGS]');
const outfile = join(root, 'dist', 'scripts', basename(entry).replace(/\.ts$/, '.js'));
await build({
  bundle: true, platform: 'node', format: 'esm', target: 'node20', packages: 'external',
  entryPoints: [resolve(entry)], outfile, absWorkingDir: root, logLevel: 'warning',
});
process.argv = [process.argv[0] ?? 'node', outfile, ...args];
await import(pathToFileURL(outfile).href);
