// What the marks content script sends about a page's links: the href attributes as written, their texts trimmed.
import { parseHTML } from 'linkedom';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { changedSince, describeLinks, type Asked } from '../../../src/content/marks/collect.ts';
import { MAX_HEADLINE_LENGTH, headlineKey } from '../../../src/core/headline.ts';
import { LINK_BATCH } from '../../../src/protocol.ts';

const window = parseHTML('<!DOCTYPE html><html><body></body></html>');

function links(body: string) {
  const { document } = parseHTML(`<!DOCTYPE html><html><body>${body}</body></html>`);
  return [...document.querySelectorAll('a[href]')] as unknown as HTMLAnchorElement[];
}

// The page's HTMLAnchorElement, as the content script sees it in a browser.
beforeAll(() => vi.stubGlobal('HTMLAnchorElement', window.HTMLAnchorElement));
afterAll(() => vi.unstubAllGlobals());

describe('describeLinks', () => {
  it('sends each link once, its href as written and its text trimmed, leaving the rest to the worker', () => {
    const anchors = links(`
      <a href="https://a.example/1">  Council approves the
        new harbour bridge plan </a>
      <a href="#top">This page</a>
      <a href="../section/2?x=1">Section</a>
      <a href="http://b.example/2"><img alt=""></a>`);
    const seen = new WeakMap<Element, Asked>();
    const found = describeLinks(anchors, seen, false);
    expect(found.hrefs).toEqual(['https://a.example/1', '#top', '../section/2?x=1', 'http://b.example/2']);
    expect(found.texts).toEqual(['Council approves the\n        new harbour bridge plan', 'This page', 'Section', '']);
    expect(found.anchors).toEqual(anchors);
    expect(describeLinks(anchors, seen, false).anchors).toEqual([]);
  });

  it('remembers what each link was asked with, and tells a link pointed elsewhere or given another text', () => {
    const [asked, noPage] = links('<a href="/story">Council approves the new harbour bridge plan</a><a href="mailto:x@example.com">Write to us</a>');
    const seen = new WeakMap<Element, Asked>();
    const found = describeLinks([asked!, noPage!], seen, false);
    expect(found.asked).toEqual([{ href: '/story', text: 'Council approves the new harbour bridge plan' }]);
    expect(seen.get(noPage!)).toEqual({ href: 'mailto:x@example.com', text: null });
    expect(changedSince(asked!, seen.get(asked!)!)).toBe(false);
    asked!.setAttribute('href', '/story');
    expect(changedSince(asked!, seen.get(asked!)!)).toBe(false);
    asked!.textContent = 'Loading…';
    expect(changedSince(asked!, seen.get(asked!)!)).toBe(true);
    asked!.textContent = ' Council approves the new harbour bridge plan ';
    expect(changedSince(asked!, seen.get(asked!)!)).toBe(false);
    asked!.setAttribute('href', '/another-story');
    expect(changedSince(asked!, seen.get(asked!)!)).toBe(true);
    // A link never asked about (no page) changes with its address only.
    noPage!.textContent = 'Write to the editors';
    expect(changedSince(noPage!, seen.get(noPage!)!)).toBe(false);
    noPage!.setAttribute('href', '/letters');
    expect(changedSince(noPage!, seen.get(noPage!)!)).toBe(true);
  });

  it('takes a card\'s heading for its headline, and sends no text longer than a headline can be', () => {
    expect(LINK_BATCH.text).toBe(MAX_HEADLINE_LENGTH);
    const teaser = 'A long teaser that goes on about the harbour, the bridge, the council and the vote for far longer than any headline would. ';
    const headline = 'Council approves the new harbour bridge plan after a long debate about its cost and about the ferry it will replace';
    // Indented over many lines: long as written, a headline once its whitespace is folded.
    const indented = headline.split(' ').join('\n                    ');
    const [card, long, spread] = links(`
      <a href="https://a.example/card"><h3>Council approves the new harbour bridge plan</h3><p>${teaser}</p></a>
      <a href="https://a.example/long">${teaser.repeat(3)}</a>
      <a href="https://a.example/spread">${indented}</a>`);
    expect(indented.length).toBeGreaterThan(MAX_HEADLINE_LENGTH);
    const { texts } = describeLinks([card!, long!, spread!], new WeakMap<Element, Asked>(), false);
    expect(texts).toEqual(['Council approves the new harbour bridge plan', '', headline]);
    // What is left out could never match: too long for a headline, as the worker would see it.
    expect(headlineKey(teaser.repeat(3).replace(/\s+/g, ' ').trim())).toBeNull();
  });

  it('leaves out an address longer than the worker takes (a picture as a data: URL), and the rest still go', () => {
    const anchors = links(`<a href="data:image/png;base64,${'A'.repeat(5_000)}">Picture</a><a href="/1">Council approves the plan</a>`);
    expect(describeLinks(anchors, new WeakMap<Element, Asked>(), false).hrefs).toEqual(['/1']);
  });

  it('on a page in a legacy encoding, sends resolved by the page only a link with other than ASCII in it', () => {
    const anchors = links('<a href="/news?q=café">A link</a><a href="/news?q=cafe">A link</a>');
    // The browser's resolution, in the page's encoding.
    Object.defineProperty(anchors[0], 'href', { value: 'https://front.example/news?q=caf%E9' });
    expect(describeLinks(anchors, new WeakMap<Element, Asked>(), true).hrefs).toEqual(['https://front.example/news?q=caf%E9', '/news?q=cafe']);
    expect(describeLinks(anchors, new WeakMap<Element, Asked>(), false).hrefs).toEqual(['/news?q=café', '/news?q=cafe']);
  });

  it('passes over an SVG or MathML <a href> (no HTML link: no string href, no title) and addresses that are no page', () => {
    const { document } = parseHTML('<!DOCTYPE html><html><body></body></html>');
    const svgLink = document.createElementNS('http://www.w3.org/2000/svg', 'a');
    svgLink.setAttribute('href', '/svg');
    const [html, ...others] = links(`<a href="/1">Council approves the plan</a><a href="javascript:void 0">Menu</a>
      <a href=" MailTo:desk@front.example">Write</a><a href="data:text/plain,x">File</a><a href="tel:123">Call</a><a href="/2">Two</a>`);
    const found = describeLinks([svgLink as unknown as Element, html!, ...others], new WeakMap<Element, Asked>(), true);
    expect(found.hrefs).toEqual(['/1', '/2']);
  });
});
