import { describe, expect, it } from 'vitest';
import { decodeEntities, normalise } from '../../src/core/normalise.ts';

describe('normalise', () => {
  it('decodes entities a feed leaves in plain text', () => {
    expect(decodeEntities('AT&amp;T &#8220;x&#x201D; &nbsp;&bogus;')).toBe('AT&T \u201cx\u201d  &bogus;');
    expect(normalise('AT&amp;T')).toBe(normalise('AT&T'));
  });

  it('folds case, quotes, dashes and compatibility forms', () => {
    expect(normalise('\u201cIt\u2019s\u201d \u2014 ＡＢＣ ﬁle')).toBe('"it\'s" - abc file');
  });

  it('removes invisible characters and collapses spaces', () => {
    expect(normalise('wo\u200brd\u00a0\u00a0next\u2028line\u202e\ufeff')).toBe('word next line');
  });
});
