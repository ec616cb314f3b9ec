/**
 * Bundled by the build as dist/eval-page.js: the content script's extraction, run by the
 * evaluation in Chromium on each corpus page (browser-extraction.ts). The recording minimum is
 * left out, as in the Node extraction it is compared with.
 */
import { extractArticle } from '../content/extract.ts';
import type { BrowserExtraction } from './browser-extraction.ts';

(globalThis as { dejaLuExtract?: (url: string) => BrowserExtraction }).dejaLuExtract = (url) => {
  const found = extractArticle(document, url, 1);
  return found.article ? { article: true, text: found.paragraphs.join('\n\n') } : { article: false, reason: found.reason };
};
