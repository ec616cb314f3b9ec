/** The corpus pages the browser half serves: listed by path (never copied), sampled, made hermetic. */
import { readFileSync } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';

export interface CorpusPage {
  id: string;
  /** the page's original URL (its site matters to the look-up) */
  url: string;
  file: string;
  bytes: number;
}

/**
 * Served corpus pages run no script of their own and load nothing from elsewhere: the timing is
 * the extension's, and the saved pages cannot call their publishers.
 */
const PAGE_CSP = [
  "default-src 'self'", "script-src 'none'", "style-src 'self' 'unsafe-inline'", "img-src 'self' data:",
  "font-src 'self' data:", "frame-src 'none'", "connect-src 'self'",
].join('; ');

const originalUrl = (meta: unknown): string => {
  const value = typeof meta === 'object' && meta !== null ? (meta as { original_url?: unknown }).original_url : undefined;
  return typeof value === 'string' ? value.trim() : '';
};

export async function listCorpus(corpusDir: string): Promise<CorpusPage[]> {
  const dir = join(corpusDir, 'pages');
  const ids = (await readdir(dir).catch(() => {
    throw new Error(`no corpus at ${dir}: pass its folder as the first argument`);
  })).sort();
  const pages: CorpusPage[] = [];
  for (const id of ids) {
    const file = join(dir, id, 'source.html');
    const meta = await readFile(join(dir, id, 'meta.json'), 'utf8').then((text): unknown => JSON.parse(text), () => null);
    const size = await stat(file).then((s) => s.size, () => -1);
    if (!meta || size < 0) continue;
    const original = originalUrl(meta);
    const url = /^https?:\/\//i.test(original) ? original : `https://unknown-${id.toLowerCase().replace(/[^a-z0-9]+/g, '-')}.invalid/`;
    pages.push({ id, url, file, bytes: size });
  }
  if (pages.length === 0) throw new Error(`no pages with source.html and meta.json under ${dir}`);
  return pages;
}

/** ~`count` pages spread evenly over each source (id prefix) in proportion, plus the largest. */
export function samplePages(pages: readonly CorpusPage[], count: number): { sample: CorpusPage[]; largest: CorpusPage[] } {
  const largest = [...pages].sort((a, b) => b.bytes - a.bytes).slice(0, Math.min(5, count));
  const chosen = new Set([...largest, ...spreadOverSources(pages, count - largest.length)]);
  return { sample: [...chosen], largest };
}

/**
 * ~`count` pages (at least one of each source), each source (id prefix) given its share and its
 * pages taken at even steps through its list: the same pages for the same corpus, every run.
 */
export function spreadOverSources<P extends { id: string }>(pages: readonly P[], count: number): P[] {
  const bySource = new Map<string, P[]>();
  for (const p of pages) {
    const source = p.id.split('-')[0] ?? '';
    bySource.set(source, [...(bySource.get(source) ?? []), p]);
  }
  const chosen = new Set<P>();
  for (const group of bySource.values()) {
    const n = Math.max(1, Math.round((count * group.length) / pages.length));
    for (let i = 0; i < n; i++) chosen.add(group[Math.floor(((i + 0.5) * group.length) / n)]!);
  }
  return [...chosen];
}

/**
 * The served copy of a saved page: a CSP meta first (after the doctype, so no quirks mode change),
 * meta refreshes removed.
 */
export function hermetic(html: string): string {
  const meta = `<meta http-equiv="Content-Security-Policy" content="${PAGE_CSP}">`;
  const cleaned = html.replace(/<meta[^>]+http-equiv=["']?refresh[^>]*>/gi, '');
  const doctype = /^\uFEFF?\s*<!doctype[^>]*>/i.exec(cleaned);
  return doctype ? `${doctype[0]}${meta}${cleaned.slice(doctype[0].length)}` : `${meta}${cleaned}`;
}

const sources = new Map<string, string>();

/** A corpus page's HTML, read synchronously (the sites' generate hook is synchronous), once. */
export function readCached(file: string): string {
  let text = sources.get(file);
  if (text === undefined) {
    text = readFileSync(file, 'utf8');
    sources.set(file, text);
  }
  return text;
}
