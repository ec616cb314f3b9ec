import { allArticles, insertArticles } from '../../src/history/articles.ts';
import { pageHashOf } from '../../src/history/codec.ts';
/** Damaged records, a full disk and concurrent reports: nothing breaks, nothing is lost. */
import { describe, expect, it, vi } from 'vitest';
import { createHandlers, PRUNE_INTERVAL } from '../../src/background/handlers.ts';
import { exportHistory, historyHealth } from '../../src/history/commands.ts';
import { importHistory } from '../../src/history/import-history.ts';
import { recordReport } from '../../src/history/record-report.ts';
import { storiesPage } from '../../src/history/stories.ts';
import type { HistoryDB } from '../../src/history/schema.ts';
import { DEFAULT_SETTINGS } from '../../src/settings.ts';
import { freshHistory } from '../fixtures/db.ts';
import { reportFor } from '../fixtures/reports.ts';
import { makeArticle } from '../fixtures/text.ts';
import { read } from '../fixtures/visit.ts';

const all = { query: '', multiSite: false, before: null, limit: 100 };

describe('faults', () => {
  it('skips a damaged record, reports it, and keeps the rest usable', async () => {
    const db = await freshHistory();
    const story = makeArticle(61, 8);
    await read(db, 'https://one.example/a', story);
    await db.put('articles', { id: 99, y: 1, p: 5, s: 'one.example', v: Date.now(), k: [] } as never);
    const verdict = await read(db, 'https://two.example/b', story);
    expect(verdict.otherSites).toBe(1);
    expect((await storiesPage(db, all)).stories).toHaveLength(1);
    expect(await historyHealth(db)).toEqual({ articles: 2, damaged: 1 });
    expect((await exportHistory(db, 0)).articles).toHaveLength(2);
  });

  it('on a full disk, prunes the oldest readings, tells the reader, and records the page', async () => {
    const db = await freshHistory();
    for (let i = 0; i < 10; i++) await read(db, `https://site${i}.example/a`, makeArticle(100 + i, 4));
    const meta = new Map<string, unknown>();
    let full = true;
    const realTransaction = db.transaction.bind(db);
    // The first write transaction fails as IndexedDB does when the quota is exceeded.
    vi.spyOn(db, 'transaction').mockImplementation(((stores: never, mode?: IDBTransactionMode) => {
      if (mode === 'readwrite' && full) {
        full = false;
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      }
      return realTransaction(stores, mode);
    }) as HistoryDB['transaction']);
    const handlers = createHandlers({
      db: async () => db, now: () => Date.now(), settings: async () => DEFAULT_SETTINGS,
      setBadge: async () => undefined, saveVerdict: async () => undefined, loadVerdict: async () => null, markTitle: (host) => host,
      meta: { get: async <T>(k: string, f: T) => (meta.get(k) as T) ?? f, set: async (k, v) => void meta.set(k, v) },
    });
    const verdict = await handlers['page/record']({ article: true, ...reportFor('https://new.example/a', makeArticle(200, 4)) }, { id: 'x', tab: { id: 1 } });
    expect(verdict.articleId).not.toBeNull();
    expect(await db.count('articles')).toBe(10);
    const health = await handlers['history/health']({}, { id: 'x' });
    expect(health.storageProblem).toMatchObject({ pruned: 1 });
  });

  it('on a disk that stays full, prunes once, stops when the retry still fails, and reports every deletion', async () => {
    const db = await freshHistory();
    await insertArticles(db, Array.from({ length: 200 }, (_, k) => {
      const i = k + 1;
      return {
        id: i, url: `https://s${i}.example/${i}`, page: pageHashOf(`https://s${i}.example/${i}`), host: `s${i}.example`,
        site: `s${i}.example`, title: `Story ${i}`, siteName: null, firstSeen: i, lastSeen: i, words: 300,
        size: 290, sketch: [i], threshold: Infinity, keys: [i * 3], paragraphs: [i * 7], story: i,
      };
    }));
    const meta = new Map<string, unknown>();
    const realTransaction = db.transaction.bind(db);
    // Every record's write fails as IndexedDB does when the quota is exceeded; deletions succeed.
    vi.spyOn(db, 'transaction').mockImplementation(((stores: never, mode?: IDBTransactionMode, options?: IDBTransactionOptions) => {
      if (mode === 'readwrite' && options?.durability === 'relaxed') throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return realTransaction(stores, mode, options);
    }) as HistoryDB['transaction']);
    let now = Date.now();
    const handlers = createHandlers({
      db: async () => db, now: () => now, settings: async () => DEFAULT_SETTINGS,
      setBadge: async () => undefined, saveVerdict: async () => undefined, loadVerdict: async () => null, markTitle: (host) => host,
      meta: { get: async <T>(k: string, f: T) => (meta.get(k) as T) ?? f, set: async (k, v) => void meta.set(k, v) },
    });
    for (let i = 0; i < 20; i++) {
      now += 3 * 86_400_000; // even days apart: the retry failed, so nothing more is deleted
      const report = { article: true as const, ...reportFor(`https://new${i}.example/a`, makeArticle(400 + i, 4)) };
      await expect(handlers['page/record'](report, { id: 'x', tab: { id: 1 } })).rejects.toThrow(/quota/);
    }
    const left = await db.count('articles');
    expect(left).toBe(180);
    const health = await handlers['history/health']({}, { id: 'x' });
    expect(health.storageProblem).toMatchObject({ pruned: 200 - left });
  });

  it('on a disk where the extension\'s own settings cannot be written either, prunes nothing', async () => {
    const db = await freshHistory();
    for (let i = 0; i < 10; i++) await read(db, `https://site${i}.example/a`, makeArticle(100 + i, 4));
    const realTransaction = db.transaction.bind(db);
    vi.spyOn(db, 'transaction').mockImplementation(((stores: never, mode?: IDBTransactionMode, options?: IDBTransactionOptions) => {
      if (mode === 'readwrite' && options?.durability === 'relaxed') throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return realTransaction(stores, mode, options);
    }) as HistoryDB['transaction']);
    // storage.local is on the same full disk: a note of a prune could not be kept, so none is made.
    const handlers = createHandlers({
      db: async () => db, now: () => Date.now(), settings: async () => DEFAULT_SETTINGS,
      setBadge: async () => undefined, saveVerdict: async () => undefined, loadVerdict: async () => null, markTitle: (host) => host,
      meta: { get: async <T>(_k: string, f: T) => f, set: async () => { throw new Error('No space left on device'); } },
    });
    for (let i = 0; i < 5; i++) {
      const report = { article: true as const, ...reportFor(`https://new${i}.example/a`, makeArticle(500 + i, 4)) };
      await expect(handlers['page/record'](report, { id: 'x', tab: { id: 1 } })).rejects.toThrow(/quota/);
    }
    expect(await db.count('articles')).toBe(10);
  });

  it('on a disk that fills again within the interval, prunes once, and again once the interval has passed', async () => {
    const db = await freshHistory();
    let now = Date.now();
    // Read recently: the retention limit deletes none of them.
    await insertArticles(db, Array.from({ length: 100 }, (_, k) => {
      const i = k + 1;
      return {
        id: i, url: `https://s${i}.example/${i}`, page: pageHashOf(`https://s${i}.example/${i}`), host: `s${i}.example`,
        site: `s${i}.example`, title: `Story ${i}`, siteName: null, firstSeen: now - 1_000 + i, lastSeen: now - 1_000 + i, words: 300,
        size: 290, sketch: [i], threshold: Infinity, keys: [i * 3], paragraphs: [i * 7], story: i,
      };
    }));
    const meta = new Map<string, unknown>();
    const realTransaction = db.transaction.bind(db);
    // The first try of every record fails for want of room; the retry after it goes through.
    let tries = 0;
    vi.spyOn(db, 'transaction').mockImplementation(((stores: never, mode?: IDBTransactionMode, options?: IDBTransactionOptions) => {
      if (mode === 'readwrite' && options?.durability === 'relaxed' && tries++ % 2 === 0) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return realTransaction(stores, mode, options);
    }) as HistoryDB['transaction']);
    const handlers = createHandlers({
      db: async () => db, now: () => now, settings: async () => DEFAULT_SETTINGS,
      setBadge: async () => undefined, saveVerdict: async () => undefined, loadVerdict: async () => null, markTitle: (host) => host,
      meta: { get: async <T>(k: string, f: T) => (meta.get(k) as T) ?? f, set: async (k, v) => void meta.set(k, v) },
    });
    const record = (i: number) => handlers['page/record']({ article: true, ...reportFor(`https://new${i}.example/a`, makeArticle(500 + i, 4)) }, { id: 'x', tab: { id: 1 } });
    expect((await record(0)).articleId).not.toBeNull();
    expect(await db.count('articles')).toBe(91);
    tries = 0;
    now += 3_600_000;
    await expect(record(1)).rejects.toThrow(/quota/);
    expect(await db.count('articles')).toBe(91);
    tries = 0;
    now += PRUNE_INTERVAL;
    expect((await record(2)).articleId).not.toBeNull();
    expect(await db.count('articles')).toBe(82);
    const health = await handlers['history/health']({}, { id: 'x' });
    expect(health.storageProblem).toEqual({ at: now, pruned: 20, stopped: false });
  });

  it('20 tabs reporting at once give 20 records and consistent stories', async () => {
    const db = await freshHistory();
    const story = makeArticle(70, 8);
    const reports = Array.from({ length: 20 }, (_, i) =>
      i < 2 ? reportFor(`https://copy${i}.example/s`, story) : reportFor(`https://site${i}.example/s`, makeArticle(300 + i, 6)));
    await Promise.all(reports.map((r, i) => recordReport(db, r, 1_000 + i)));
    const records = await allArticles(db);
    expect(records).toHaveLength(20);
    expect(new Set(records.map((r) => r.page)).size).toBe(20);
    const stories = new Map<number, number>();
    for (const r of records) stories.set(r.story, (stories.get(r.story) ?? 0) + 1);
    expect([...stories.values()].sort((a, b) => b - a)).toEqual([2, ...Array(18).fill(1)]);
  });

  it('export then import of 10,000 records loses nothing', async () => {
    const db = await freshHistory();
    await insertArticles(db, Array.from({ length: 10_000 }, (_, k) => {
      const i = k + 1;
      return {
        id: i, url: `https://s${i % 97}.example/${i}`, page: pageHashOf(`https://s${i % 97}.example/${i}`), host: `s${i % 97}.example`,
        site: `s${i % 97}.example`, title: `Story ${i}`, siteName: null, firstSeen: i, lastSeen: i + 5, words: 300,
        size: 290, sketch: [i % 65_536, (i + 1) % 65_536], threshold: Infinity, keys: [i * 3], paragraphs: [i * 7], story: i - (i % 3),
      };
    }));
    const file = JSON.parse(JSON.stringify(await exportHistory(db, 0)));
    const other = await freshHistory();
    expect(await importHistory(other, file)).toEqual({ added: 10_000, merged: 0 });
    const imported = await allArticles(other);
    expect(new Set(imported.map((a) => a.page)).size).toBe(10_000);
    expect(new Set(imported.map((a) => a.story)).size).toBe(new Set(file.articles.map((a: { story: number }) => a.story)).size);
  }, 30_000);
});
