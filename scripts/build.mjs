// Builds the extension for Chrome and Firefox into dist/<browser>/, and the command line into dist/cli.js,
// the evaluation (npm run eval) into dist/eval.js and the Node benchmark (npm run bench) into dist/bench.js.
import { build, transform } from 'esbuild';
import { cp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deriveManifest, MINIMUM_CHROME } from './manifest.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
// DEJA_LU_DIST builds elsewhere (parallel test runs each with their own extension).
const dist = resolve(root, process.env.DEJA_LU_DIST ?? 'dist');
const BROWSERS = /** @type {const} */ (['chrome', 'firefox']);
const PAGES = ['popup', 'options'];

const TARGET = [`chrome${MINIMUM_CHROME}`, 'firefox128'];

/** Stylesheets imported as their text (`./notice.css?inline`), minified like the code around them. */
const cssText = {
  name: 'css-text',
  /** @param {import('esbuild').PluginBuild} b */
  setup(b) {
    b.onResolve({ filter: /\.css\?inline$/ }, (args) => ({ path: resolve(args.resolveDir, args.path.replace(/\?inline$/, '')), namespace: 'css-text' }));
    b.onLoad({ filter: /.*/, namespace: 'css-text' }, async (args) => {
      const { code } = await transform(await readFile(args.path, 'utf8'), { loader: 'css', minify: true, target: TARGET });
      return { contents: code.trim(), loader: 'text', watchFiles: [args.path] };
    });
  },
};

const common = { bundle: true, minify: true, sourcemap: false, target: TARGET, legalComments: 'none', logLevel: 'warning', plugins: [cssText] };

/**
 * A copy filter: folders, and the files whose name matches.
 * @param {RegExp} name
 */
const only = (name) => (/** @type {string} */ path) => statSync(path).isDirectory() || name.test(basename(path));

export async function buildAll() {
  await rm(dist, { recursive: true, force: true });
  const staging = join(dist, '.staging');
  await build({
    ...common,
    entryPoints: {
      content: 'src/content/index.ts',
      // The links' marks: a script of their own, so that content.js keeps its size budget.
      marks: 'src/content/marks/index.ts',
      background: 'src/background/index.ts',
      ...Object.fromEntries(PAGES.map((page) => [page, `src/${page}/${page}.ts`])),
    },
    outdir: staging,
    format: 'iife',
    absWorkingDir: root,
  });
  await build({
    bundle: true, platform: 'node', format: 'esm', target: 'node20', packages: 'external',
    entryPoints: ['src/cli/index.ts'], outfile: join(dist, 'cli.js'), absWorkingDir: root,
    banner: { js: '#!/usr/bin/env node' }, logLevel: 'warning',
  });
  await build({
    bundle: true, platform: 'node', format: 'esm', target: 'node20', packages: 'external',
    entryPoints: ['src/bench/index.ts'], outfile: join(dist, 'bench.js'), absWorkingDir: root, logLevel: 'warning',
  });
  await build({
    bundle: true, platform: 'node', format: 'esm', target: 'node20', packages: 'external',
    entryPoints: ['src/eval/index.ts'], outfile: join(dist, 'eval.js'), absWorkingDir: root, logLevel: 'warning',
  });
  // The content script's extraction alone, which the evaluation runs in Chromium on every page.
  await build({ ...common, entryPoints: ['src/eval/page-entry.ts'], outfile: join(dist, 'eval-page.js'), format: 'iife', absWorkingDir: root });
  const source = JSON.parse(await readFile(join(root, 'manifest.json'), 'utf8'));
  for (const browser of BROWSERS) {
    const out = join(dist, browser);
    await mkdir(out, { recursive: true });
    await cp(staging, out, { recursive: true });
    // Only what the extension loads: a stray file in these folders (an editor's backup, .DS_Store)
    // would reach the store zips, and addons.mozilla.org flags it.
    await cp(join(root, 'icons'), join(out, 'icons'), { recursive: true, filter: only(/^icon-\d+\.png$/) });
    await cp(join(root, '_locales'), join(out, '_locales'), { recursive: true, filter: only(/^messages\.json$/) });
    for (const page of PAGES) {
      for (const ext of ['html', 'css']) await cp(join(root, 'src', page, `${page}.${ext}`), join(out, `${page}.${ext}`));
    }
    // The marks' look, injected by the manifest (no element added to the page), minified.
    const marksCss = await transform(await readFile(join(root, 'src/content/marks/marks.css'), 'utf8'), { loader: 'css', minify: true, target: TARGET });
    await writeFile(join(out, 'marks.css'), marksCss.code);
    await writeFile(join(out, 'manifest.json'), `${JSON.stringify(deriveManifest(source, browser), null, 2)}\n`);
  }
  await rm(staging, { recursive: true, force: true });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await buildAll();
  console.log('built dist/chrome, dist/firefox, dist/cli.js, dist/eval.js and dist/bench.js');
}
