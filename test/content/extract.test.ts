import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { MAX_DEPTH, extractArticle } from '../../src/content/extract.ts';
import { articlePage } from '../fixtures/html.ts';
import { makeArticle } from '../fixtures/text.ts';

const URL = 'https://news.example/story';
const parse = (html: string) => parseHTML(html).document;

describe('extracting from hostile pages', () => {
  it('keeps words whole across zero-width no-break spaces (U+FEFF), which JavaScript counts as white space', () => {
    const story = makeArticle(61, 5);
    const sprinkled = story.map((p) => p.replace(/(\p{L}{3})(\p{L})/gu, '$1\uFEFF$2'));
    const plain = extractArticle(parse(articlePage({ title: 'A story', paragraphs: story })), URL);
    const copy = extractArticle(parse(articlePage({ title: 'A story', paragraphs: sprinkled })), URL);
    if (!plain.article || !copy.article) return expect.fail('both pages are articles');
    expect(copy.fingerprint.hashes).toEqual(plain.fingerprint.hashes);
  });

  it('gives up on a document nested deeper than MAX_DEPTH, before Readability', () => {
    const document = parse(articlePage({ title: 'Deep', paragraphs: makeArticle(62, 5) }));
    let node: Element = document.querySelector('main')!;
    for (let i = 0; i < MAX_DEPTH; i++) node = node.appendChild(document.createElement('div'));
    expect(extractArticle(document, URL)).toEqual({ article: false, reason: 'page too deep' });
  });

  it('does not take binary data served as HTML for an article', () => {
    // Random bytes read as windows-1252 are about one control character in nine; here one a word.
    const garbled = makeArticle(63, 5).map((p) => p.replace(/ /g, '\u0001 '));
    expect(extractArticle(parse(articlePage({ title: 'Garbage', paragraphs: garbled })), URL)).toEqual({ article: false, reason: 'not text' });
  });
});
