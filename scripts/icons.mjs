// @ts-check
// Writes the toolbar and store icons (icons/icon-{16,32,48,128}.png) from the shapes of
// scripts/lib/icon-art.mjs, so they can be regenerated at any size.
import { writeFile } from 'node:fs/promises';
import { renderIcon } from './lib/icon-art.mjs';

for (const size of [16, 32, 48, 128]) {
  await writeFile(new URL(`../icons/icon-${size}.png`, import.meta.url), renderIcon(size));
}
console.log('wrote icons/icon-{16,32,48,128}.png');
