/**
 * The links of a part of the page, as the worker is asked about them (LinkBatch). Reads only, and
 * as little as it can (BENCHMARKS.md, "Link marks on a front page"): each link's `href` attribute
 * as written, which the worker resolves (the `href` property resolves each address in the page,
 * several times the cost), and its text (textContent, never innerText, which needs layout; a
 * heading looked for only in a link too long to be a headline alone), trimmed; folding and the
 * rest are the worker's.
 */
import { LINK_BATCH } from '../../protocol.ts';

/** Longer link text is a card (headline, teaser, byline): its heading, if any, is the headline. */
const CARD_TEXT = 150;
const HEADINGS = 'h1, h2, h3, h4, h5, h6';

/** A slice of links to ask about: the anchors, what is sent of each (LinkBatch's lists), and what each was asked with. */
export interface Described {
  anchors: HTMLAnchorElement[];
  hrefs: string[];
  texts: string[];
  asked: Asked[];
}

/**
 * What a link was looked at with: its `href` attribute, and its headline text (null: not asked
 * about, no page or no HTML link). A link whose attribute or text differs now has changed since.
 */
export interface Asked {
  href: string | null;
  text: string | null;
}

/** Whether the link leads elsewhere, or reads otherwise, than when it was looked at. */
export const changedSince = (anchor: Element, asked: Asked): boolean =>
  anchor.getAttribute('href') !== asked.href || (asked.text !== null && anchor instanceof HTMLAnchorElement && headlineText(anchor) !== asked.text);

/** The link a node is in (or is), if any. */
export const linkAround = (node: Node): Element | null => (node instanceof Element ? node : node.parentElement)?.closest('a') ?? null;

/**
 * The links in or at each of `roots`, as a list to go through in slices. The extension's own
 * notice is never among them: its links are in a closed shadow root, which querySelectorAll does
 * not enter.
 */
export function anchorsIn(roots: readonly (Element | Document)[]): Element[] {
  return roots.flatMap((root) => (root instanceof HTMLAnchorElement ? [root] : [...root.querySelectorAll('a[href]')]));
}

/** An address with other than ASCII in it. */
const NON_ASCII = /[^\x00-\x7f]/;
/** An address that is no page: never marked, so not sent (the worker would leave it out too). */
const NO_PAGE = /^\s*(?:javascript|mailto|tel|data|blob):/i;

/**
 * What is sent about each new link among `anchors` (each anchor once: `seen` remembers what it was asked with).
 * `legacy`: the page is in an encoding other than UTF-8, in which the browser writes a query's
 * other-than-ASCII characters as no URL parser elsewhere would: such a link is sent resolved.
 */
export function describeLinks(anchors: readonly Element[], seen: WeakMap<Element, Asked>, legacy: boolean): Described {
  const found: Described = { anchors: [], hrefs: [], texts: [], asked: [] };
  for (const anchor of anchors) {
    if (seen.has(anchor)) continue;
    const attribute = anchor.getAttribute('href');
    // An SVG or MathML <a href> matches `a[href]` too: its href is no string, and it takes no title.
    if (!(anchor instanceof HTMLAnchorElement)) {
      seen.set(anchor, { href: attribute, text: null });
      continue;
    }
    const href = attribute !== null && legacy && NON_ASCII.test(attribute) ? anchor.href : attribute;
    // No address the worker would take, or that could be a page read, is worth asking about.
    if (href === null || href.length > LINK_BATCH.href || NO_PAGE.test(href)) {
      seen.set(anchor, { href: attribute, text: null });
      continue;
    }
    const text = headlineText(anchor);
    const asked = { href: attribute, text };
    seen.set(anchor, asked);
    found.anchors.push(anchor);
    found.hrefs.push(href);
    found.texts.push(text);
    found.asked.push(asked);
  }
  return found;
}

/**
 * The link's text, or its card's heading, trimmed; none for a text that no headline is as long as
 * (MAX_HEADLINE_LENGTH, src/core/headline.ts), its whitespace folded: it cannot match, and it
 * would be most of the bytes sent.
 */
export function headlineText(anchor: HTMLAnchorElement): string {
  let text = anchor.textContent ?? '';
  if (text.length > CARD_TEXT) text = anchor.querySelector(HEADINGS)?.textContent ?? text;
  text = text.trim();
  if (text.length > LINK_BATCH.text) text = text.replace(/\s+/g, ' ');
  return text.length > LINK_BATCH.text ? '' : text;
}
