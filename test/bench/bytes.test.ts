import { serialize } from 'node:v8';
import { describe, expect, it } from 'vitest';
import { idbKeyBytes, indexKeys, modelBytes, recordBytes, smi31Extra, smiBytes, totalBytes, varintBytes } from '../../src/bench/bytes.ts';

describe('idbKeyBytes', () => {
  it('sizes keys as Chromium encodes them', () => {
    expect(idbKeyBytes(42)).toBe(9);
    expect(idbKeyBytes('abc')).toBe(1 + 1 + 6);
    expect(idbKeyBytes('x'.repeat(200))).toBe(1 + 2 + 400);
    expect(idbKeyBytes([1, 'a'])).toBe(1 + 1 + 9 + 4);
    expect(idbKeyBytes(null)).toBe(0);
  });
});

describe('indexKeys', () => {
  it('gives one entry per distinct element of a multiEntry array, one key otherwise', () => {
    expect(indexKeys([3, 1, 3, null], true)).toEqual([3, 1]);
    expect(indexKeys([3, 1], false)).toEqual([[3, 1]]);
    expect(indexKeys('site', false)).toEqual(['site']);
    expect(indexKeys(null, false)).toEqual([]);
    expect(indexKeys(undefined, false)).toEqual([]);
  });
});

describe('V8 small-integer sizes', () => {
  it('matches what node:v8 writes for an array of small integers', () => {
    const values = [0, 1, 63, 64, 8191, 8192, 2 ** 29, 2 ** 30 - 1];
    // header (2) + dense-array tag and length (2) + elements + end tag, properties, length (3)
    expect(serialize(values).length).toBe(2 + 1 + varintBytes(values.length) + values.reduce((s, v) => s + smiBytes(v), 0) + 3);
  });

  it('counts what Chromium adds for arrays holding values between 2^30 and 2^31', () => {
    expect(smi31Extra([1, 2 ** 30 - 1])).toBe(0);
    expect(smi31Extra([1, 2 ** 30])).toBe(18 - smiBytes(1) - smiBytes(2 ** 30));
    expect(smi31Extra([1, 2 ** 31])).toBe(0);
    expect(smi31Extra(['a'])).toBe(0);
  });
});

describe('recordBytes', () => {
  it('adds the value, the primary key and every index entry', () => {
    const record = { id: 7, page: 'ab', keys: [1, 2, 2], words: 3 };
    const indexes = [
      { name: 'page', keyPath: 'page', multiEntry: false },
      { name: 'keys', keyPath: 'keys', multiEntry: true },
    ];
    const bytes = recordBytes(record, 'id', indexes);
    expect(bytes.value).toBe(serialize(record).length);
    expect(bytes.primary).toBe(9);
    expect(bytes.indexes).toEqual({ page: 1 + 1 + 4 + 9, keys: 2 * (9 + 9) });
    expect(bytes.total).toBe(bytes.value + 9 + 15 + 36);
    expect(Object.keys(bytes.fields)).toEqual(['id', 'page', 'keys', 'words']);
    expect(bytes.fields.page).toBeGreaterThan(0);
  });
});

describe('modelBytes', () => {
  const record = {
    id: 5, u: 'news.example/a', p: 7, t: 'A title', v: 1000, w: 300, z: 290, h: [1, 2, 3], k: [10, 11, 11], g: [4, 5], y: 2,
  };
  it('splits a record into its parts, the story index only for a record that joined a story', () => {
    const parts = modelBytes([record], 1000);
    expect(parts['index: story']).toBeGreaterThan(0);
    expect(modelBytes([{ ...record, y: undefined }], 1000)['index: story']).toBe(0);
    expect(parts['record: keys']! + parts['record: sketch']! + parts['record: paragraphs']!).toBeGreaterThan(0);
    expect(totalBytes(parts)).toBeCloseTo(Object.values(parts).reduce((a, b) => a + b, 0));
  });
  it('shares a bucket row among more postings as the history grows', () => {
    const postings = (articles: number) => modelBytes([record], articles)['postings: 8 B per key, a share of its bucket row']!;
    expect(postings(1_000_000)).toBeLessThan(postings(1000));
    expect(postings(1_000_000)).toBeGreaterThan(2 * 8);
  });
});
