import { describe, expect, it } from 'vitest';
import { countLabels, pairKey, parsePairs, scoreMatches, scorePartial, splitKey } from '../../src/eval/score.ts';

const TSV = [
  'id_a\tid_b\tlabel\ttier\tscore',
  'p1\tp2\tsame\tx\t0.9',
  'p3\tp1\tsame\tx\t0.7',
  'p4\tp5\trelated\tx\t0.2',
  'p6\tp7\trelated\tx\t0.1',
  'p8\tp9\tdifferent\tx\t0.0',
  '',
].join('\n');

describe('pairs', () => {
  it('keys an unordered pair the same both ways', () => {
    expect(pairKey('b', 'a')).toBe(pairKey('a', 'b'));
    expect(splitKey(pairKey('b', 'a'))).toEqual(['a', 'b']);
  });

  it('reads pairs.tsv by its header and reports bad lines', () => {
    const { labels, problems } = parsePairs(`${TSV}q1\tq2\tmaybe\nq3\t\tsame\n`);
    expect(labels.get(pairKey('p1', 'p3'))).toBe('same');
    expect(countLabels(labels)).toEqual({ same: 2, related: 2, different: 1 });
    expect(problems).toEqual(['line 7: unknown label "maybe"', 'line 8: missing id']);
  });

  it('rejects a file without the needed columns', () => {
    expect(parsePairs('a\tb\n1\t2').problems).toHaveLength(1);
  });
});

describe('scoring matches', () => {
  const { labels } = parsePairs(TSV);

  it('counts same pairs found and missed; related apart; different and unlabelled as false', () => {
    const s = scoreMatches([pairKey('p2', 'p1'), pairKey('p1', 'p2'), pairKey('p5', 'p4'), pairKey('p8', 'p9'), pairKey('x', 'y')], labels);
    expect(s.reported).toBe(4);
    expect(s.found).toEqual([pairKey('p1', 'p2')]);
    expect(s.missed).toEqual([pairKey('p1', 'p3')]);
    expect(s.related).toEqual([pairKey('p4', 'p5')]);
    expect(s.falseDifferent).toEqual([pairKey('p8', 'p9')]);
    expect(s.falseUnlabelled).toEqual([pairKey('x', 'y')]);
    expect(s.precision).toBeCloseTo(1 / 3); // the related match is in neither numerator nor denominator
    expect(s.recall).toBe(0.5);
    expect(s.f1).toBeCloseTo((2 * (1 / 3) * 0.5) / (1 / 3 + 0.5));
  });

  it('has no precision when nothing that counts was reported', () => {
    const s = scoreMatches([pairKey('p4', 'p5')], labels);
    expect(s.precision).toBeNull();
    expect(s.recall).toBe(0);
    expect(s.f1).toBeNull();
  });

  it('sorts partial-reuse flags by label', () => {
    const s = scorePartial([pairKey('p4', 'p5'), pairKey('p1', 'p2'), pairKey('p8', 'p9'), pairKey('x', 'y')], labels);
    expect(s).toEqual({
      reported: 4, relatedTotal: 2,
      related: [pairKey('p4', 'p5')], same: [pairKey('p1', 'p2')], different: [pairKey('p8', 'p9')], unlabelled: [pairKey('x', 'y')],
    });
  });
});
