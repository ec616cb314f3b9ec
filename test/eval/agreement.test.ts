import { describe, expect, it } from 'vitest';
import { agreement, type NodeExtraction } from '../../src/eval/agreement.ts';
import type { BrowserExtraction } from '../../src/eval/browser-extraction.ts';
import { textTokens } from '../../src/eval/f1.ts';

const words = (n: number, from = 0) => Array.from({ length: n }, (_, i) => `word${i + from}`).join(' ');

describe('agreement', () => {
  it('agrees on the same text, and on no article in either', () => {
    const node = new Map<string, NodeExtraction>([['a', { tokens: textTokens(words(200)) }], ['b', { reason: 'not readerable' }]]);
    const browser = new Map<string, BrowserExtraction>([['a', { article: true, text: words(200) }], ['b', { article: false, reason: 'too short' }]]);
    expect(agreement(node, browser, textTokens)).toEqual({ pages: 2, agree: 2, meanF1: 1, differing: [] });
  });

  it('lists a page whose texts differ by more than 1 %, and one found by only one side, lowest first', () => {
    const node = new Map<string, NodeExtraction>([
      ['close', { tokens: textTokens(words(1000)) }],
      ['apart', { tokens: textTokens(words(100)) }],
      ['only-node', { tokens: textTokens(words(50)) }],
      ['only-browser', { reason: 'not readerable' }],
    ]);
    const browser = new Map<string, BrowserExtraction>([
      ['close', { article: true, text: `${words(1000)} ${words(5, 5000)}` }], // F1 ≈ 0.9975: agrees
      ['apart', { article: true, text: `${words(100)} ${words(10, 5000)}` }], // F1 ≈ 0.952
      ['only-node', { article: false, reason: 'no article found' }],
      ['only-browser', { article: true, text: words(300) }],
    ]);
    const result = agreement(node, browser, textTokens);
    expect(result.agree).toBe(1);
    expect(result.differing.map((d) => d.id)).toEqual(['only-browser', 'only-node', 'apart']);
    expect(result.differing[2]!.f1).toBeCloseTo(200 / 210, 3);
    expect(result.differing[1]).toMatchObject({ f1: 0, node: '50 tokens', browser: 'no article found' });
  });

  it('counts a page the browser never ran as differing', () => {
    const result = agreement(new Map([['a', { tokens: ['x'] }]]), new Map(), textTokens);
    expect(result.differing).toEqual([{ id: 'a', f1: 0, node: '1 tokens', browser: 'not run in the browser' }]);
  });
});
