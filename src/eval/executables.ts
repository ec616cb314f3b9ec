import { accessSync, constants } from 'node:fs';

/**
 * The browser binary to drive: the environment variable if set, else the first of the usual
 * install paths that exists. A missing browser is an error, never a reason to skip a test.
 * @param label  e.g. "Chromium"
 * @param variable  environment variable that overrides the search
 * @param installHint  e.g. "apt-get install chromium"
 */
export function findExecutable(label: string, variable: string, candidates: readonly string[], installHint: string): string {
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
export const chromiumPath = (): string => findExecutable('Chromium', 'CHROMIUM_PATH', CHROMIUM_PATHS, 'apt-get install chromium');

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}
