/**
 * Content script, run at document idle on http(s) pages: extract the article, fingerprint it and
 * report it to the background. It never throws into the page: every failure is caught and logged.
 */
import { send } from '../messages.ts';
import { extractArticle, toReport } from './extract.ts';

async function run(): Promise<void> {
  // Only the top document: frames are ads, embeds and widgets, never the article being read.
  if (window.top !== window) return;
  if (!/html/i.test(document.contentType)) return;
  await send('page/report', toReport(location.href, extractArticle(document, location.href)));
}

run().catch((error: unknown) => console.debug('deja-lu: page not checked:', error));
