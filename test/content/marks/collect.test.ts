// What the marks content script sends about a page's links (linkedom: hrefs are given absolute, as a browser resolves them).
import fc from 'fast-check';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { describeLinks } from '../../../src/content/marks/collect.ts';

const HERE = 'https://front.example/';

function links(body: string) {
  const { document } = parseHTML(`<!DOCTYPE html><html><body>${body}</body></html>`);
  return [...document.querySelectorAll('a[href]')] as unknown as HTMLAnchorElement[];
}

describe('describeLinks', () => {
  it('sends each http(s) link once, with its text folded, and leaves out the page itself', () => {
    const anchors = links(`
      <a href="https://a.example/1">  Council approves the
        new harbour bridge plan </a>
      <a href="https://front.example/#top">This page</a>
      <a href="mailto:desk@front.example">Write to us</a>
      <a href="javascript:void 0">Menu</a>
      <a href="http://b.example/2"><img alt=""></a>`);
    const seen = new WeakSet<Element>();
    expect(describeLinks(anchors, seen, HERE).map((f) => f.link)).toEqual([
      { url: 'https://a.example/1', text: 'Council approves the new harbour bridge plan' },
      { url: 'http://b.example/2', text: '' },
    ]);
    expect(describeLinks(anchors, seen, HERE)).toEqual([]);
  });

  it('takes a card\'s heading for its headline, and cuts text that is no headline', () => {
    const teaser = 'A long teaser that goes on about the harbour, the bridge, the council and the vote for far longer than any headline would. ';
    const [card, long] = links(`
      <a href="https://a.example/card"><h3>Council approves the new harbour bridge plan</h3><p>${teaser}</p></a>
      <a href="https://a.example/long">${teaser.repeat(6)}</a>`);
    const found = describeLinks([card!, long!], new WeakSet(), HERE).map((f) => f.link.text);
    expect(found[0]).toBe('Council approves the new harbour bridge plan');
    expect(found[1]).toHaveLength(400);
  });

  it('passes over a link whose href is no string (an SVG <a>, its href an SVGAnimatedString), and the rest still go', () => {
    const svgLink = { href: { baseVal: 'https://a.example/x', animVal: 'https://a.example/x' } } as unknown as HTMLAnchorElement;
    const [html] = links('<a href="https://a.example/1">Council approves the new harbour bridge plan</a>');
    expect(describeLinks([svgLink, html!], new WeakSet(), HERE).map((f) => f.link.url)).toEqual(['https://a.example/1']);
  });

  it('folds whitespace as before, while folding only the texts that need it', () => {
    const before = (text: string) => text.replace(/\s+/g, ' ').trim().slice(0, 400);
    const sentText = (text: string) => {
      const { document } = parseHTML('<!DOCTYPE html><html><body><a href="https://a.example/1"></a></body></html>');
      const anchor = document.querySelector('a') as unknown as HTMLAnchorElement;
      anchor.textContent = text;
      return describeLinks([anchor], new WeakSet(), HERE)[0]!.link.text;
    };
    for (const text of ['  Council  approves\n\tthe plan ', '\u00a0Council approves\u2003the plan\u00a0', 'Council approves the plan', ' ', 'A\r\nB']) {
      expect(sentText(text)).toBe(before(text));
    }
    const spacey = fc.string({ unit: fc.constantFrom('a', 'b', ' ', '  ', '\n', '\t', '\u00a0', '\u2003', '\u3000', '\ufeff', '\u2028') });
    fc.assert(fc.property(spacey, (text) => sentText(text) === before(text)));
  });

  it('leaves out links to this page, with or without a fragment, but not to a longer address', () => {
    const anchors = links(`
      <a href="https://front.example/">Home</a>
      <a href="https://front.example/#section">Section</a>
      <a href="https://front.example/page">Another page</a>`);
    expect(describeLinks(anchors, new WeakSet(), HERE).map((f) => f.link.url)).toEqual(['https://front.example/page']);
  });
});
