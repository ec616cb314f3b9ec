import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { parseHtmlDocument } from '../../src/cli/parse-html.ts';
import { extractHtml } from '../../src/cli/pages.ts';
import { makeArticle } from '../fixtures/text.ts';

// Old markup as real pages of 2008 have it: no <html>, <head> or <body> tags (all optional in
// HTML), a table layout, paragraphs never closed.
const story = makeArticle(41, 8);
const oldPage = `<title>Council approves the harbour bridge</title>
<meta name="description" content="">
<table width="100%"><tr><td class="nav"><a href="/">Home</a> | <a href="/news">News</a>
<td class="ArticleText"><h1>Council approves the harbour bridge</h1>
${story.map((p) => `<p>${p}`).join('\n')}
</table>`;

describe('parseHtmlDocument', () => {
  it('builds the html, head and body a page leaves implicit, as a browser does', () => {
    const document = parseHtmlDocument(oldPage);
    expect(document.documentElement.tagName).toBe('HTML');
    expect(document.head.querySelector('title')?.textContent).toBe('Council approves the harbour bridge');
    expect(document.body.querySelectorAll('td.ArticleText > p')).toHaveLength(story.length);
    expect(document.body.querySelector('td.ArticleText p')?.textContent?.trim()).toBe(story[0]);
  });

  it('gives the command line the article that linkedom alone loses', () => {
    // The case it mends: linkedom makes the first element the document element, and
    // Readability throws on the page.
    expect(parseHTML(oldPage).document.documentElement?.tagName).toBe('TITLE');
    const found = extractHtml(oldPage, 'https://old.example/news/bridge.html');
    expect(found.article).toBe(true);
    if (!found.article) return;
    expect(found.title).toBe('Council approves the harbour bridge');
    expect(found.paragraphs.map((p) => p.trim())).toEqual(story);
  });
});
