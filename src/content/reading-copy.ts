/**
 * A copy of the page for Readability, whose parse() rewrites the document it is given. Made in a
 * document of its own, with no window (nothing in it loads or runs), and without the head's style
 * sheets, which Chromium parses again as they enter the copy and Readability drops anyway
 * (BENCHMARKS.md, "Style sheets left out of the reading copy").
 */
export function readingCopy(doc: Document): Document {
  const copy = doc.cloneNode(false) as Document;
  const root = copy.appendChild(copy.importNode(doc.documentElement, false));
  for (const child of doc.documentElement.childNodes) {
    if (child !== doc.head) {
      root.appendChild(copy.importNode(child, true));
      continue;
    }
    const head = root.appendChild(copy.importNode(child, false));
    for (const node of child.childNodes) if (node.nodeName !== 'STYLE') head.appendChild(copy.importNode(node, true));
  }
  return copy;
}
