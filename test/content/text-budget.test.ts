import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { cutAfterText } from '../../src/content/text-budget.ts';
import { articlePage } from '../fixtures/html.ts';
import { makeArticle } from '../fixtures/text.ts';

const parse = (html: string) => parseHTML(html).document;
/** linkedom needs the html element to give the body it parsed. */
const page = (body: string) => parse(`<!doctype html><html><head></head><body>${body}</body></html>`);
const BUDGET = 5_000;
/** The page's text in document order, white space collapsed: what a cut must keep a prefix of. */
const textOf = (root: Element) => (root.textContent ?? '').replace(/\s+/g, ' ').trim();
/** Characters the budget counts in a subtree (a plain recursion, unlike the walk under test). */
const counted = (node: Node): number => node.nodeType === 3
  ? (node.nodeValue ?? '').trim().length
  : [...node.childNodes].reduce((sum, child) => sum + counted(child), 0);

describe('cutAfterText', () => {
  it('keeps a prefix of a long page: everything up to the budget, inside the paragraph that passes it, nothing after it', () => {
    const paragraphs = makeArticle(71, 200);
    const document = parse(articlePage({ title: 'Long', paragraphs }));
    const before = textOf(document.body);

    expect(cutAfterText(document.body, BUDGET)).toBe(BUDGET);

    const after = textOf(document.body);
    expect(before.startsWith(after)).toBe(true);
    const kept = [...document.querySelectorAll('article p:not(.byline)')].map((p) => p.textContent);
    // What counts before the article's paragraphs: the header, the title and the byline.
    const lead = ['header', 'h1', '.byline'].reduce((sum, selector) => sum + counted(document.querySelector(selector)!), 0);
    const passing = paragraphs.findIndex((_, i) => lead + paragraphs.slice(0, i + 1).join('').length > BUDGET);
    const room = BUDGET - lead - paragraphs.slice(0, passing).join('').length;
    expect(kept).toEqual([...paragraphs.slice(0, passing), paragraphs[passing]!.slice(0, room)]);
    // The article's siblings after it (aside, footer) are gone too.
    expect(document.querySelector('aside')).toBeNull();
    expect(document.querySelector('footer')).toBeNull();
    expect(document.querySelector('header')).not.toBeNull();
  });

  it('leaves a page shorter than the budget as it is', () => {
    const document = parse(articlePage({ title: 'Short', paragraphs: makeArticle(72, 10) }));
    const html = document.body.outerHTML;
    const text = counted(document.body);
    expect(text).toBeLessThan(BUDGET);
    expect(cutAfterText(document.body, BUDGET)).toBe(text);
    expect(document.body.outerHTML).toBe(html);
  });

  it('does not count the text of scripts, styles, noscript and templates', () => {
    const filler = 'x'.repeat(BUDGET);
    const extra = ['script', 'style', 'noscript', 'template'].map((tag) => `<${tag}>${filler}</${tag}>`).join('');
    const document = parse(articlePage({ title: 'Scripted', paragraphs: makeArticle(73, 10), extra }));
    const html = document.body.outerHTML;
    expect(cutAfterText(document.body, BUDGET)).toBe(counted(document.body) - 4 * BUDGET);
    expect(document.body.outerHTML).toBe(html);
  });

  it('does not count white space between tags', () => {
    const spaced = page(`${'<div>\n            </div>'.repeat(1_000)}<p>${'word '.repeat(200)}</p><p>last</p>`);
    expect(cutAfterText(spaced.body, 1_500)).toBe(1_003);
    expect(spaced.body.lastElementChild?.textContent).toBe('last');
  });

  it('cuts inside nested elements: following siblings of every ancestor go, earlier ones stay', () => {
    const document = page('<div id="a"><p id="b">12345</p><div id="c"><p id="d">67890</p><p id="e">more</p></div><p id="f">tail</p></div><p id="g">end</p>');
    expect(cutAfterText(document.body, 7)).toBe(7);
    expect([...document.querySelectorAll('[id]')].map((e) => e.id)).toEqual(['a', 'b', 'c', 'd']);
    expect(document.getElementById('d')?.textContent).toBe('67');
  });

  it('holds inside one huge text node: a <p> of a million characters keeps the budget', () => {
    const document = page(`<p>  ${'\uFDFA'.repeat(1_000_000)}</p><p>after</p>`);
    expect(cutAfterText(document.body, 30_000)).toBe(30_000);
    expect(counted(document.body)).toBe(30_000);
    expect(document.body.textContent).not.toContain('after');
  });

  it('does not split a surrogate pair where it cuts', () => {
    const document = page(`<p>ab${'😀'.repeat(10)}</p>`);
    expect(cutAfterText(document.body, 5)).toBe(5);
    expect(document.body.textContent).toBe('ab😀');
  });

  it('makes a long run of white space one space, which costs Readability nothing', () => {
    const doc = page(`<p>Before.</p><div>${' '.repeat(1_000_000)}</div><p>After.</p>`);
    cutAfterText(doc.body, BUDGET);
    expect(doc.body.querySelector('div')!.textContent).toBe(' ');
    expect(doc.body.textContent).toContain('After.');
  });
});
