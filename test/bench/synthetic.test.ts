import { fold } from '../../src/core/index.ts';
import { describe, expect, it } from 'vitest';
import { SKETCH_SIZE } from '../../src/core/sketch.ts';
import { headlineKey } from '../../src/core/headline.ts';
import {
  corpusCopies, JOIN_STORY, ownTitle, seededRandom, Synthesiser, syntheticKeys, syntheticSketch, templateOfRecord, truncatedCopy, zipf,
} from '../../src/bench/synthetic.ts';
import type { ArticleRecord } from '../../src/history/records.ts';

const sortedDistinct = (values: readonly number[]) => values.every((v, i) => i === 0 || v > values[i - 1]!);

describe('seededRandom', () => {
  it('repeats for a seed and stays in [0, 1)', () => {
    const a = seededRandom(5);
    const b = seededRandom(5);
    const xs = Array.from({ length: 1000 }, a);
    expect(xs).toEqual(Array.from({ length: 1000 }, b));
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
  });
});

describe('zipf', () => {
  it('picks low ranks most often', () => {
    const pick = zipf(100);
    const random = seededRandom(1);
    const counts = new Array(100).fill(0);
    for (let i = 0; i < 20_000; i++) counts[pick(random)]++;
    expect(counts[0]).toBeGreaterThan(counts[9] * 5);
    expect(counts.every((c) => c >= 0)).toBe(true);
  });
});

describe('syntheticSketch', () => {
  it('is the bottom-k of a text of that size: k sorted distinct hashes near k / size of the range', () => {
    const random = seededRandom(2);
    const sketch = syntheticSketch(1000, random);
    expect(sketch).toHaveLength(SKETCH_SIZE);
    expect(sortedDistinct(sketch)).toBe(true);
    const last = sketch[sketch.length - 1]!;
    expect(last / 2 ** 32).toBeGreaterThan((SKETCH_SIZE / 1000) * 0.6);
    expect(last / 2 ** 32).toBeLessThan((SKETCH_SIZE / 1000) * 1.5);
  });

  it('holds every hash of a text shorter than k', () => {
    const sketch = syntheticSketch(10, seededRandom(3));
    expect(sketch).toHaveLength(10);
    expect(sortedDistinct(sketch)).toBe(true);
  });
});

describe('syntheticKeys', () => {
  it('winnows up to the maximum of distinct keys', () => {
    const keys = syntheticKeys(5000, 24, seededRandom(4));
    expect(keys).toHaveLength(24);
    expect(new Set(keys).size).toBe(24);
    expect(syntheticKeys(30, 24, seededRandom(4))).toHaveLength(1);
  });
});

const template: ArticleRecord = {
  id: 1, url: 'https://news.example.com/2024/story', page: 1, host: 'news.example.com',
  site: 'example.com', title: 'A story', siteName: 'Example',
  firstSeen: 0, lastSeen: 0, words: 800, size: 790, sketch: [], threshold: Infinity, keys: new Array(20).fill(0), paragraphs: new Array(12).fill(0), story: 1,
};

describe('Synthesiser', () => {
  it('makes one distinct page and headline per id, shaped like its template', () => {
    const records = new Synthesiser([templateOfRecord({ ...template, title: 'Council approves the new harbour plan - Example News' })], { start: 1000, spacing: 10 }, 6).records(10, 19);
    expect(records.map((r) => r.id)).toEqual([10, 11, 12, 13, 14, 15, 16, 17, 18, 19]);
    expect(new Set(records.map((r) => r.page)).size).toBe(10);
    expect(new Set(records.map((r) => headlineKey(r.title))).size).toBe(10);
    expect(records[0]!.title).toBe('a approves the new harbour plan - Example News');
    expect(ownTitle('Headline', 35)).toBe('z Headline');
    for (const r of records) {
      expect(r.story).toBe(r.id);
      expect(r.site).toBe('example.com');
      expect(r.firstSeen).toBe(1000 + r.id! * 10);
      expect(r.keys.length).toBeLessThanOrEqual(20);
      expect(r.keys.length).toBeGreaterThan(15);
      expect(r.paragraphs).toHaveLength(12);
      expect(r.sketch).toHaveLength(SKETCH_SIZE);
    }
  });
});

describe('truncatedCopy', () => {
  it('keeps the beginning of the story and most of its shingles, on its host site', () => {
    const hashes = Array.from({ length: 500 }, (_, i) => i * 1000);
    const source = { hashes, keys: [5, 6, 7, 8, 9], paragraphs: [1, 2, 3, 4, 5], words: 520, title: 'Wire story' };
    const copy = truncatedCopy(source, 3, template, 99);
    expect(copy.keys).toEqual([5, 6, 7]);
    expect(copy.paragraphs).toEqual([1, 2, 3]);
    expect(copy.size).toBeGreaterThan(250);
    expect(copy.size).toBeLessThan(450);
    expect(copy.sketch.every((h) => hashes.map(fold).includes(h))).toBe(true);
    expect(hashes).toContain(copy.threshold);
    expect(copy).toMatchObject({ id: 3, story: 3, site: 'example.com', title: 'Wire story', firstSeen: 99 });
  });
});

describe('Synthesiser stories', () => {
  it('joins about one article in ten to the story of a recent one, after the first window', () => {
    const other = templateOfRecord({ ...template, url: 'https://other.example.org/a', host: 'other.example.org', site: 'example.org' });
    const synthesiser = new Synthesiser([templateOfRecord(template), other], { start: 0, spacing: 1 }, 9);
    const records = synthesiser.records(1, 5000);
    expect(records.slice(0, 500).every((r) => r.story === r.id)).toBe(true);
    const joined = records.filter((r) => r.story !== r.id);
    expect(joined.length / 4500).toBeGreaterThan(JOIN_STORY * 0.7);
    expect(joined.length / 4500).toBeLessThan(JOIN_STORY * 1.3);
    expect(joined.every((r) => r.story! < r.id!)).toBe(true);
  });
});

describe('corpusCopies', () => {
  it('copies every other report onto another site, with ids from 1 on the history time line', () => {
    const report = (url: string) => ({
      url, canonical: null, title: 't', siteName: null, byline: null, published: null, lang: null, words: 300,
      hashes: [1, 2, 3, 4], sketch: [], keys: [1, 2, 3], paragraphs: [7, 8],
    });
    const reports = ['https://a.example.com/1', 'https://b.example.net/2', 'https://a.example.com/3'].map(report);
    const other = templateOfRecord({ ...template, url: 'https://c.example.org/x', host: 'c.example.org', site: 'example.org' });
    const copies = corpusCopies(reports, [templateOfRecord(template), other], { start: 100, spacing: 10 }, seededRandom(1));
    expect(copies.map((c) => [c.id, c.firstSeen])).toEqual([[1, 110], [2, 120]]);
    expect(copies.every((c) => c.site !== 'example.com')).toBe(true);
  });
});
