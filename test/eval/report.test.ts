import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../src/eval/report.ts';
import type { EvalResult, SourceExtraction } from '../../src/eval/result.ts';
import { pairKey, parsePairs, scoreMatches, scorePartial } from '../../src/eval/score.ts';

const { labels } = parsePairs('id_a\tid_b\tlabel\nx-1\tx-2\tsame\nx-3\tx-4\trelated\nx-5\tx-6\tdifferent\n');
const prf = (f1: number) => ({ precision: f1, recall: f1, f1 });
const source = (prefix: string, f1: number): SourceExtraction => ({
  prefix, pages: 2, ours: prf(f1), raw: prf(0.5), oursFailed: 1, rawFailed: 0, onArticles: { pages: 1, ours: 1, raw: 0.5 },
});

const result: EvalResult = {
  command: 'npm run eval', date: '2026-01-02T03:04:05.000Z',
  machine: { node: 'v20.0.0', cpu: 'Test CPU', cores: 4, platform: 'linux x64', load: 0.1 },
  corpus: '../shared/corpus', seconds: { load: 0, extraction: 1, browser: 5, replay: 2, baselines: 0, total: 3 },
  synthetic: [{ id: 'x-9', url: 'https://unknown-x-9.invalid/' }], warnings: [],
  extraction: { bySource: [source('x-', 0.75)], all: source('all', 0.75), pages: [{ id: 'x-7', ours: prf(0), raw: prf(0.9), oursFailure: 'too short (10 words)' }] },
  recall: {
    minWords: 150,
    bySource: [{ prefix: 'x-', articles: 4, recorded: 3, recall: 0.75, shownArticles: 3, shownRecorded: 3, shownRecall: 1 }],
    all: { prefix: 'all', articles: 4, recorded: 3, recall: 0.75, shownArticles: 3, shownRecorded: 3, shownRecall: 1 },
    missed: [{ id: 'x-7', goldWords: 300, reason: 'a listing (longest text between links: 40 words)', shown: 0.1 }],
  },
  browser: { pages: 9, agree: 8, meanF1: 0.97, differing: [{ id: 'x-8', f1: 0.42, scriptsOffF1: 1, node: '120 tokens', browser: 'not readerable' }] },
  recognition: {
    pages: 9, articles: 8, notArticles: [{ id: 'x-7', reason: 'too short (10 words)' }],
    labels: { same: 1, related: 1, different: 1 },
    replay: scoreMatches([pairKey('x-1', 'x-2'), pairKey('x-5', 'x-6')], labels),
    partial: scorePartial([pairKey('x-3', 'x-4')], labels),
    baselines: [{ name: 'Jaccard ≥ 0.5', score: scoreMatches([], labels) }],
    reported: [], flaggedPartial: [], relatedUnflagged: [],
    details: [
      {
        key: pairKey('x-1', 'x-2'), label: 'same', sites: ['a.com', 'b.com'],
        extracted: { shared: 100, containment: 0.9, jaccard: 0.5 }, gold: { shared: 90, containment: 0.95, jaccard: 0.6 },
        replay: 'match', replayFigures: { containment: 0.91, resemblance: 0.52 },
        store: { sharedKeys: 3, containment: 0.9, resemblance: 0.5, shared: 99, paragraphs: 2, passageKeys: 3, relation: 'same-story' }, notArticle: [],
      },
      {
        key: pairKey('x-5', 'x-6'), label: 'different', sites: ['c.com', 'd.com'],
        extracted: { shared: 40, containment: 0.6, jaccard: 0.2 }, gold: null,
        replay: 'match', replayFigures: { containment: 0.6, resemblance: 0.2 }, store: null, notArticle: [],
      },
    ],
  },
};

describe('renderMarkdown', () => {
  const text = renderMarkdown(result);

  it('records the command, date and machine', () => {
    expect(text).toContain('Command: `npm run eval` · 2026-01-02 · Node v20.0.0 · Test CPU × 4 cores');
  });

  it('shows the scores, with no precision as a dash', () => {
    expect(text).toMatch(/\| Déjà Lu \(replay\) +\| +2 \| +1\/1 \| +0\.500 \| +1\.000 \| +0\.667 \| +0 \| +1 \(1 \/ 0\) \|/);
    expect(text).toMatch(/\| Jaccard ≥ 0\.5 \(exact 5-grams\) +\| +0 \| +0\/1 \| +– \|/);
  });

  it('lists the same pairs and the false match by page ids', () => {
    const row = ['x-1 ↔ x-2', 'a.com ↔ b.com', '0.95 / 0.60', '0.90 / 0.50 / 100', '0.90 / 99 / 2 / 3 / same-story', 'match (0.91 / 0.52)'];
    const cells = (line: string) => line.split('|').slice(1, -1).map((cell) => cell.trim());
    expect(text.split('\n').map(cells)).toContainEqual(row);
    expect(text).toMatch(/\| x-5 ↔ x-6 +\| different \| c\.com ↔ d\.com \| replay match/);
  });

  it('says which pages had a made-up URL and which gave no article', () => {
    expect(text).toContain('x-9 → https://unknown-x-9.invalid/');
    expect(text).toContain('x-7 (too short (10 words); Readability F1 0.90)');
  });

  it('gives the article recall per source and names the pages missed with the reason', () => {
    expect(text).toContain('### Article recall');
    expect(text).toMatch(/\| x- +\| +4 \| +3 \| +0\.750 \|/);
    expect(text).toMatch(/\| all +\| +4 \| +3 \| +0\.750 \| +3 \| +3 \| +1\.000 \|/);
    expect(text).toContain('Missed: x-7 (a listing (longest text between links: 40 words); gold 300 words, 10% of them shown).');
  });

  it('says how many pages the command line and Chromium agree on, and lists the others', () => {
    expect(text).toContain('**8 of 9 pages** agree; mean F1 0.9700');
    expect(text).toMatch(/\| x-8 +\| 0\.420 \| +1\.000 \| 120 tokens +\| not readerable \|/);
    expect(renderMarkdown({ ...result, browser: null })).toContain('Not run (`--no-browser`).');
  });
});
