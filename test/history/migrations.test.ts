// The history's schema: a fresh profile, the upgrade ladder from old versions, and a connection that steps aside.
import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { fold, SKETCH_SIZE } from '../../src/core/index.ts';
import { allArticles, getArticle, storyArticles } from '../../src/history/articles.ts';
import { decode, pageHashOf } from '../../src/history/codec.ts';
import { DB_VERSION, openHistory } from '../../src/history/open.ts';
import { latestIds, postingsOf, siteNames } from '../../src/history/postings.ts';
import type { ArticleRecord } from '../../src/history/records.ts';
import { STORES } from '../../src/history/schema.ts';

/** A record as versions 1 and 2 stored it. */
const legacy = (id: number, lastSeen: number) => ({
  id, url: `https://a.example/${id}`, page: `a.example/${id}`, host: 'a.example', site: 'a.example', title: `t${id}`,
  siteName: null, byline: null, published: null, lang: null, firstSeen: lastSeen, lastSeen, words: 200, size: 196,
  sketch: Array.from({ length: SKETCH_SIZE }, (_, i) => 0x10000 * i + id), keys: [7, 8, 0x7_0000 + id], paragraphs: [9], story: id,
});

describe('history migrations', () => {
  it('creates the latest schema on a fresh profile', async () => {
    globalThis.indexedDB = new IDBFactory();
    const db = await openHistory('fresh');
    expect(db.version).toBe(DB_VERSION);
    expect([...db.transaction('articles').store.indexNames].sort()).toEqual(['lastSeen', 'page', 'story']);
    expect([...db.objectStoreNames].sort()).toEqual(['articles', 'counters', 'links', 'postings', 'sites']);
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
    expect(await postingsOf(tx, [7, 0x7_0002, 0x7_0009])).toEqual([[1, 2, 3], [2], []]);
    expect(await latestIds(tx, 'a.example')).toEqual([3, 2, 1]);
    // The damaged record stays, unread and uncounted as an article.
    expect(await latest.count('articles')).toBe(4);
    expect(await allArticles(latest)).toHaveLength(3);
    latest.close();
  });


  it('upgrades a version 3 database: no site index, site rows, an article heading its story names none', async () => {
    globalThis.indexedDB = new IDBFactory();
    const v3 = await openHistory('three', 3);
    expect([...v3.transaction('articles').store.indexNames]).toContain('site');
    const v3Record = (id: number, site: string, story: number) => ({
      id, u: `www.${site}/${id}`, p: pageHashOf(`https://www.${site}/${id}`), s: site, t: `Title ${id}`, f: id, v: id, w: 300, z: 290,
      h: new Uint16Array([1, 2, 3]), k: new Uint32Array([0x5_0000 + id]), g: new Uint32Array([id]), y: story,
    });
    const tx = v3.transaction(['articles', 'postings'] as never, 'readwrite') as unknown as IDBTransaction;
    const store = tx.objectStore('articles');
    for (const value of [{ ...v3Record(1, 'a.example', 1), n: 'A News' }, v3Record(2, 'b.example', 1), v3Record(3, 'a.example', 3), { id: 4, u: 7 }]) store.put(value);
    for (const id of [1, 2, 3]) tx.objectStore('postings').put(new Uint32Array([0x5_0000 + id, id]), 5);
    await new Promise((done) => (tx.oncomplete = done));
    v3.close();

    const latest = await openHistory('three');
    expect([...latest.transaction('articles').store.indexNames].sort()).toEqual(['lastSeen', 'page', 'story']);
    const raw = await latest.get('articles', 1);
    expect(raw).not.toHaveProperty('s');
    expect(raw).not.toHaveProperty('y');
    expect((await latest.get('articles', 2))?.y).toBe(1);
    const read = latest.transaction(STORES);
    expect(await latestIds(read, 'a.example')).toEqual([3, 1]);
    expect(await latestIds(read, 'b.example')).toEqual([2]);
    expect(await siteNames(read)).toEqual(new Map([['a.example', 'A News']]));
    expect(raw).not.toHaveProperty('n');
    expect((await storyArticles(read, 1)).map((r) => [r.id, r.site, r.story])).toEqual([[1, 'a.example', 1], [2, 'b.example', 1]]);
    expect(await getArticle(read, 3)).toMatchObject({ title: 'Title 3', site: 'a.example', story: 3, host: 'a.example' });
    expect(await latest.count('articles')).toBe(4);
    latest.close();
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
