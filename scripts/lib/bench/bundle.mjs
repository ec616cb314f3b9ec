// @ts-check
/**
 * Bundles scripts/lib/bench/page-entry.mjs (the extension's own extraction, fingerprint and store
 * code plus the seeding helpers) into one classic script, in memory, built as the extension is
 * built (minified, same targets), to evaluate in a page.
 */
import { build } from 'esbuild';
import { join } from 'node:path';
import { ROOT } from '../../../test/harness/root.ts';

// The repository's folder, not this module's: the benchmark runs bundled into dist/scripts.
const here = join(ROOT, 'scripts', 'lib', 'bench');

/** @returns {Promise<string>} */
export async function benchBundle() {
  const result = await build({
    entryPoints: [join(here, 'page-entry.mjs')],
    bundle: true, minify: true, format: 'iife', target: ['chrome120', 'firefox128'],
    legalComments: 'none', logLevel: 'warning', write: false,
  });
  const file = result.outputFiles[0];
  if (!file) throw new Error('esbuild produced no bench bundle');
  return file.text;
}
