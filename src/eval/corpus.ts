/**
 * Reads the evaluation corpus by path: MANIFEST.tsv for the page order, each page's meta.json for
 * its URL and gold.txt for its main text. Nothing of it is ever written into the repository.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

/** Page ids in MANIFEST order (the `id` column). */
export function parseManifest(tsv: string): string[] {
  const lines = tsv.split(/\r?\n/).filter((line) => line.trim() !== '');
  const header = (lines[0] ?? '').split('\t').map((h) => h.trim());
  const col = header.indexOf('id');
  if (col < 0) throw new Error('MANIFEST.tsv has no "id" column');
  return lines.slice(1).map((line) => line.split('\t')[col]?.trim() ?? '').filter((id) => id !== '');
}

/** A URL for a page whose original URL is unknown: unique, never resolvable, its own site. */
export function syntheticUrl(id: string): string {
  const label = id.toLowerCase().replace(/[^a-z0-9-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 50);
  return `https://unknown-${label || 'page'}.invalid/`;
}

/** `msv-chaos-all-space_2` → `msv-`. */
export function prefixOf(id: string): string {
  const dash = id.indexOf('-');
  return dash < 0 ? id : id.slice(0, dash + 1);
}

export interface CorpusPage {
  id: string;
  prefix: string;
  url: string;
  /** The URL was made up (meta.json has none). */
  synthetic: boolean;
  source: string;
  gold: string | null;
}

export interface Corpus {
  dir: string;
  pages: CorpusPage[];
  pairsTsv: string;
}

export async function loadCorpus(dir: string): Promise<Corpus> {
  const pagesDir = join(dir, 'pages');
  const ids = parseManifest(await readFile(join(pagesDir, 'MANIFEST.tsv'), 'utf8'));
  const pages = await Promise.all(ids.map(async (id): Promise<CorpusPage> => {
    const folder = join(pagesDir, id);
    const meta = JSON.parse(await readFile(join(folder, 'meta.json'), 'utf8')) as { original_url?: unknown };
    const original = typeof meta.original_url === 'string' ? meta.original_url.trim() : '';
    const gold = await readFile(join(folder, 'gold.txt'), 'utf8').catch(() => null);
    return {
      id, prefix: prefixOf(id), url: original || syntheticUrl(id), synthetic: !original,
      source: join(folder, 'source.html'), gold,
    };
  }));
  return { dir, pages, pairsTsv: await readFile(join(dir, 'pairs.tsv'), 'utf8') };
}
