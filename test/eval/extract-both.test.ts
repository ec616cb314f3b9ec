import { describe, expect, it } from 'vitest';
import { bagF1, textTokens } from '../../src/eval/f1.ts';
import { extractBoth } from '../../src/eval/pipeline.ts';
import { makeArticle } from '../fixtures/text.ts';

const story = makeArticle(7, 12);
const page = `<!doctype html><html><head><title>A story</title></head><body>
<nav><a href="/">Home</a> <a href="/news">News</a></nav>
<article><h1>A story</h1>${story.map((p) => `<p>${p}</p>`).join('\n')}</article>
<footer>Sign up for our newsletter</footer></body></html>`;

describe('extractBoth', () => {
  it('gives our article and Readability\'s text from one parse, both close to the story', () => {
    const { ours, raw, rawFailure } = extractBoth(page, 'https://example.com/a-story');
    expect(rawFailure).toBeUndefined();
    expect(ours.article).toBe(true);
    if (!ours.article) return;
    const gold = textTokens(story.join('\n\n'));
    expect(bagF1(textTokens(ours.paragraphs.join('\n\n')), gold).f1).toBeGreaterThan(0.95);
    expect(bagF1(textTokens(raw ?? ''), gold).f1).toBeGreaterThan(0.95);
  });

  it('gives no article for a page that is not one, and says why', () => {
    const { ours } = extractBoth('<html><body><p>Hello.</p></body></html>', 'https://example.com/');
    expect(ours.article).toBe(false);
    if (!ours.article) expect(ours.reason).toBeTruthy();
  });
});
