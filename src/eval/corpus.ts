/**
 * The evaluation corpus, read by path and never copied into the repository: MANIFEST.tsv for the
 * page order, each page's meta.json for its URL, source.html and gold.txt. The one loader of the
 * evaluation and both halves of the benchmark.
 */
import { readFile, stat } from 'node:fs/promises';
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

/**
 * The page's URL: meta.json's `original_url` when it is absolute (http or https), else a made-up
 * one. A relative URL (one page has `/destinations/…`) names no site, which is what the decision
 * needs, so it counts as none.
 */
export function pageUrl(id: string, original: unknown): { url: string; synthetic: boolean } {
  const url = typeof original === 'string' ? original.trim() : '';
  return /^https?:\/\//i.test(url) ? { url, synthetic: false } : { url: syntheticUrl(id), synthetic: true };
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
  /** The URL was made up (meta.json has no absolute one). */
  synthetic: boolean;
  /** Path of source.html. */
  source: string;
  /** Size of source.html in bytes. */
  bytes: number;
  gold: string | null;
}

export interface Corpus {
  dir: string;
  pages: CorpusPage[];
  pairsTsv: string;
}

/** The pages in MANIFEST order. */
export async function loadCorpusPages(dir: string): Promise<CorpusPage[]> {
  const pagesDir = join(dir, 'pages');
  const manifest = await readFile(join(pagesDir, 'MANIFEST.tsv'), 'utf8').catch((error: unknown) => {
    throw new Error(`no corpus at ${pagesDir}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`, { cause: error });
  });
  return Promise.all(parseManifest(manifest).map(async (id): Promise<CorpusPage> => {
    const folder = join(pagesDir, id);
    const meta = JSON.parse(await readFile(join(folder, 'meta.json'), 'utf8')) as { original_url?: unknown };
    const source = join(folder, 'source.html');
    const [gold, info] = await Promise.all([readFile(join(folder, 'gold.txt'), 'utf8').catch(() => null), stat(source)]);
    return { id, prefix: prefixOf(id), ...pageUrl(id, meta.original_url), source, bytes: info.size, gold };
  }));
}

export async function loadCorpus(dir: string): Promise<Corpus> {
  return { dir, pages: await loadCorpusPages(dir), pairsTsv: await readFile(join(dir, 'pairs.tsv'), 'utf8') };
}
