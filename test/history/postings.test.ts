// The look-up rows: postings (pending and filed) and each site's latest articles.
import { IDBFactory } from 'fake-indexeddb';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addArticle, deleteArticle, insertArticles, putArticle } from '../../src/history/articles.ts';
import { pageHashOf } from '../../src/history/codec.ts';
import { openHistory } from '../../src/history/open.ts';
import { readLinkRows } from '../../src/history/links.ts';
import { bucketOf, latestIds, PENDING, PENDING_LIMIT, postingsOf, SITE_ROW, siteNames } from '../../src/history/postings.ts';
import type { ArticleRecord } from '../../src/history/records.ts';
import { STORES } from '../../src/history/schema.ts';

describe('history postings', () => {
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

  it('reads a damaged site row as no latest ids, keeps its name, and writes the row anew with the next record', async () => {
    globalThis.indexedDB = new IDBFactory();
    const db = await openHistory('damaged-site-row');
    const article = (id: number): ArticleRecord => ({
      id, url: `https://a.example/${id}`, page: pageHashOf(`https://a.example/${id}`), host: 'a.example', site: 'a.example', title: `t${id}`,
      siteName: null, firstSeen: id, lastSeen: id, words: 300, size: 290, sketch: [1], threshold: Infinity, keys: [id], paragraphs: [], story: id,
    });
    for (const damaged of [{ n: 'Name only' }, 'garbage', { i: 5 }, { i: ['x'] }, null]) {
      // A value no version of the code writes, put as a failing disk or an old bug would leave it.
      await db.put('sites', damaged as never, 'a.example');
      expect(await latestIds(db.transaction(STORES, 'readonly'), 'a.example')).toEqual([]);
    }
    await db.put('sites', { n: 'Name only' } as never, 'a.example');
    await insertArticles(db, [article(1)]);
    expect(await latestIds(db.transaction(STORES, 'readonly'), 'a.example')).toEqual([1]);
    expect(await siteNames(db.transaction(STORES, 'readonly'))).toEqual(new Map([['a.example', 'Name only']]));
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
    await Promise.all([postingsOf(tx, article(1).keys), latestIds(tx, 'a.example'), readLinkRows(tx, [article(1).url], article(1).title)]);
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
            await putArticle(tx, record(id, o.keys), before);
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
  }, 20_000);

});
