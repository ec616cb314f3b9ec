import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ANCHOR_SEGMENTS, LEAD_KEYS, leadShared, MAX_STORED_KEYS, onlyOpeningShared, QUERY_LOWEST, QUERY_MOST, queryKeys, storedKeys } from '../../src/core/index.ts';

const distinctKeys = (min: number, max: number) => fc.uniqueArray(fc.integer({ min: 0, max: 2 ** 32 - 1 }), { minLength: min, maxLength: max });

describe('storedKeys', () => {
  it('keeps every key of a short text, in order', () => {
    expect(storedKeys([5, 3, 9])).toEqual([5, 3, 9]);
  });

  it('keeps the lead and one anchor per stretch, in text order', () => {
    fc.assert(fc.property(distinctKeys(MAX_STORED_KEYS + 1, 300), (keys) => {
      const stored = storedKeys(keys);
      expect(stored).toHaveLength(MAX_STORED_KEYS);
      expect(stored.slice(0, LEAD_KEYS)).toEqual(keys.slice(0, LEAD_KEYS));
      const positions = stored.map((k) => keys.indexOf(k));
      expect(positions).toEqual([...positions].sort((a, b) => a - b));
    }));
  });

  it('holds a key of any passage covering two stretches of the text, wherever it sits', () => {
    fc.assert(fc.property(distinctKeys(20, 300), fc.double({ min: 0, max: 1, noNaN: true }), (keys, where) => {
      const rest = keys.length - LEAD_KEYS;
      const span = Math.ceil((2 * rest) / ANCHOR_SEGMENTS) + 1;
      const from = LEAD_KEYS + Math.floor(where * (rest - span));
      const passage = new Set(keys.slice(from, from + span));
      expect(storedKeys(keys).some((k) => passage.has(k))).toBe(true);
    }));
  });

  it('stores a key that any page holding the text asks for, after a preface of fewer than QUERY_LOWEST keys', () => {
    fc.assert(fc.property(distinctKeys(1, 100), distinctKeys(0, QUERY_LOWEST - 1), (story, preface) => {
      const page = new Set(queryKeys([...preface.filter((k) => !story.includes(k)), ...story]));
      expect(storedKeys(story).some((k) => page.has(k))).toBe(true);
    }));
  });
});

describe('queryKeys', () => {
  it('asks for the page’s own stored keys and its lowest-ranked ones', () => {
    fc.assert(fc.property(distinctKeys(1, 300), (keys) => {
      const query = queryKeys(keys);
      for (const k of storedKeys(keys)) expect(query).toContain(k);
      expect(query.length).toBeLessThanOrEqual(MAX_STORED_KEYS + Math.max(QUERY_LOWEST, Math.min(QUERY_MOST, Math.ceil(keys.length / 5))));
      expect(new Set(query).size).toBe(query.length);
    }));
  });
});

describe('leadShared', () => {
  const view = (keys: number[], paragraphs: number[], size = keys.length * 28) => ({ keys, paragraphs, size });

  it('finds the shorter text’s lead by its first two keys or its first paragraph', () => {
    expect(leadShared(view([1, 2, 3, 4], [10, 11]), view([9, 2, 50, 51, 52, 53, 54], [20, 21, 22]))).toBe(true);
    expect(leadShared(view([1, 2, 3, 4], [10, 11, 12]), view([9, 8, 50, 51, 52, 53, 54], [20, 10, 22]))).toBe(true);
    // Its third key and second paragraph are not its lead (a one-paragraph release over a legal block).
    expect(leadShared(view([1, 2, 3, 4], [10, 11, 12]), view([9, 8, 3, 4, 52, 53, 54], [20, 11, 12]))).toBe(false);
  });

  it('finds the longer text’s lead in the shorter: a copy with a preface, cut short', () => {
    const story = view([1, 2, 3, 40, 41, 42, 43, 44], [10, 11, 12, 13], 900);
    const prefacedCut = view([70, 71, 72, 1, 2, 3, 40], [30, 31, 10, 11], 500);
    expect(leadShared(prefacedCut, story)).toBe(true);
    expect(leadShared(story, { ...prefacedCut, keys: [70, 71, 72, 40] })).toBe(true);
  });

  it('looks for the lead of whichever text is shorter', () => {
    const long = view([1, 2, 3, 40, 41, 42, 43, 44], [10, 11, 12, 13], 900);
    const short = view([40, 41, 42], [12, 13], 100);
    expect(leadShared(long, short)).toBe(true);
    expect(leadShared(short, long)).toBe(true);
    expect(leadShared(view([7, 8, 9], [5, 6], 100), long)).toBe(false);
  });

  it('refuses two texts that share only an opening when the shorter goes on for three paragraphs of its own', () => {
    expect(onlyOpeningShared([1, 2, 3, 20, 21, 22], [1, 2, 3, 30, 31, 32, 33])).toBe(true);
    expect(onlyOpeningShared([1, 2, 3, 20, 21], [1, 2, 3, 30, 31, 32, 33])).toBe(false);
    expect(onlyOpeningShared([1, 2, 3, 20, 21, 31], [1, 2, 3, 30, 31, 32, 33])).toBe(false);
    expect(onlyOpeningShared([1, 20, 21, 22], [1, 30, 31, 32])).toBe(false);
    expect(leadShared(view([1, 2, 3, 4], [1, 2, 3, 20, 21, 22], 200), view([1, 2, 3, 4, 5], [1, 2, 3, 30, 31, 32, 33], 300))).toBe(false);
  });
});
