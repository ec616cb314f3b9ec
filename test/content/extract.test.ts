import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { MAX_DEPTH, MIN_TEXT_CHARS, extractArticle, extractSteps } from '../../src/content/extract.ts';
import { parseHtmlDocument } from '../../src/cli/parse-html.ts';
import { articlePage } from '../fixtures/html.ts';
import {
  AGGREGATOR_PAGE, BRIEF_PAGE, FRONT_PAGE, INBOX_PAGE, SEARCH_PAGE, SECTION_PAGE, SHOP_PAGE, articleWithRelated, divArticle, oldTableArticle,
} from '../fixtures/listings.ts';
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

describe('what is recorded as an article', () => {
  // parse5 first, as the command line and the browser build the document (old pages need it).
  const extract = (html: string) => extractArticle(parseHtmlDocument(html), URL);

  it.each([
    ['a news front page of teasers', FRONT_PAGE, /^a listing \(longest text between links: \d+ words\)$/],
    ['a section listing', SECTION_PAGE, /^a listing /],
    ['search results', SEARCH_PAGE, /^a listing /],
    ['an aggregator of other sites\' headlines', AGGREGATOR_PAGE, /^a listing /],
    ['a webmail inbox', INBOX_PAGE, /^snippets \(16 of 16 paragraphs end in an ellipsis\)$/],
    ['a shop category page', SHOP_PAGE, /^mostly links \(\d+% of the text\)$/],
    ['a brief', BRIEF_PAGE, /^too short \(\d+ words\)$/],
  ])('refuses %s, saying why', (_, html, reason) => {
    const found = extract(html);
    expect(found.article ? 'recorded as an article' : found.reason).toMatch(reason);
  });

  it.each([
    ['an old table layout (<font> text split by <br>, no <p>, hundreds of links around it)', oldTableArticle(91), 9],
    ['an article set in <div>s', divArticle(92), 8],
    ['an article followed by a long list of related stories', articleWithRelated(93), 7],
  ])('records %s, its paragraphs whole', (_, html, paragraphs) => {
    const found = extract(html);
    if (!found.article) return expect.fail(found.reason);
    expect(found.paragraphs.filter((p) => p.split(' ').length > 30)).toHaveLength(paragraphs);
    expect(found.fingerprint.words).toBeGreaterThan(paragraphs * 35);
  });

  it('turns away a page with almost no text before Readability, but not one that declares its body in JSON-LD', () => {
    const shell = `<!doctype html><html><head><title>App</title></head><body><div id="root"><span>Loading…</span></div><script>${'var state = 1;'.repeat(5_000)}</script></body></html>`;
    const steps: string[] = [];
    const run = extractSteps(parseHtmlDocument(shell), URL);
    let next = run.next();
    while (!next.done) {
      steps.push(next.value);
      next = run.next();
    }
    expect(next.value).toEqual({ article: false, reason: 'too little text (8 characters)' });
    expect(steps).not.toContain('readability');
    expect(8).toBeLessThan(MIN_TEXT_CHARS);

    const body = makeArticle(94, 6).join('\n\n');
    const declared = shell.replace('</head>', `<script type="application/ld+json">${JSON.stringify({ '@type': 'NewsArticle', articleBody: body })}</script></head>`);
    const found = extract(declared);
    if (!found.article) return expect.fail(found.reason);
    expect(found.paragraphs).toEqual(body.split('\n\n'));
  });
});
