// The stored form: records stored compactly and read back the same.
import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { SKETCH_SIZE } from '../../src/core/index.ts';
import { decode, encode, indexedFields, packText, pageHashOf, STORED_FIELDS } from '../../src/history/codec.ts';
import { openHistory } from '../../src/history/open.ts';
import type { ArticleRecord } from '../../src/history/records.ts';

describe('history codec', () => {
  it('stores a record compactly and reads it back the same', () => {
    const record: ArticleRecord = {
      id: 5, url: 'https://news.example.org/a?b=1', page: pageHashOf('https://news.example.org/a?b=1'), host: 'news.example.org',
      site: 'example.org', title: 'T', siteName: 'News', firstSeen: 1, lastSeen: 2, words: 300, size: 280,
      sketch: [65_535, 0, 17], threshold: 0xfffffff0, keys: [0xffffffff, 1], paragraphs: [3], story: 5, apart: [9],
    };
    const stored = encode(record);
    expect(stored.u).toBe('news.example.org/a?b=1');
    expect(stored.h).toBeInstanceOf(Uint16Array);
    // The site's name is kept once for the site (its row), not in each record.
    expect(decode(structuredClone(stored))).toEqual({ ...record, siteName: null });
    expect(decode(structuredClone(encode({ ...record, url: 'http://x.example/', threshold: Infinity, siteName: null, apart: [] }))))
      .toMatchObject({ url: 'http://x.example/', threshold: Infinity, siteName: null });
    expect(decode({ ...stored, h: [1, 2] })).toBeNull();
    expect(decode({ ...stored, f: -1 })).toBeNull();
    expect(decode({ ...stored, m: '1' })).toBeNull();
  });

  it("keeps a full sketch's threshold as the high half of its last hash, and any other threshold whole", () => {
    const full = Array.from({ length: SKETCH_SIZE }, (_, i) => (i * 977) & 0xffff);
    const threshold = 0xabcd0000 + full[SKETCH_SIZE - 1]!;
    const record: ArticleRecord = {
      id: 5, url: 'https://a.example/1', page: pageHashOf('https://a.example/1'), host: 'a.example', site: 'a.example', title: 'T',
      siteName: null, firstSeen: 1, lastSeen: 2, words: 300, size: 280, sketch: full, threshold, keys: [1], paragraphs: [3], story: 5,
    };
    const compact = encode(record);
    expect(compact.m).toBeUndefined();
    expect([...compact.h]).toEqual([...full, 0xabcd]);
    expect(decode(structuredClone(compact))).toEqual(record);
    // A threshold that is not the sketch's last hash (an imported record), or a longer sketch
    // without one, is stored whole, never read as the compact form.
    for (const other of [{ ...record, threshold: threshold + 1 }, { ...record, sketch: [...full, 7], threshold: Infinity }, { ...record, sketch: full.slice(1), threshold }]) {
      const stored = encode(other);
      expect(stored.m).toBe(other.threshold);
      expect(decode(structuredClone(stored))).toEqual(other);
    }
  });


  it('keeps text with characters beyond Latin-1 as UTF-8 when that is shorter', () => {
    expect(packText('Plain title, café')).toBe('Plain title, café');
    const curly = packText('It’s a title with one curly quote');
    expect(curly).toBeInstanceOf(Uint8Array);
    expect((curly as Uint8Array).length).toBe(35);
    expect(packText('日本語の見出し')).toBe('日本語の見出し');
    const record: ArticleRecord = {
      id: 2, url: 'https://a.example/x', page: 1, host: 'a.example', site: 'a.example', title: 'It’s “quoted”', siteName: 'Le Monde — Idées',
      firstSeen: 1, lastSeen: 2, words: 300, size: 280, sketch: [1], threshold: Infinity, keys: [1], paragraphs: [], story: 1,
    };
    expect(encode(record).t).toBeInstanceOf(Uint8Array);
    expect(decode(structuredClone(encode(record)))).toEqual({ ...record, siteName: null });
    expect(decode({ ...encode(record), t: new Uint8Array([0xff, 0xfe]) })).toBeNull();
  });

});

describe('the table of stored fields', () => {
  it('names each letter once a store, and the indexes of a fresh profile read the letters it gives them', async () => {
    for (const store of ['articles', 'sites', 'links'] as const) {
      const letters = STORED_FIELDS.filter((f) => f.store === store).map((f) => f.letter);
      expect(new Set(letters).size).toBe(letters.length);
    }
    globalThis.indexedDB = new IDBFactory();
    const db = await openHistory('fields');
    const articles = db.transaction('articles').store;
    expect(indexedFields().map(({ name }) => [name, articles.index(name).keyPath])).toEqual(indexedFields().map(({ name, letter }) => [name, letter]));
    expect(indexedFields().map((f) => f.name).sort()).toEqual([...articles.indexNames].sort());
    db.close();
  });
});
