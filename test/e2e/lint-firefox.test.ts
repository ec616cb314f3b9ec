// scripts/lint-firefox.mjs (npm run lint:firefox, the last step of npm test) fails on findings from
// our code, notices included, while Readability's two known warnings still pass.
import { execFile } from 'node:child_process';
import { appendFile, cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIST, ROOT } from '../harness/browsers.ts';

const run = promisify(execFile);

/** The lint's exit code and what it printed, on the builds under `dist`. */
async function lint(dist: string): Promise<{ code: number; output: string }> {
  try {
    const { stdout } = await run('node', [join(ROOT, 'scripts/lint-firefox.mjs'), dist]);
    return { code: 0, output: stdout };
  } catch (error) {
    const { code, stdout } = error as { code: number; stdout: string };
    return { code, output: stdout };
  }
}

describe('lint-firefox on a build with problems of our own', () => {
  let dist = '';

  beforeAll(async () => {
    dist = await mkdtemp(join(tmpdir(), 'deja-lu-lint-'));
    await cp(DIST.chromium, join(dist, 'chrome'), { recursive: true });
    await cp(DIST.firefox, join(dist, 'firefox'), { recursive: true });
    const manifestPath = join(dist, 'firefox', 'manifest.json');
    const manifest = JSON.parse(await readFile(manifestPath, 'utf8'));
    // A notice: addons.mozilla.org serves the updates of the add-ons it lists.
    manifest.update_url = 'https://example.org/updates.json';
    // A warning: data_collection_permissions needs Firefox 140.
    manifest.browser_specific_settings.gecko.strict_min_version = '128.0';
    await writeFile(manifestPath, JSON.stringify(manifest));
    await appendFile(join(dist, 'firefox', 'background.js'), '\ndocument.body.innerHTML = location.hash;\n');
  });
  afterAll(() => rm(dist, { recursive: true, force: true }));

  it('fails, naming each finding of ours and still allowing only Readability\'s', async () => {
    const { code, output } = await lint(dist);
    expect(code).toBe(1);
    expect(output).toContain('FAIL: 3 linter finding(s) from our build');
    expect(output.match(/allowed, Readability's own code/g)).toHaveLength(2);
    expect(output).toMatch(/warning UNSAFE_VAR_ASSIGNMENT background\.js:\d+:\d+: [^\n]*\n {4}FROM OUR BUILD/);
    expect(output).toMatch(/warning KEY_FIREFOX_UNSUPPORTED_BY_MIN_VERSION manifest\.json[^\n]*\n {4}FROM OUR BUILD/);
    expect(output).toMatch(/notice MANIFEST_UNUSED_UPDATE manifest\.json[^\n]*\n {4}FROM OUR BUILD/);
  });
});
