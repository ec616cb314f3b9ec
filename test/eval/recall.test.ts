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
    expect(recall.bySource).toMatchObject([
      { prefix: 'a-', articles: 2, recorded: 1, recall: 0.5 },
      { prefix: 'b-', articles: 1, recorded: 1, recall: 1 },
      { prefix: 'c-', articles: 1, recorded: 1, recall: 1 },
    ]);
    expect(recall.all).toMatchObject({ prefix: 'all', articles: 4, recorded: 3, recall: 0.75 });
  });

  it('names each article missed with its reason and gold length', () => {
    expect(recall.missed).toEqual([{ id: 'a-2', goldWords: 400, reason: 'a listing (longest text between links: 30 words)', shown: null }]);
  });

  it('gives no ratio for a source without articles', () => {
    expect(articleRecall([{ id: 'z-1', prefix: 'z-', gold: 'short', reason: null }]).all.recall).toBeNull();
  });

  it('counts apart the articles a page does not show (its body parsed into the title, say)', () => {
    const shown = articleRecall([
      { id: 'a-1', prefix: 'a-', gold: words(300), reason: null, shown: 0.97 },
      { id: 'a-2', prefix: 'a-', gold: words(300), reason: 'no article found', shown: 0.02 },
      { id: 'a-3', prefix: 'a-', gold: words(300), reason: 'too short (40 words)', shown: 0.9 },
    ]);
    expect(shown.all).toEqual({ prefix: 'all', articles: 3, recorded: 1, recall: 1 / 3, shownArticles: 2, shownRecorded: 1, shownRecall: 0.5 });
    expect(shown.missed.map((m) => m.shown)).toEqual([0.02, 0.9]);
  });
});

describe('shownText', () => {
  it('reads the body’s text outside scripts, styles, noscript and a title swallowed into the body', async () => {
    const { parseHtmlDocument } = await import('../../src/cli/parse-html.ts');
    const { shownText } = await import('../../src/eval/pipeline.ts');
    const doc = parseHtmlDocument('<title>T</title><p>Shown words<script>var hidden = 1;</script><style>p{}</style><noscript>no script</noscript> here</p>');
    expect(shownText(doc.body).replace(/\s+/g, ' ').trim()).toBe('Shown words here');
    // A broken </title> leaves the whole page in the title: a browser shows nothing.
    expect(shownText(parseHtmlDocument('<title>T</titl><body><p>The article</p>').body).trim()).toBe('');
  });
});

describe('goldOfPartKept', () => {
  it('cuts the gold text where the extraction of a page cut by the text budget ends', async () => {
    const { goldOfPartKept } = await import('../../src/eval/pipeline.ts');
    const gold = Array.from({ length: 1_000 }, (_, i) => `w${i}`);
    // The extraction kept the first 300 tokens and the start of the 301st, which was cut ("w30").
    const kept = [...gold.slice(0, 300), 'w30'];
    expect(goldOfPartKept(gold, kept)).toEqual(gold.slice(0, 300));
    expect(goldOfPartKept(gold, ['nothing', 'like', 'it', 'at', 'all', 'here', 'or', 'there'])).toBe(gold);
  });
});
