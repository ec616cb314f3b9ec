// @ts-check
import { accessSync, constants } from 'node:fs';

/**
 * The browser binary to drive: the environment variable if set, else the first of the usual
 * install paths that exists. A missing browser is an error, never a reason to skip a test.
 * @param {string} label  e.g. "Chromium"
 * @param {string} variable  environment variable that overrides the search
 * @param {readonly string[]} candidates
 * @param {string} installHint  e.g. "apt-get install chromium"
 * @returns {string}
 */
export function findExecutable(label, variable, candidates, installHint) {
  const override = process.env[variable];
  if (override) {
    if (isExecutable(override)) return override;
    throw new Error(`${label} not found: ${variable}=${override} is not an executable file`);
  }
  const found = candidates.find(isExecutable);
  if (found) return found;
  throw new Error(
    `${label} not found (looked for ${candidates.join(', ')}). Install it (${installHint}) or set ${variable}=/path/to/the/binary.`,
  );
}

const CHROMIUM_PATHS = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome-stable', '/usr/bin/google-chrome'];

/** Chromium's binary: CHROMIUM_PATH, else the first of the usual install paths. */
export const chromiumPath = () => findExecutable('Chromium', 'CHROMIUM_PATH', CHROMIUM_PATHS, 'apt-get install chromium');

/** @param {string} path */
function isExecutable(path) {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}
