import { describe, expect, it } from 'vitest';
import { countWords, tokenise } from '../../src/core/tokenise.ts';

describe('tokenise', () => {
  it('splits on Unicode word boundaries and keeps inner apostrophes together', () => {
    expect(tokenise("don't stop: naïve café, 2026 — ok")).toEqual(['dont', 'stop', 'naïve', 'café', '2026', 'ok']);
  });

  it('keeps Hebrew and Cyrillic words whole', () => {
    expect(tokenise('שלום עולם привет мир')).toEqual(['שלום', 'עולם', 'привет', 'мир']);
  });

  it('splits unspaced scripts into characters', () => {
    expect(tokenise('东京今天下雨')).toEqual(['东', '京', '今', '天', '下', '雨']);
    expect(tokenise('iphone发布')).toEqual(['iphone', '发', '布']);
    expect(tokenise('ภาษาไทย')).toHaveLength(7);
  });

  it('counts a CJK character as half a word', () => {
    expect(countWords(tokenise('东京今天下雨 hello'))).toBe(4);
  });
});
