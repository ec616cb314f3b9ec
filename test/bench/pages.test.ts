import { describe, expect, it } from 'vitest';
import { benchPages } from '../../src/bench/pages.ts';
import { articlePage } from '../fixtures/html.ts';
import { makeArticle } from '../fixtures/text.ts';

describe('benchPages', () => {
  it('lists a page whose run throws and times every other page', () => {
    const good = { id: 'good', url: 'https://news.example/a', html: articlePage({ title: 'Harbour bridge approved', paragraphs: makeArticle(5, 8) }) };
    // Not a string: the parser throws, as a page that breaks the DOM or Readability would.
    const broken = { id: 'broken', url: 'https://news.example/b', html: null as unknown as string };
    const result = benchPages([broken, good], 1);
    expect(result.failures).toHaveLength(1);
    expect(result.failures[0]!.id).toBe('broken');
    expect(result.failures[0]!.error).toMatch(/Error/);
    expect(result.timings.map((t) => t.id)).toEqual(['good']);
    expect(result.reports).toHaveLength(1);
  });
});
