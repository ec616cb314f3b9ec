// The links store: kept in step with every write, and what a page's links are marked from.
import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { addArticle, deleteArticle, insertArticles, putArticle } from '../../src/history/articles.ts';
import { encode, pageHashOf } from '../../src/history/codec.ts';
import { clearHistory, forgetArticle } from '../../src/history/commands.ts';
import { linkMarks, MAX_HEADLINE_READINGS } from '../../src/history/link-marks.ts';
import { linkBucketOf, linkHashes } from '../../src/history/links.ts';
import { openHistory } from '../../src/history/open.ts';
import type { ArticleRecord } from '../../src/history/records.ts';
import { STORES, type HistoryDB } from '../../src/history/schema.ts';

const HEADLINE = 'Council approves the new harbour bridge plan';

const article = (id: number, url: string, title: string, lastSeen = 1_000 * id): ArticleRecord => ({
  id, url, page: pageHashOf(url), host: new URL(url).hostname, site: new URL(url).hostname, title, siteName: null, firstSeen: lastSeen,
  lastSeen, words: 300, size: 290, sketch: [1], threshold: Infinity, keys: [id * 7], paragraphs: [], story: id,
});

/** Every [hash, id] entry of the links store, sorted. */
async function entries(db: HistoryDB): Promise<string[]> {
  const rows = await db.getAll('links');
  return rows.flatMap((row) => Array.from({ length: row.length / 2 }, (_, i) => `${row[2 * i]}:${row[2 * i + 1]}`)).sort();
}

const expected = (records: readonly ArticleRecord[]) => records.flatMap((r) => linkHashes(r).map((h) => `${h}:${r.id}`)).sort();

