import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { headlineHash, headlineKey, MIN_HEADLINE_WORDS } from '../../src/core/headline.ts';

describe('headlineKey', () => {
  it('folds case, typography and punctuation', () => {
    const key = headlineKey('Storm “Ciarán” closes the port of Brest for two days');
    expect(key).toBe('storm ciarán closes the port of brest for two days');
    expect(headlineKey('STORM "CIARÁN" CLOSES THE PORT OF BREST, FOR TWO DAYS!')).toBe(key);
    expect(headlineKey('  Storm Ciarán closes\u00a0the port of Brest for two days ')).toBe(key);
  });

  it('cuts a site or section name after a separator when a headline stands before it', () => {
    const key = headlineKey('Council approves the new harbour bridge plan');
    expect(headlineKey('Council approves the new harbour bridge plan | Coastline Daily')).toBe(key);
    expect(headlineKey('Council approves the new harbour bridge plan – World – The Gazette')).toBe(key);
    // Too little before the dash: the whole text is the headline.
    expect(headlineKey('Bridge - council approves the plan at last')).toBe('bridge council approves the plan at last');
  });

  it('never matches short or generic headlines', () => {
    for (const text of ['Live updates', 'Opinion', 'Coastline Daily', 'Read more', 'Bridge plan approved today', 'What we know so far',
      'Live updates: Ukraine', 'Opinion: the port', '', '…', 'Here’s what you need to know']) {
      expect(headlineKey(text), text).toBeNull();
    }
    expect(headlineKey('Opinion: The harbour bridge is the wrong plan')).toBe('the harbour bridge is the wrong plan');
  });

  it('counts characters of unspaced scripts as half words', () => {
    expect(headlineKey('港口大桥')).toBeNull();
    expect(headlineKey('市议会批准了新的港口大桥计划')).not.toBeNull();
  });

  it('refuses a whole teaser card', () => {
    expect(headlineKey('word '.repeat(80))).toBeNull();
  });

  it('gives a key of at least MIN_HEADLINE_WORDS words or none, and is idempotent', () => {
    fc.assert(fc.property(fc.string({ maxLength: 120 }), (text) => {
      const key = headlineKey(text);
      if (key === null) return;
      expect(key.split(' ').length).toBeGreaterThanOrEqual(MIN_HEADLINE_WORDS);
      expect(headlineKey(key)).toBe(key);
    }));
  });

  it('hashes equal keys alike, and none for a generic text', () => {
    expect(headlineHash('Council approves the new harbour bridge plan')).toBe(headlineHash('council approves the new harbour bridge plan.'));
    expect(headlineHash('Live updates')).toBeNull();
  });
});
