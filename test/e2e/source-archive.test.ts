// The source archive rebuilds the add-on byte for byte, as addons.mozilla.org's reviewers must be
// able to: unpacked in an empty folder, its SOURCE-BUILD.md commands give dist/chrome and
// dist/firefox identical to the build under test (npm test builds it first).
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIST, ROOT } from '../harness/browsers.ts';
import { sourceArchive } from '../../scripts/lib/source-archive.mjs';
import { listFiles, unzip, zipDirectory } from '../../scripts/lib/zip.mjs';

const run = promisify(execFile);
const BUILDS = { chrome: DIST.chromium, firefox: DIST.firefox };

/** The commands of SOURCE-BUILD.md's shell block, comments dropped. */
function documentedCommands(instructions: string): string[] {
  const block = /```sh\n([\s\S]*?)```/.exec(instructions)?.[1] ?? '';
  return block.split('\n').map((line) => line.replace(/#.*/, '').trim()).filter(Boolean);
}

/** The files of `dir` (relative names) whose bytes differ from, or are missing in, `expected`. */
async function differences(dir: string, expected: string): Promise<string[]> {
  const [names, expectedNames] = [(await listFiles(dir)).sort(), (await listFiles(expected)).sort()];
  const extra = names.filter((name) => !expectedNames.includes(name)).map((name) => `${name} (only in the rebuild)`);
  const changed = [];
  for (const name of expectedNames) {
    const [rebuilt, built] = await Promise.all([readFile(join(dir, name)).catch(() => null), readFile(join(expected, name))]);
    if (!rebuilt) changed.push(`${name} (missing from the rebuild)`);
    else if (!rebuilt.equals(built)) changed.push(name);
  }
  return [...extra, ...changed];
}

describe('the source archive', () => {
  let folder = '';

  // Unpacks the archive in an empty folder and runs there the commands its SOURCE-BUILD.md gives.
  beforeAll(async () => {
    folder = await mkdtemp(join(tmpdir(), 'deja-lu-rebuild-'));
    for (const [name, { data }] of await unzip(await sourceArchive(ROOT))) {
      await mkdir(dirname(join(folder, name)), { recursive: true });
      await writeFile(join(folder, name), data);
    }
    expect(documentedCommands(await readFile(join(folder, 'SOURCE-BUILD.md'), 'utf8'))).toEqual(['npm ci', 'npm run build']);
    // The rebuild writes its own dist/, wherever DEJA_LU_DIST sends the build under test.
    const env = { ...process.env, DEJA_LU_DIST: undefined };
    // --prefer-offline: the packages come from npm's cache, filled by the project's own install.
    await run('npm', ['ci', '--prefer-offline', '--no-audit', '--no-fund'], { cwd: folder, env });
    await run('npm', ['run', 'build'], { cwd: folder, env });
  }, 300_000);
  afterAll(() => rm(folder, { recursive: true, force: true }));

  it('rebuilds the very files of the build', async () => {
    for (const [browser, built] of Object.entries(BUILDS)) {
      expect(await differences(join(folder, 'dist', browser), built), browser).toEqual([]);
    }
  });

  it('gives the same store zips from the rebuild (no date or order taken from the disk)', async () => {
    for (const [browser, built] of Object.entries(BUILDS)) {
      const rebuilt = await zipDirectory(join(folder, 'dist', browser));
      expect(rebuilt.equals(await zipDirectory(built)), browser).toBe(true);
    }
  });

  it('builds files that name no folder of the machine that built them', async () => {
    for (const built of Object.values(BUILDS)) {
      for (const name of await listFiles(built)) {
        const text = await readFile(join(built, name), 'latin1');
        expect([ROOT, folder].filter((path) => text.includes(path)), name).toEqual([]);
      }
    }
  });
});
