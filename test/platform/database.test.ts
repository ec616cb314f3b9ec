import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { DB_VERSION, openHistory, type ArticleRecord } from '../../src/platform/database.ts';

const record = (id: number, lastSeen: number): ArticleRecord => ({
  id, url: `https://a.example/${id}`, page: `a.example/${id}`, host: 'a.example', site: 'a.example', title: `t${id}`,
  siteName: null, byline: null, published: null, lang: null, firstSeen: lastSeen, lastSeen, words: 200, size: 196,
  sketch: [1, 2, 3], keys: [7, 8], paragraphs: [9], story: id,
});

describe('history database', () => {
  it('creates the latest schema on a fresh profile', async () => {
    globalThis.indexedDB = new IDBFactory();
    const db = await openHistory('fresh');
    expect(db.version).toBe(DB_VERSION);
    expect([...db.transaction('articles').store.indexNames].sort()).toEqual(['keys', 'lastSeen', 'page', 'site', 'story']);
    db.close();
  });

  it('upgrades a version 1 database step by step, keeping its records', async () => {
    globalThis.indexedDB = new IDBFactory();
    const v1 = await openHistory('old', 1);
    expect([...v1.transaction('articles').store.indexNames]).not.toContain('lastSeen');
    await v1.put('articles', record(1, 100));
    await v1.put('articles', record(2, 300));
    await v1.put('articles', record(3, 200));
    v1.close();

    const latest = await openHistory('old');
    expect(await latest.count('articles')).toBe(3);
    const newestFirst = (await latest.getAllFromIndex('articles', 'lastSeen')).reverse().map((r) => r.id);
    expect(newestFirst).toEqual([2, 3, 1]);
    expect(await latest.getAllKeysFromIndex('articles', 'keys', 7)).toEqual([1, 2, 3]);
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
