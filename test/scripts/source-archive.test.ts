import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { isSourceFile, sourceArchive, sourceFiles } from '../../scripts/lib/source-archive.mjs';
import { unzip } from '../../scripts/lib/zip.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../..');

describe('isSourceFile', () => {
  it('keeps the build inputs', () => {
    for (const path of ['package-lock.json', 'src/content/index.ts', 'scripts/build.mjs', 'scripts/manifest.mjs', '_locales/fr/messages.json', 'icons/icon-16.png', 'SOURCE-BUILD.md']) {
      expect(isSourceFile(path), path).toBe(true);
    }
  });

  it('leaves out what the build does not read', () => {
    for (const path of ['test/core/compare.test.ts', 'scripts/bench.mjs', 'scripts/lib/zip.mjs', 'README.md', 'docs/popup-light.png', '.ci/run', 'node_modules/idb/build/index.js', 'dist/chrome/content.js', 'srcs/x.ts', 'package.json.orig']) {
      expect(isSourceFile(path), path).toBe(false);
    }
  });
});

describe('sourceFiles', () => {
  let repo = '';
  afterEach(() => rm(repo, { recursive: true, force: true }));

  /** A repository whose working tree differs from its index in every way git knows. */
  async function repository() {
    repo = await mkdtemp(join(tmpdir(), 'deja-lu-source-'));
    const write = async (path: string, text = path) => {
      await mkdir(dirname(join(repo, path)), { recursive: true });
      await writeFile(join(repo, path), text);
    };
    execFileSync('git', ['init', '--quiet'], { cwd: repo });
    for (const path of ['package.json', 'src/tracked.ts', 'src/deleted.ts', 'test/a.test.ts', '.gitignore']) await write(path);
    await writeFile(join(repo, '.gitignore'), 'src/ignored.ts\n');
    execFileSync('git', ['add', '.'], { cwd: repo });
    await rm(join(repo, 'src/deleted.ts'));
    for (const path of ['src/untracked.ts', 'src/ignored.ts', 'scripts/other.mjs']) await write(path);
    return repo;
  }

  it('lists tracked and new files the allow-list keeps, as the working tree has them', async () => {
    expect(sourceFiles(await repository())).toEqual(['package.json', 'src/tracked.ts', 'src/untracked.ts']);
  });

  it('refuses to pack without the build instructions', async () => {
    await expect(sourceArchive(await repository())).rejects.toThrow(/SOURCE-BUILD\.md/);
  });
});

describe('sourceArchive of this repository', () => {
  it('holds the instructions, the lockfile and the sources, and no tests, builds or dependencies', async () => {
    const names = [...(await unzip(await sourceArchive(ROOT))).keys()];
    expect(names).toEqual(expect.arrayContaining(['SOURCE-BUILD.md', 'package.json', 'package-lock.json', 'tsconfig.json', 'manifest.json', 'scripts/build.mjs', 'src/content/index.ts']));
    expect(names.filter((name) => /^(test|dist|node_modules|docs)\//.test(name))).toEqual([]);
  });
});
