import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { fingerprint } from '../../src/core/fingerprint.ts';
import { highlightNew } from '../../src/content/whats-new.ts';
import { articlePage } from '../fixtures/html.ts';
import { makeArticle } from '../fixtures/text.ts';

describe("what's new", () => {
  it('marks the paragraphs not read before, and restores the page exactly', () => {
    const story = makeArticle(51, 6);
    const { document } = parseHTML(articlePage({ title: 'x', paragraphs: story }));
    document.querySelectorAll('p')[3]!.setAttribute('style', 'color: red');
    const before = document.toString();
    const read = fingerprint(story.slice(0, 4)).paragraphs;
    const result = highlightNew(document, fingerprint(story).paragraphs, read);
    expect(result).toMatchObject({ fresh: 2, total: 6 });
    const marked = [...document.querySelectorAll('p')].filter((p) => p.getAttribute('style')?.includes('background-color'));
    expect(marked.map((p) => p.textContent)).toEqual(story.slice(4));
    result.undo();
    expect(document.toString()).toBe(before);
  });

  it('says nothing is new when every paragraph was read', () => {
    const story = makeArticle(52, 3);
    const { document } = parseHTML(articlePage({ title: 'x', paragraphs: story }));
    const prints = fingerprint(story).paragraphs;
    expect(highlightNew(document, prints, prints).fresh).toBe(0);
  });
});
