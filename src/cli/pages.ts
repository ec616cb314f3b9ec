import { readFile } from 'node:fs/promises';
import { extractArticle, type Article, type NotArticle } from '../content/extract.ts';
import { parseHtmlDocument } from './parse-html.ts';

export type Extracted = Article | (NotArticle & { error?: string });

/** Reads and extracts one saved page; any failure becomes "not an article" with the reason. */
export async function extractFile(path: string, url: string): Promise<Extracted> {
  let html: string;
  try {
    html = await readFile(path, 'utf8');
  } catch (error) {
    return failed(`cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
  return extractHtml(html, url);
}

export function extractHtml(html: string, url: string): Extracted {
  try {
    return extractArticle(parseHtmlDocument(html), url);
  } catch (error) {
    return failed(`cannot parse the page: ${error instanceof Error ? error.message : String(error)}`);
  }
}

function failed(error: string): Extracted {
  return { article: false, reason: error, error };
}
