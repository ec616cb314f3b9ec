/**
 * A batch of a page's links as the marks content script sends it (LinkBatch), made into the
 * look-ups linkMarks takes: each `href` resolved against the page's base URL as the browser
 * resolves a link (the page leaves that to the worker: BENCHMARKS.md, "Link marks on a front
 * page"), only links to http(s) pages other than the page itself kept, and each text's whitespace
 * folded.
 */
import { LINK_BATCH, type LinkBatch } from '../protocol.ts';
import type { LinkQuery } from './links.ts';

/** The batch's links worth looking up, each with its place in the batch. */
export function linkQueries(batch: LinkBatch): { index: number; query: LinkQuery }[] {
  const here = parse(batch.page);
  if (here) here.hash = '';
  const found: { index: number; query: LinkQuery }[] = [];
  batch.hrefs.forEach((href, index) => {
    const url = parse(href, batch.base);
    if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) return;
    const address = url.href;
    url.hash = '';
    if (url.href === here?.href) return;
    found.push({ index, query: { url: address, text: fold(batch.texts[index] ?? '') } });
  });
  return found;
}

/** URL.parse, which the oldest browsers the extension runs in (Chromium 120) lack. */
function parse(address: string, base?: string): URL | null {
  try {
    return new URL(address, base);
  } catch {
    return null;
  }
}

/** Whitespace other than single spaces: a text folded only when it has some (most have none). */
const UNFOLDED = /\s\s|[^\S ]/;

const fold = (text: string) => (UNFOLDED.test(text) ? text.replace(/\s+/g, ' ') : text).trim().slice(0, LINK_BATCH.text);
