import { IDBFactory } from 'fake-indexeddb';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fold, SKETCH_SIZE } from '../../src/core/index.ts';
import { addArticle, allArticles, deleteArticle, getArticle, insertArticles, moveStory, putArticle, storyArticles } from '../../src/history/articles.ts';
import { decode, encode, packText, pageHashOf } from '../../src/history/codec.ts';
import { DB_VERSION, openHistory } from '../../src/history/open.ts';
import { bucketOf, latestIds, PENDING, PENDING_LIMIT, postingsOf, SITE_ROW, siteNames } from '../../src/history/postings.ts';
import type { ArticleRecord } from '../../src/history/records.ts';
import { STORES } from '../../src/history/schema.ts';

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
    expect([...db.transaction('articles').store.indexNames].sort()).toEqual(['lastSeen', 'page', 'story']);
    expect([...db.objectStoreNames].sort()).toEqual(['articles', 'counters', 'postings', 'sites']);
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

  it("keeps each site's latest articles in its row, and drops the deleted", async () => {
    globalThis.indexedDB = new IDBFactory();
    const db = await openHistory('sites');
    const article = (id: number, site: string): ArticleRecord => ({
      id, url: `https://${site}/${id}`, page: pageHashOf(`https://${site}/${id}`), host: site, site, title: `t${id}`, siteName: null,
      firstSeen: id, lastSeen: id, words: 300, size: 290, sketch: [1], threshold: Infinity, keys: [id], paragraphs: [], story: id,
    });
    await insertArticles(db, Array.from({ length: SITE_ROW + 3 }, (_, i) => article(i + 1, 'a.example')));
    await insertArticles(db, [{ ...article(100, 'b.example'), siteName: 'Le Monde — Idées' }]);
    expect(await siteNames(db.transaction(STORES, 'readonly'))).toEqual(new Map([['b.example', 'Le Monde — Idées']]));
    let tx = db.transaction(STORES, 'readwrite');
    expect(await latestIds(tx, 'a.example')).toEqual(Array.from({ length: SITE_ROW }, (_, i) => SITE_ROW + 3 - i));
    await deleteArticle(tx, article(SITE_ROW + 3, 'a.example'));
    await deleteArticle(tx, article(100, 'b.example'));
    expect(await latestIds(tx, 'a.example')).toEqual(Array.from({ length: SITE_ROW - 1 }, (_, i) => SITE_ROW + 2 - i));
    await tx.done;
    tx = db.transaction(STORES, 'readwrite');
    expect(await latestIds(tx, 'a.example')).toHaveLength(SITE_ROW - 1);
    expect(await latestIds(tx, 'b.example')).toEqual([]);
    // The name stays with the site (its row has no article left, but the site keeps its name).
    expect(await siteNames(tx)).toEqual(new Map([['b.example', 'Le Monde — Idées']]));
    expect(await db.count('sites')).toBe(2);
    await tx.done;
    db.close();
  });

  it('gives at most SITE_ROW latest ids from a row written when it held more', async () => {
    globalThis.indexedDB = new IDBFactory();
    const db = await openHistory('wide-row');
    const ids = Array.from({ length: SITE_ROW + 2 }, (_, i) => i + 1);
    await db.put('sites', { i: Uint32Array.from(ids) }, 'a.example');
    expect(await latestIds(db.transaction(STORES, 'readonly'), 'a.example')).toEqual(ids.reverse().slice(0, SITE_ROW));
    db.close();
  });

  it('commits with a write marked last, whether or not its rows were read before', async () => {
    globalThis.indexedDB = new IDBFactory();
    const db = await openHistory('last');
    const article = (id: number): ArticleRecord & { id: number } => ({
      id, url: `https://a.example/${id}`, page: pageHashOf(`https://a.example/${id}`), host: 'a.example', site: 'a.example', title: `t${id}`,
      siteName: null, firstSeen: id, lastSeen: id, words: 300, size: 290, sketch: [1], threshold: Infinity, keys: [id, 0x5_0000 + id], paragraphs: [], story: id,
    });
    // Rows read first (as a look-up does): every write is issued at once, the commit with them.
    let tx = db.transaction(STORES, 'readwrite');
    await Promise.all([postingsOf(tx, article(1).keys), latestIds(tx, 'a.example')]);
    const written = addArticle(tx, article(1), { last: true });
    expect(() => tx.objectStore('articles').get(1)).toThrow(/inactive|finished|commit/i);
    await written;
    await tx.done;
    // Rows not read yet: the commit is requested once they are, and the writes issued.
    tx = db.transaction(STORES, 'readwrite');
    await addArticle(tx, article(2), { last: true });
    await tx.done;
    const read = db.transaction(STORES);
    expect(await postingsOf(read, [1, 2, 0x5_0001, 0x5_0002])).toEqual([[1], [2], [1], [2]]);
    expect(await latestIds(read, 'a.example')).toEqual([2, 1]);
    db.close();
  });

  it("keeps a new record's postings pending, then files them into their buckets all together", async () => {
    globalThis.indexedDB = new IDBFactory();
    const db = await openHistory('pending');
    const keysOf = (id: number) => Array.from({ length: 8 }, (_, k) => (0x1_0000 * (id * 8 + k)) + id);
    const article = (id: number): ArticleRecord & { id: number } => ({
      id, url: `https://a.example/${id}`, page: pageHashOf(`https://a.example/${id}`), host: 'a.example', site: 'a.example', title: `t${id}`,
      siteName: null, firstSeen: id, lastSeen: id, words: 300, size: 290, sketch: [1], threshold: Infinity, keys: keysOf(id), paragraphs: [], story: id,
    });
    const perRow = PENDING_LIMIT / 8;
    for (let id = 1; id < perRow; id++) {
      const tx = db.transaction(STORES, 'readwrite');
      await addArticle(tx, article(id), { last: true });
      await tx.done;
    }
    // Every posting so far waits in the one pending row; no bucket row was written.
    expect(await db.count('postings')).toBe(1);
    expect((await db.get('postings', PENDING))?.length).toBe(2 * 8 * (perRow - 1));
    expect(await postingsOf(db.transaction(STORES, 'readonly'), keysOf(3))).toEqual(keysOf(3).map(() => [3]));
    // The record that fills the row files every pending posting, its own too, and commits.
    const tx = db.transaction(STORES, 'readwrite');
    await addArticle(tx, article(perRow), { last: true });
    await tx.done;
    expect(await db.get('postings', PENDING)).toBeUndefined();
    expect(await db.count('postings')).toBe(8 * perRow);
    expect(await db.get('postings', bucketOf(keysOf(perRow)[0]!))).toEqual(Uint32Array.from([keysOf(perRow)[0]!, perRow]));
    const read = db.transaction(STORES);
    for (const id of [1, perRow]) expect(await postingsOf(read, keysOf(id))).toEqual(keysOf(id).map(() => [id]));
    db.close();
  });

  it('finds, moves and removes postings alike whether pending or filed (any sequence of changes)', async () => {
    // A model of the postings (key -> ids) against the store, through additions (pending), bulk
    // inserts (filed at once), key changes and deletions, past the filing of the pending row.
    const key = fc.integer({ min: 0, max: 5 }).chain((bucket) => fc.integer({ min: 0, max: 3 }).map((low) => bucket * 0x1_0000 + low));
    const keys = fc.uniqueArray(key, { minLength: 4, maxLength: 8 });
    const op = fc.oneof(
      { arbitrary: keys.map((k) => ({ kind: 'add' as const, keys: k })), weight: 6 },
      { arbitrary: keys.map((k) => ({ kind: 'insert' as const, keys: k })), weight: 1 },
      { arbitrary: fc.tuple(fc.nat(), keys).map(([n, k]) => ({ kind: 'rekey' as const, n, keys: k })), weight: 2 },
      { arbitrary: fc.nat().map((n) => ({ kind: 'delete' as const, n })), weight: 2 },
    );
    let run = 0;
    let filings = 0;
    await fc.assert(fc.asyncProperty(fc.array(op, { minLength: 80, maxLength: 160 }), async (ops) => {
      globalThis.indexedDB = new IDBFactory();
      const db = await openHistory(`model-${run++}`);
      const model = new Map<number, number[]>();
      const record = (id: number, k: number[]): ArticleRecord & { id: number } => ({
        id, url: `https://a.example/${id}`, page: pageHashOf(`https://a.example/${id}`), host: 'a.example', site: 'a.example', title: 't',
        siteName: null, firstSeen: id, lastSeen: id, words: 300, size: 290, sketch: [1], threshold: Infinity, keys: k, paragraphs: [], story: id,
      });
      let next = 1;
      for (const o of ops) {
        const ids = [...model.keys()];
        const tx = db.transaction(STORES, 'readwrite');
        if (o.kind === 'add') {
          await addArticle(tx, record(next, o.keys));
          model.set(next++, o.keys);
        } else if (o.kind === 'insert') {
          tx.abort();
          await tx.done.catch(() => undefined);
          await insertArticles(db, [record(next, o.keys)]);
          model.set(next++, o.keys);
          continue;
        } else if (ids.length > 0) {
          const id = ids[o.n % ids.length]!;
          const before = record(id, model.get(id)!);
          if (o.kind === 'rekey') {
            await putArticle(tx, record(id, o.keys), before.keys);
            model.set(id, o.keys);
          } else {
            await deleteArticle(tx, before);
            model.delete(id);
          }
        }
        await tx.done;
        if (o.kind === 'add' && (await db.get('postings', PENDING)) === undefined) filings++;
      }
      const all = [...new Set([...model.values()].flat())].sort((a, b) => a - b);
      const expected = all.map((k) => [...model].filter(([, ks]) => ks.includes(k)).map(([id]) => id).sort((a, b) => a - b));
      const found = (await postingsOf(db.transaction(STORES, 'readonly'), all)).map((ids) => [...ids].sort((a, b) => a - b));
      expect(found).toEqual(expected);
      // Nothing is left behind for a deleted article, in the buckets or the pending row.
      const pairs = (await db.getAll('postings')).flatMap((row) => [...row].filter((_, i) => i % 2 === 1));
      expect(new Set(pairs)).toEqual(new Set(model.keys()));
      db.close();
    }), { numRuns: 25 });
    expect(filings).toBeGreaterThan(0);
  });

  it('finds a story by its first article, which names none, and moves it whole', async () => {
    globalThis.indexedDB = new IDBFactory();
    const db = await openHistory('stories');
    const article = (id: number, story: number): ArticleRecord => ({
      id, url: `https://s${id}.example/`, page: pageHashOf(`https://s${id}.example/`), host: `s${id}.example`, site: `s${id}.example`,
      title: `t${id}`, siteName: null, firstSeen: id, lastSeen: id, words: 300, size: 290, sketch: [1], threshold: Infinity, keys: [id],
      paragraphs: [], story,
    });
    await insertArticles(db, [article(1, 1), article(2, 1), article(3, 3), article(4, 3)]);
    expect(await db.countFromIndex('articles', 'story', 1)).toBe(1);
    const tx = db.transaction(STORES, 'readwrite');
    expect((await storyArticles(tx, 1)).map((r) => r.id)).toEqual([1, 2]);
    await moveStory(tx, 3, 1);
    expect((await storyArticles(tx, 1)).map((r) => r.id).sort()).toEqual([1, 2, 3, 4]);
    expect(await storyArticles(tx, 3)).toEqual([]);
    await tx.done;
    db.close();
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
