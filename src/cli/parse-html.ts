/**
 * The DOM of a saved page in Node, built as a browser builds it. linkedom alone does not follow the
 * HTML standard's tree construction: a page that opens with a script or comment before `<html>`
 * leaves it without a usable document element, and Readability throws where Chromium reads the
 * article. parse5 follows the standard; its serialisation (explicit html, head and body, every
 * element closed) is then read by linkedom, the fast DOM Readability runs on here. Measured on the
 * 546 corpus pages: no page without a body, against 3 with linkedom alone (BENCHMARKS.md, "The DOM
 * in Node").
 */
import { parse, serialize } from 'parse5';
import { parseHTML } from 'linkedom';

export function parseHtmlDocument(html: string): Document {
  return parseHTML(serialize(parse(html))).document as unknown as Document;
}
