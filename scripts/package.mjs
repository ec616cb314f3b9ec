// @ts-check
// Checks that the version agrees everywhere, builds (so the zips always hold the sources as they
// are, as the source archive does), then packs dist/chrome and dist/firefox into the store zips dist/deja-lu-<browser>-<version>.zip, manifest.json at the root of each, and writes the source
// archive addons.mozilla.org asks for, dist/deja-lu-source-<version>.zip (SOURCE-BUILD.md inside).
// All three are deterministic: the same files give the same bytes.
import { existsSync, readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildAll } from './build.mjs';
import { requireAgreedVersion } from './lib/release-version.mjs';
import { sourceArchive } from './lib/source-archive.mjs';
import { zipDirectory } from './lib/zip.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
requireAgreedVersion(root);
const dist = join(root, 'dist');
const BROWSERS = ['chrome', 'firefox'];

/** @param {string} path @returns {string} */
const versionIn = (path) => JSON.parse(readFileSync(path, 'utf8')).version;

/**
 * The version of manifest.json, once every build in dist/ carries it (an older build would be
 * packed under the new version otherwise).
 * @returns {string}
 */
function builtVersion() {
  const version = versionIn(join(root, 'manifest.json'));
  for (const browser of BROWSERS) {
    const built = join(dist, browser, 'manifest.json');
    if (!existsSync(built)) throw new Error(`${relative(root, built)} is missing: run npm run build first`);
    if (versionIn(built) !== version) throw new Error(`${relative(root, built)} is not version ${version}: run npm run build first`);
  }
  return version;
}

/** @param {string} path @param {Buffer} zip */
async function save(path, zip) {
  await writeFile(path, zip);
  console.log(`${relative(root, path)} (${zip.length} bytes)`);
}

async function main() {
  await buildAll();
  const version = builtVersion();
  for (const browser of BROWSERS) {
    await save(join(dist, `deja-lu-${browser}-${version}.zip`), await zipDirectory(join(dist, browser)));
  }
  await save(join(dist, `deja-lu-source-${version}.zip`), await sourceArchive(root));
}

try {
  await main();
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
}
