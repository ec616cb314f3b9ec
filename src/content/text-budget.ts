import { clip } from '../core/clip.ts';

/** Elements whose text is not page text: it neither counts towards the budget nor is cut for it. */
export const NOT_TEXT: ReadonlySet<string> = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE']);

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;

/**
 * Cuts `root` after its first `budget` characters of text, counted in document order without
 * white space at the ends of text nodes: the text node that passes the budget is cut to it (one
 * `<p>` of a million characters is a page too), everything after it goes (its following siblings
 * and those of each ancestor up to `root`).
 * Returns the characters of text kept, as counted (the budget when the page was cut): a page with
 * almost none is not worth Readability's time. A single pass over the part kept; nothing after it is read.
 */
export function cutAfterText(root: Element, budget: number): number {
  let seen = 0;
  let node: Node | null = root.firstChild;
  while (node) {
    if (node.nodeType === TEXT_NODE) {
      const value = node.nodeValue ?? '';
      const length = value.trim().length;
      // White space counts for nothing but still costs Readability its length: a run of it is one space.
      if (length === 0 && value.length > 64) node.nodeValue = ' ';
      if (seen + length > budget) {
        const leading = value.length - value.trimStart().length;
        node.nodeValue = clip(value, leading + budget - seen);
        seen = budget;
        break;
      }
      seen += length;
    } else if (node.nodeType === ELEMENT_NODE && node.firstChild && !NOT_TEXT.has((node as Element).tagName.toUpperCase())) {
      node = node.firstChild;
      continue;
    }
    node = following(node, root);
  }
  for (let at = node; at && at !== root; at = at.parentNode) {
    while (at.nextSibling) at.nextSibling.remove();
  }
  return seen;
}

/** The next node in document order after `node` and its descendants, inside `root`. */
function following(node: Node, root: Node): Node | null {
  for (let at: Node | null = node; at && at !== root; at = at.parentNode) if (at.nextSibling) return at.nextSibling;
  return null;
}
