import { mkdir, mkdtemp, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ENTRY_DATE, unzip, zipDirectory, zipFiles } from '../../scripts/lib/zip.mjs';

const bytes = (text: string) => new TextEncoder().encode(text);
const FILES = [
  { name: 'manifest.json', data: bytes('{"version":"1.0"}') },
  { name: 'icons/icon-16.png', data: new Uint8Array([137, 80, 78, 71, 0, 255]) },
  { name: '_locales/fr/messages.json', data: bytes('{}') },
];

describe('zipFiles', () => {
  it('gives the same bytes whatever order the files come in', async () => {
    const forward = await zipFiles(FILES);
    const backward = await zipFiles([...FILES].reverse());
    expect(backward.equals(forward)).toBe(true);
  });

  it('keeps each file as it was, sorted, dated ENTRY_DATE, with no folder entries', async () => {
    const files = await unzip(await zipFiles(FILES));
    expect([...files.keys()]).toEqual(['_locales/fr/messages.json', 'icons/icon-16.png', 'manifest.json']);
    for (const { name, data } of FILES) expect(files.get(name)?.data.equals(data)).toBe(true);
    for (const { date } of files.values()) expect(date.getTime()).toBe(ENTRY_DATE.getTime());
  });
});

describe('zipDirectory', () => {
  let dir = '';
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('does not depend on when the files were written', async () => {
    dir = await mkdtemp(join(tmpdir(), 'deja-lu-zip-'));
    await mkdir(join(dir, 'icons'));
    await writeFile(join(dir, 'manifest.json'), '{}');
    await writeFile(join(dir, 'icons', 'icon-16.png'), 'png');
    const before = await zipDirectory(dir);
    await utimes(join(dir, 'manifest.json'), new Date(2011, 1, 1), new Date(2011, 1, 1));
    expect((await zipDirectory(dir)).equals(before)).toBe(true);
    expect([...(await unzip(before)).keys()]).toEqual(['icons/icon-16.png', 'manifest.json']);
  });
});
