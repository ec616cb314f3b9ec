import { build } from 'esbuild';
import { execFile } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseVisits } from '../../src/cli/replay.ts';
import { articlePage } from '../fixtures/html.ts';
import { makeArticle } from '../fixtures/text.ts';

const run = promisify(execFile);
let dir = '';
let cli = '';

async function deja(...args: string[]) {
  const { stdout } = await run(process.execPath, [cli, ...args], { cwd: dir });
  return stdout.trim().split('\n').map((line) => JSON.parse(line));
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'deja-lu-cli-'));
  // Built inside the project so its bare imports resolve from the project's node_modules.
  cli = join(process.cwd(), 'node_modules', '.cache', 'deja-lu-test', `cli-${process.pid}.mjs`);
  await build({ entryPoints: ['src/cli/index.ts'], bundle: true, platform: 'node', format: 'esm', packages: 'external', outfile: cli, logLevel: 'error' });
  const story = makeArticle(31, 8);
  await writeFile(join(dir, 'a.html'), articlePage({ title: 'Harbour bridge plan approved', paragraphs: story }));
  await writeFile(join(dir, 'b.html'), articlePage({ title: 'Bridge: council says yes', paragraphs: story.slice(0, 4), site: 'Other News' }));
  await writeFile(join(dir, 'c.html'), articlePage({ title: 'Something else', paragraphs: makeArticle(32, 8) }));
  await writeFile(join(dir, 'brief.html'), articlePage({ title: 'Brief', paragraphs: story.slice(0, 1) }));
  await writeFile(join(dir, 'garbage.html'), '\u0000\u0001<<<>>>\uFFFD'.repeat(50));
  await writeFile(join(dir, 'visits.tsv'), [
    '# url<TAB>path', 'https://one.example/a\ta.html', '', 'https://two.example/b\tb.html', 'https://one.example/c\tc.html',
    'https://three.example/x\tmissing.html', 'https://four.example/g\tgarbage.html', 'https://five.example/brief\tbrief.html',
  ].join('\n'));
}, 30_000);

describe('command line', () => {
  it('extracts an article as JSON', async () => {
    const [out] = await deja('extract', 'a.html', '--url', 'https://news.example.co.uk/a');
    expect(out).toMatchObject({ article: true, title: expect.stringMatching(/^Harbour bridge plan approved/), site: 'example.co.uk' });
    expect(out.words).toBeGreaterThan(300);
    expect(out.text).not.toMatch(/Most read|All rights reserved/);
  });

  it('compares a truncated copy as the same story and another story as different', async () => {
    const [same] = await deja('compare', 'a.html', 'b.html', '--url-a', 'https://one.example/a', '--url-b', 'https://two.example/b');
    expect(same.verdict).toBe('same-story');
    expect(same.containment).toBeGreaterThan(0.9);
    expect(same.resemblance).toBeLessThan(0.7);
    const [different] = await deja('compare', 'a.html', 'c.html', '--url-a', 'https://one.example/a', '--url-b', 'https://one.example/c');
    expect(different.verdict).toBe('different');
    const [brief] = await deja('compare', 'a.html', 'brief.html', '--url-a', 'https://one.example/a', '--url-b', 'https://one.example/x');
    expect(brief.verdict).toBe('not-article');
  });

  it('replays visits in order, one line each, never aborting', async () => {
    const lines = await deja('replay', 'visits.tsv');
    expect(lines.map((l) => l.url)).toEqual([
      'https://one.example/a', 'https://two.example/b', 'https://one.example/c',
      'https://three.example/x', 'https://four.example/g', 'https://five.example/brief',
    ]);
    expect(lines[0]).toMatchObject({ article: true, matches: [] });
    expect(lines[1].matches).toEqual([expect.objectContaining({ url: 'https://one.example/a', site: 'one.example', relation: 'other-site' })]);
    expect(lines[2]).toMatchObject({ article: true, matches: [] });
    expect(lines[3]).toMatchObject({ article: false, error: expect.stringMatching(/cannot read/) });
    expect(lines[4]).toMatchObject({ article: false });
    expect(lines[5]).toMatchObject({ article: false, reason: expect.stringMatching(/too short/) });
  });

  it('fails with a usage message on a bad command', async () => {
    await expect(deja('frobnicate')).rejects.toMatchObject({ code: 64, stderr: expect.stringMatching(/usage:/) });
  });
});

describe('parseVisits', () => {
  it('skips comments and blank lines and flags malformed lines without dropping them', () => {
    const visits = parseVisits('# c\n\nhttps://a/x\tp.html\n\tq.html\nhttps://b/y\n', '/base');
    expect(visits).toEqual([
      { url: 'https://a/x', path: '/base/p.html' },
      { url: '', path: '/base/q.html', problem: 'line 4: no URL (expected URL<TAB>PATH)' },
      { url: 'https://b/y', path: '/base', problem: 'line 5: no page path (expected URL<TAB>PATH)' },
    ]);
  });
});