describe('links store', () => {
  it('files an article under its page and its headline, a generic headline under its page alone', () => {
    const a = article(1, 'https://a.example/bridge', HEADLINE);
    expect(linkHashes(a)).toHaveLength(2);
    expect(linkHashes(article(2, 'https://a.example/live', 'Live updates'))).toHaveLength(1);
    expect(linkBucketOf(0xff00_0000)).toBe(255);
  });

  it('stays in step with adds, rewrites, deletions and clearing', async () => {
    globalThis.indexedDB = new IDBFactory();
    const db = await openHistory('links-step');
    const [a, b, c] = [article(1, 'https://a.example/1', HEADLINE), article(2, 'https://b.example/2', 'Live updates'), article(3, 'https://c.example/3', 'Port of Brest closes for two days')];
    await insertArticles(db, [a, b]);
    let tx = db.transaction(STORES, 'readwrite');
    await addArticle(tx, { ...c, id: 3 });
    await tx.done;
    expect(await entries(db)).toEqual(expected([a, b, c]));
    // A new headline on a reread: its old one is gone, its page kept; the same headline writes nothing.
    const renamed = { ...c, title: 'Port of Brest reopens after two days of storm' };
    tx = db.transaction(STORES, 'readwrite');
    await putArticle(tx, renamed, c);
    await putArticle(tx, { ...a, lastSeen: 9 }, a);
    await tx.done;
    expect(await entries(db)).toEqual(expected([a, b, renamed]));
    tx = db.transaction(STORES, 'readwrite');
    await deleteArticle(tx, a);
    await tx.done;
    expect(await entries(db)).toEqual(expected([b, renamed]));
    expect(await forgetArticle(db, 3)).toBe(true);
    expect(await entries(db)).toEqual(expected([b]));
    await clearHistory(db);
    expect(await entries(db)).toEqual([]);
    db.close();
  });

  it('marks links to a page read, to a headline read, and nothing else', async () => {
    globalThis.indexedDB = new IDBFactory();
    const db = await openHistory('links-marks');
    await insertArticles(db, [
      article(1, 'https://wire.example/bridge', HEADLINE, 5_000),
      article(2, 'https://front.example/port?id=2', 'Port of Brest closes for two days', 6_000),
      article(3, 'https://front.example/live', 'Live updates'),
    ]);
    const marks = await linkMarks(db, 'https://front.example/', [
      { url: 'https://other.example/elsewhere', text: 'Council approves the new harbour bridge plan – Other News' },
      { url: 'https://front.example/port?id=2&utm_source=x#top', text: 'Anything at all' },
      { url: 'https://front.example/never-read', text: 'A story never read anywhere at all' },
      { url: 'https://front.example/elsewhere-live', text: 'Live updates' },
      { url: 'https://front.example/live?utm_medium=y', text: 'Live updates' },
    ]);
    expect(marks).toEqual([
      { host: 'wire.example', lastSeen: 5_000, by: 'title' },
      { host: 'front.example', lastSeen: 6_000, by: 'page' },
      null,
      null,
      { host: 'front.example', lastSeen: 3_000, by: 'page' },
    ]);
    // The page showing the links is not marked as a link to itself, by its address or its headline.
    expect(await linkMarks(db, 'https://wire.example/bridge', [{ url: 'https://wire.example/bridge#comments', text: HEADLINE }])).toEqual([null]);
    expect(await linkMarks(db, 'https://x.example/', [])).toEqual([]);
    db.close();
  });

  it('names the page itself when it was read, else the latest reading of the headline in its story', async () => {
    globalThis.indexedDB = new IDBFactory();
    const db = await openHistory('links-latest');
    await insertArticles(db, [
      article(1, 'https://wire.example/bridge', HEADLINE, 2_000),
      { ...article(2, 'https://latest.example/bridge', HEADLINE, 9_000), story: 1 },
      { ...article(3, 'https://between.example/bridge', HEADLINE, 7_000), story: 1 },
    ]);
    const marks = await linkMarks(db, 'https://front.example/', [
      { url: 'https://unread.example/bridge', text: HEADLINE },
      { url: 'https://wire.example/bridge', text: HEADLINE },
    ]);
    expect(marks).toEqual([{ host: 'latest.example', lastSeen: 9_000, by: 'title' }, { host: 'wire.example', lastSeen: 2_000, by: 'page' }]);
    db.close();
  });

  it('matches no headline on another page of the site it was read on, nor one read in two stories', async () => {
    globalThis.indexedDB = new IDBFactory();
    const db = await openHistory('links-recurring');
    const ROUNDUP = "NHL roundup: Sunday's action on the ice";
    await insertArticles(db, [
      article(1, 'https://cp.example/nhl/2008-01-13', ROUNDUP),
      article(2, 'https://wire.example/bridge', HEADLINE),
      article(3, 'https://paper.example/bridge', HEADLINE),
      { ...article(4, 'https://copy.example/bridge', HEADLINE), story: 2 },
    ]);
    const marks = await linkMarks(db, 'https://front.example/', [
      { url: 'https://cp.example/nhl/2008-01-20', text: ROUNDUP },
      { url: 'https://www.cp.example/nhl/2008-01-13', text: ROUNDUP },
      { url: 'https://elsewhere.example/nhl', text: ROUNDUP },
      { url: 'https://elsewhere.example/bridge', text: HEADLINE },
    ]);
    expect(marks).toEqual([null, { host: 'cp.example', lastSeen: 1_000, by: 'page' }, { host: 'cp.example', lastSeen: 1_000, by: 'title' }, null]);
    db.close();
  });

  it('matches no headline filed for more articles than MAX_HEADLINE_READINGS, and still the page itself', async () => {
    globalThis.indexedDB = new IDBFactory();
    const db = await openHistory('links-many');
    const DAILY = 'Wordle hint and answer for today, with clues';
    const readings = (n: number, title: string, from: number) =>
      Array.from({ length: n }, (_, i) => ({ ...article(from + i, `https://s${i}.example/${from}`, title), story: from }));
    await insertArticles(db, [...readings(MAX_HEADLINE_READINGS, HEADLINE, 1), ...readings(MAX_HEADLINE_READINGS + 1, DAILY, 100)]);
    const marks = await linkMarks(db, 'https://front.example/', [
      { url: 'https://unread.example/bridge', text: HEADLINE },
      { url: 'https://unread.example/wordle', text: DAILY },
      { url: 'https://s3.example/100', text: DAILY },
    ]);
    expect(marks).toEqual([
      { host: `s${MAX_HEADLINE_READINGS - 1}.example`, lastSeen: MAX_HEADLINE_READINGS * 1_000, by: 'title' },
      null,
      { host: 's3.example', lastSeen: 103_000, by: 'page' },
    ]);
    db.close();
  });

  it('is built from the records of a version 5 history', async () => {
    globalThis.indexedDB = new IDBFactory();
    const v5 = await openHistory('five', 5);
    const records = Array.from({ length: 1_203 }, (_, i) => article(i + 1, `https://s${i % 7}.example/${i}`, `${HEADLINE} number ${i}`));
    const tx = v5.transaction(['articles'] as never, 'readwrite') as unknown as IDBTransaction;
    for (const r of records) tx.objectStore('articles').put(encode(r));
    tx.objectStore('articles').put({ id: 5_000, u: 7 });
    await new Promise((done) => (tx.oncomplete = done));
    v5.close();
    const db = await openHistory('five');
    expect(await entries(db)).toEqual(expected(records));
    expect(await linkMarks(db, 'https://x.example/', [{ url: 'https://y.example/', text: `${HEADLINE} number 1202` }])).toEqual([{ host: 's5.example', lastSeen: 1_203_000, by: 'title' }]);
    db.close();
  });
});
