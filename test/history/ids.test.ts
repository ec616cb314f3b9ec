import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { clearHistory, exportHistory, forgetArticle } from '../../src/history/commands.ts';
import { importHistory } from '../../src/history/import-history.ts';
import { recordReport } from '../../src/history/record-report.ts';
import { nextId } from '../../src/history/articles.ts';
import { pageHashOf } from '../../src/history/codec.ts';
import { openHistory } from '../../src/history/open.ts';
import { NEXT_ID, STORES } from '../../src/history/schema.ts';
import { freshHistory } from '../fixtures/db.ts';
import { reportFor } from '../fixtures/reports.ts';
import { makeArticle } from '../fixtures/text.ts';

const read = (n: number) => reportFor(`https://s${n}.example/${n}`, makeArticle(300 + n, 6), `Story ${n}`);

describe('article ids', () => {
  it('are never given twice: not after the newest article is forgotten, nor after the history is cleared', async () => {
    const db = await freshHistory();
    const first = await recordReport(db, read(1), 1);
    const second = await recordReport(db, read(2), 2);
    expect([first.articleId, second.articleId]).toEqual([1, 2]);
    expect(await forgetArticle(db, 2)).toBe(true);
    expect((await recordReport(db, read(3), 3)).articleId).toBe(3);
    await clearHistory(db);
    expect((await recordReport(db, read(4), 4)).articleId).toBe(4);
  });

  it('are not given again after an import, whose new articles take ids past the counter', async () => {
    const source = await freshHistory();
    for (const n of [1, 2, 3]) await recordReport(source, read(n), n);
    const file = await exportHistory(source, 4);
    const db = await freshHistory();
    await recordReport(db, read(9), 1);
    expect(await importHistory(db, file)).toEqual({ added: 3, merged: 0 });
    const ids = (await db.getAllKeys('articles')).sort((x, y) => x - y);
    expect(await forgetArticle(db, ids.at(-1)!)).toBe(true);
    expect((await recordReport(db, read(10), 10)).articleId).toBeGreaterThan(ids.at(-1)!);
  });

  it('upgrades a version 4 database: the counter starts past every id ever given, the freed ones too', async () => {
    globalThis.indexedDB = new IDBFactory();
    const v4 = await openHistory('four', 4);
    const v4Record = (id: number) => ({
      id, u: `a.example/${id}`, p: pageHashOf(`https://a.example/${id}`), t: `Title ${id}`, v: id, w: 300, z: 290,
      h: new Uint16Array([1, 2, 3]), k: new Uint32Array([0x5_0000 + id]), g: new Uint16Array([id]),
    });
    const tx = v4.transaction(['articles'] as never, 'readwrite') as unknown as IDBTransaction;
    const store = tx.objectStore('articles');
    // Version 4 gave the highest stored id + 1: forgetting article 3 freed its id.
    for (const id of [1, 2, 3]) store.put(v4Record(id));
    store.delete(3);
    await new Promise((done) => (tx.oncomplete = done));
    v4.close();

    const latest = await openHistory('four');
    expect([...latest.objectStoreNames]).toContain('counters');
    expect(await latest.get('counters', NEXT_ID)).toBe(4);
    expect(await latest.count('articles')).toBe(2);
    expect(await nextId(latest.transaction(STORES, 'readonly'))).toBe(4);
    latest.close();
  });
});
