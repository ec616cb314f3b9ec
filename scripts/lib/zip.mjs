// @ts-check
/**
 * Deterministic zips: the same files give the same bytes, whenever and wherever they are packed.
 * Entries are sorted by name and all carry one fixed date; no folder entries (JSZip would date them
 * with the current time). web-ext's own `build` takes the files' order from the disk and dates every
 * entry with the time of packing, so two packings of one build differ.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import JSZip from 'jszip';

/**
 * The date every entry carries. Zips store local times without a zone: a date at the start of 1980
 * (the format's first day) would read as 1979 west of Greenwich, which some tools refuse.
 */
export const ENTRY_DATE = new Date(Date.UTC(2000, 0, 1));

/**
 * @param {Iterable<{ name: string, data: Uint8Array }>} files  names with "/" between folders
 * @returns {Promise<Buffer>}
 */
export async function zipFiles(files) {
  const sorted = [...files].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const zip = new JSZip();
  for (const { name, data } of sorted) zip.file(name, data, { date: ENTRY_DATE, createFolders: false });
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

/**
 * Every file under `dir`, named relative to it with "/" separators.
 * @param {string} dir
 * @returns {Promise<string[]>}
 */
export async function listFiles(dir) {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split(sep).join('/'));
}

/**
 * Zips the contents of `dir` (the folder itself is not an entry: its files are at the root).
 * @param {string} dir
 * @returns {Promise<Buffer>}
 */
export async function zipDirectory(dir) {
  const names = await listFiles(dir);
  return zipFiles(await Promise.all(names.map(async (name) => ({ name, data: await readFile(join(dir, name)) }))));
}

/**
 * The entries of a zip, by name (a folder entry's name ends with "/").
 * @param {Uint8Array} zipped
 * @returns {Promise<Map<string, { data: Buffer, date: Date }>>}
 */
export async function unzip(zipped) {
  const zip = await JSZip.loadAsync(zipped, { createFolders: false });
  const entries = new Map();
  for (const entry of Object.values(zip.files)) entries.set(entry.name, { data: await entry.async('nodebuffer'), date: entry.date });
  return entries;
}
