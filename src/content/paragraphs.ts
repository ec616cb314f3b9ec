/** Elements that start a new paragraph of text (the rest flow inline). */
const BLOCK = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'BR', 'DD', 'DIV', 'DL', 'DT', 'FIGCAPTION', 'FIGURE',
  'FOOTER', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HR', 'LI', 'MAIN', 'OL', 'P', 'PRE',
  'SECTION', 'TABLE', 'TD', 'TH', 'TR', 'UL',
]);
const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'BUTTON', 'SELECT', 'TEXTAREA']);

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;
/**
 * Runs of white space. Not `\s`: JavaScript counts U+FEFF (zero-width no-break space) as white
 * space, and a space inside "wo\uFEFFrd" would split a word that normalise() keeps whole.
 */
export const SPACE_RUN = /[^\S\uFEFF]+/g;

/**
 * The text of an element split into its paragraphs, whitespace collapsed, empty ones dropped.
 * `linked`, when given, receives for each paragraph how many of its characters are link text.
 */
export function articleParagraphs(root: Element, linked?: number[]): string[] {
  const paragraphs: string[] = [];
  let current = '';
  let linkChars = 0;
  let inLink = 0;
  const flush = () => {
    const text = current.replace(SPACE_RUN, ' ').trim();
    if (text) {
      paragraphs.push(text);
      linked?.push(Math.min(linkChars, text.length));
    }
    current = '';
    linkChars = 0;
  };
  // Iterative walk: articles nested thousands deep must not overflow the stack.
  const stack: { node: Node; leaving: boolean }[] = [{ node: root, leaving: false }];
  while (stack.length > 0) {
    const { node, leaving } = stack.pop()!;
    if (node.nodeType === TEXT_NODE) {
      const value = node.nodeValue ?? '';
      current += value;
      if (inLink > 0) linkChars += value.replace(SPACE_RUN, ' ').length;
      continue;
    }
    if (node.nodeType !== ELEMENT_NODE) continue;
    const tag = (node as Element).tagName.toUpperCase();
    if (SKIP.has(tag)) continue;
    const block = BLOCK.has(tag);
    const link = tag === 'A' ? 1 : 0;
    if (leaving) {
      inLink -= link;
      if (block) flush();
      continue;
    }
    if (block) flush();
    inLink += link;
    stack.push({ node, leaving: true });
    const children = node.childNodes;
    for (let i = children.length - 1; i >= 0; i--) stack.push({ node: children[i]!, leaving: false });
  }
  flush();
  return paragraphs;
}
