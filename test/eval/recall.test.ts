import { describe, expect, it } from 'vitest';
import { articleRecall, RECALL_MIN_WORDS } from '../../src/eval/recall.ts';

const words = (n: number) => Array.from({ length: n }, (_, i) => `word${i}`).join(' ');

describe('articleRecall', () => {
  const recall = articleRecall([
    { id: 'a-1', prefix: 'a-', gold: words(RECALL_MIN_WORDS), reason: null },
    { id: 'a-2', prefix: 'a-', gold: words(400), reason: 'a listing (longest text between links: 30 words)' },
    { id: 'a-3', prefix: 'a-', gold: words(RECALL_MIN_WORDS - 1), reason: 'too short (90 words)' },
    { id: 'b-1', prefix: 'b-', gold: words(300), reason: null },
    { id: 'b-2', prefix: 'b-', gold: null, reason: 'no body' },
    // Chinese characters count half a word each: 299 of them are 150 words, 298 are 149.
    { id: 'c-1', prefix: 'c-', gold: '中'.repeat(299), reason: null },
    { id: 'c-2', prefix: 'c-', gold: '中'.repeat(298), reason: 'too short (149 words)' },
  ]);

  it('counts only pages whose gold text has the minimum, words as the fingerprint counts them', () => {
    expect(recall.bySource).toEqual([
      { prefix: 'a-', articles: 2, recorded: 1, recall: 0.5 },
      { prefix: 'b-', articles: 1, recorded: 1, recall: 1 },
      { prefix: 'c-', articles: 1, recorded: 1, recall: 1 },
    ]);
    expect(recall.all).toEqual({ prefix: 'all', articles: 4, recorded: 3, recall: 0.75 });
  });

  it('names each article missed with its reason and gold length', () => {
    expect(recall.missed).toEqual([{ id: 'a-2', goldWords: 400, reason: 'a listing (longest text between links: 30 words)' }]);
  });

  it('gives no ratio for a source without articles', () => {
    expect(articleRecall([{ id: 'z-1', prefix: 'z-', gold: 'short', reason: null }]).all.recall).toBeNull();
  });
});
