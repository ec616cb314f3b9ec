// Packs dist/chrome and dist/firefox (run `npm run build` first; `npm run package` does) into the store
// zips dist/deja-lu-<browser>-<version>.zip, manifest.json at the root of each.
import { existsSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import webExt from 'web-ext';
import { requireAgreedVersion } from './lib/release-version.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
requireAgreedVersion(root);
const dist = join(root, 'dist');
const BROWSERS = ['chrome', 'firefox'];

for (const browser of BROWSERS) {
  const sourceDir = join(dist, browser);
  if (!existsSync(join(sourceDir, 'manifest.json'))) {
    console.error(`${relative(root, sourceDir)}/manifest.json is missing: run npm run build first`);
    process.exit(1);
  }
  // web-ext zips the folder's contents (skipping dotfiles and zips) and fills {version} from its manifest.
  const { extensionPath } = await webExt.cmd.build(
    { sourceDir, artifactsDir: dist, filename: `deja-lu-${browser}-{version}.zip`, overwriteDest: true },
    { showReadyMessage: false },
  );
  console.log(`${relative(root, extensionPath)} (${statSync(extensionPath).size} bytes)`);
}
