/** The corpus pages the Node half times: the shared loader's (src/eval/corpus.ts), with their HTML read. */
import { readFile } from 'node:fs/promises';
import { loadCorpusPages, type CorpusPage } from '../eval/corpus.ts';

export interface BenchPage {
  id: string;
  url: string;
  html: string;
}

export type LoadedPage = CorpusPage & BenchPage;

/** Every page, in id order (the order the benchmark's figures were first taken in), its HTML read. */
export async function loadBenchPages(dir: string): Promise<LoadedPage[]> {
  const pages = (await loadCorpusPages(dir)).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return Promise.all(pages.map(async (page) => ({ ...page, html: await readFile(page.source, 'utf8') })));
}
