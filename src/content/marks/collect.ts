/**
 * The links of a part of the page worth asking about: to http(s) pages other than this one, with
 * the text that may be their headline. Reads only, and cheaply (no layout: textContent, never
 * innerText; a heading looked for only in a link too long to be a headline alone; whitespace
 * folded only in a text that needs it: BENCHMARKS.md, "Link marks on a front page").
 */
import type { PageLink } from '../../protocol.ts';

/** Text beyond this is no headline (the worker's limit is higher: LIMITS.linkText). */
const TEXT_LIMIT = 400;
/** Longer link text is a card (headline, teaser, byline): its heading, if any, is the headline. */
const CARD_TEXT = 150;

/** A link found, with what is sent about it. */
export interface FoundLink {
  anchor: HTMLAnchorElement;
  link: PageLink;
}

/**
 * The links in or at each of `roots`, as a list to go through in slices. The extension's own
 * notice is never among them: its links are in a closed shadow root, which querySelectorAll does
 * not enter.
 */
export function anchorsIn(roots: readonly (Element | Document)[]): HTMLAnchorElement[] {
  // An SVG <a href> matches the selector too: its href is no string.
  return roots.flatMap((root) => (root instanceof HTMLAnchorElement ? [root] : [...root.querySelectorAll('a[href]')].filter(isHtmlLink)));
}

const isHtmlLink = (el: Element): el is HTMLAnchorElement => el instanceof HTMLAnchorElement;

/**
 * What is sent about each new link among `anchors` (each anchor once: `seen` remembers them).
 * `here`: this page's address without its fragment; links to it are left out.
 */
export function describeLinks(anchors: readonly HTMLAnchorElement[], seen: WeakSet<Element>, here: string): FoundLink[] {
  const found: FoundLink[] = [];
  for (const anchor of anchors) {
    if (seen.has(anchor)) continue;
    seen.add(anchor);
    const url: unknown = anchor.href;
    if (typeof url !== 'string' || !url.startsWith('http') || (url.startsWith(here) && (url.length === here.length || url[here.length] === '#'))) continue;
    found.push({ anchor, link: { url, text: headlineText(anchor) } });
  }
  return found;
}

/** Whitespace other than single spaces: a link's text folded only when it has some (most have none). */
const UNFOLDED = /\s\s|[^\S ]/;

function headlineText(anchor: HTMLAnchorElement): string {
  let text = anchor.textContent ?? '';
  if (text.length > CARD_TEXT) text = anchor.querySelector('h1, h2, h3, h4, h5, h6')?.textContent ?? text;
  text = text.trim();
  return (UNFOLDED.test(text) ? text.replace(/\s+/g, ' ') : text).slice(0, TEXT_LIMIT);
}
