// The articles store: a story found by its first article and moved whole.
import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { insertArticles, moveStory, storyArticles } from '../../src/history/articles.ts';
import { pageHashOf } from '../../src/history/codec.ts';
import { openHistory } from '../../src/history/open.ts';
import type { ArticleRecord } from '../../src/history/records.ts';
import { STORES } from '../../src/history/schema.ts';

describe('history articles', () => {
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

});
