import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { fold, SKETCH_SIZE } from '../../src/core/index.ts';
import {
  allArticles, decode, DB_VERSION, encode, openHistory, pageHashOf, postings, STORES, type ArticleRecord,
} from '../../src/platform/database.ts';

/** A record as versions 1 and 2 stored it. */
const legacy = (id: number, lastSeen: number) => ({
  id, url: `https://a.example/${id}`, page: `a.example/${id}`, host: 'a.example', site: 'a.example', title: `t${id}`,
  siteName: null, byline: null, published: null, lang: null, firstSeen: lastSeen, lastSeen, words: 200, size: 196,
  sketch: Array.from({ length: SKETCH_SIZE }, (_, i) => 0x10000 * i + id), keys: [7, 8, 0x7_0000 + id], paragraphs: [9], story: id,
});

describe('history database', () => {
  it('creates the latest schema on a fresh profile', async () => {
    globalThis.indexedDB = new IDBFactory();
    const db = await openHistory('fresh');
    expect(db.version).toBe(DB_VERSION);
    expect([...db.transaction('articles').store.indexNames].sort()).toEqual(['lastSeen', 'page', 'site', 'story']);
    expect([...db.objectStoreNames].sort()).toEqual(['articles', 'postings']);
    db.close();
  });

  it('upgrades a version 1 database step by step, keeping its records', async () => {
    globalThis.indexedDB = new IDBFactory();
    const v1 = await openHistory('old', 1);
    expect([...v1.transaction('articles').store.indexNames]).not.toContain('lastSeen');
    const put = (value: unknown) => (v1 as unknown as { put(store: string, value: unknown): Promise<unknown> }).put('articles', value);
    await put(legacy(1, 100));
    await put(legacy(2, 300));
    await put(legacy(3, 200));
    await put({ id: 4, url: 42 });
    v1.close();

    const latest = await openHistory('old');
    expect(await latest.count('articles')).toBe(4);
    const newestFirst = decodeAllFrom(await latest.getAllFromIndex('articles', 'lastSeen')).reverse().map((r) => r.id);
    expect(newestFirst).toEqual([2, 3, 1]);
    const two = (await allArticles(latest)).find((r) => r.id === 2)!;
    expect(two).toMatchObject({ url: 'https://a.example/2', page: pageHashOf('https://a.example/2'), host: 'a.example', story: 2 });
    expect(two.sketch).toEqual(legacy(2, 0).sketch.map(fold));
    expect(two.threshold).toBe(legacy(2, 0).sketch.at(-1));
    expect(await latest.getKeyFromIndex('articles', 'page', pageHashOf('https://a.example/3'))).toBe(3);
    const tx = latest.transaction(STORES);
    expect(await postings(tx, [7, 0x7_0002, 0x7_0009])).toEqual([[1, 2, 3], [2], []]);
    // The damaged record stays, unread and uncounted as an article.
    expect(await latest.count('articles')).toBe(4);
    expect(await allArticles(latest)).toHaveLength(3);
    latest.close();
  });

  it('stores a record compactly and reads it back the same', () => {
    const record: ArticleRecord = {
      id: 5, url: 'https://news.example.org/a?b=1', page: pageHashOf('https://news.example.org/a?b=1'), host: 'news.example.org',
      site: 'example.org', title: 'T', siteName: 'News', firstSeen: 1, lastSeen: 2, words: 300, size: 280,
      sketch: [65_535, 0, 17], threshold: 0xfffffff0, keys: [0xffffffff, 1], paragraphs: [3], story: 5, apart: [9],
    };
    const stored = encode(record);
    expect(stored.u).toBe('news.example.org/a?b=1');
    expect(stored.h).toBeInstanceOf(Uint16Array);
    expect(decode(structuredClone(stored))).toEqual(record);
    expect(decode(structuredClone(encode({ ...record, url: 'http://x.example/', threshold: Infinity, siteName: null, apart: [] }))))
      .toMatchObject({ url: 'http://x.example/', threshold: Infinity, siteName: null });
    expect(decode({ ...stored, h: [1, 2] })).toBeNull();
    expect(decode({ ...stored, f: -1 })).toBeNull();
  });

  it('closes when a newer version needs the database, instead of blocking it', async () => {
    globalThis.indexedDB = new IDBFactory();
    const older = await openHistory('shared', 1);
    const newer = await openHistory('shared', 2);
    expect(newer.version).toBe(2);
    expect(() => older.transaction('articles')).toThrow(/closed|InvalidState/i);
    newer.close();
  });

  it('tells its owner when it steps aside, so that the next use opens the database again', async () => {
    globalThis.indexedDB = new IDBFactory();
    let closed = 0;
    await openHistory('shared', 2, () => closed++);
    await new Promise((done) => {
      const deletion = indexedDB.deleteDatabase('shared');
      deletion.onsuccess = done;
    });
    expect(closed).toBe(1);
  });
});

const decodeAllFrom = (values: unknown[]) => values.map((v) => decode(v)).filter((r): r is ArticleRecord => r !== null);
