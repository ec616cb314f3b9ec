/** The evaluation corpus, read by path (never copied): pages/<id>/source.html and meta.json. */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';

export interface CorpusPage {
  id: string;
  /** The page's original URL (the site matters to the decision), or a placeholder when it has none. */
  url: string;
  /** meta.json gives no absolute URL: `url` is made up, `https://unknown-<id>.invalid/`, its own site. */
  placeholderUrl: boolean;
  html: string;
}

export async function loadCorpus(dir: string): Promise<CorpusPage[]> {
  const pagesDir = join(dir, 'pages');
  let entries: string[];
  try {
    entries = await readdir(pagesDir);
  } catch (error) {
    throw new Error(`no corpus at ${pagesDir}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`, { cause: error });
  }
  const pages: CorpusPage[] = [];
  for (const id of entries.sort()) {
    const meta = await readJson(join(pagesDir, id, 'meta.json'));
    if (!meta) continue;
    const original = typeof meta.original_url === 'string' ? meta.original_url.trim() : '';
    const placeholderUrl = !/^https?:\/\//i.test(original);
    const url = placeholderUrl ? `https://unknown-${id.toLowerCase().replace(/[^a-z0-9]+/g, '-')}.invalid/` : original;
    let html: string;
    try {
      html = await readFile(join(pagesDir, id, 'source.html'), 'utf8');
    } catch {
      continue;
    }
    pages.push({ id, url, placeholderUrl, html });
  }
  if (pages.length === 0) throw new Error(`no pages with source.html and meta.json under ${pagesDir}`);
  return pages;
}

async function readJson(path: string): Promise<Record<string, unknown> | null> {
  try {
    return JSON.parse(await readFile(path, 'utf8')) as Record<string, unknown>;
  } catch {
    return null;
  }
}
