import { allArticles } from '../../src/history/articles.ts';
import { describe, expect, it } from 'vitest';
import { clearHistory, deleteStory, exportHistory, forgetArticle, pruneHistory, unlinkArticle } from '../../src/history/commands.ts';
import { importHistory } from '../../src/history/import-history.ts';
import { checkReport } from '../../src/history/record-report.ts';
import { storiesPage } from '../../src/history/stories.ts';
import { freshHistory } from '../fixtures/db.ts';
import { reportFor } from '../fixtures/reports.ts';
import { makeArticle } from '../fixtures/text.ts';
import { read } from '../fixtures/visit.ts';

const story = makeArticle(41, 8);
const all = { query: '', multiSite: false, before: null, limit: 100 };

async function threeReadings() {
  const db = await freshHistory();
  const a = await read(db, 'https://one.example/a', story);
  const b = await read(db, 'https://two.example/b', story.slice(0, 5));
  const c = await read(db, 'https://three.example/c', makeArticle(42, 8));
  return { db, ids: [a.articleId!, b.articleId!, c.articleId!] };
}

describe('history administration', () => {
  it('groups the history by story, newest first, with filters and paging', async () => {
    const { db } = await threeReadings();
    const page = await storiesPage(db, all);
    expect(page.stories.map((s) => s.sites)).toEqual([['three.example'], ['two.example', 'one.example']]);
    expect(page.next).toBeNull();
    expect((await storiesPage(db, { ...all, multiSite: true })).stories).toHaveLength(1);
    expect((await storiesPage(db, { ...all, query: 'THREE.example' })).stories).toHaveLength(1);
    const first = await storiesPage(db, { ...all, limit: 1 });
    expect(first.stories).toHaveLength(1);
    const second = await storiesPage(db, { ...all, limit: 1, before: first.next });
    expect(second.stories[0]!.story).not.toBe(first.stories[0]!.story);
  });

  it('"not the same story" unlinks a page and keeps it apart afterwards', async () => {
    const { db, ids } = await threeReadings();
    expect(await unlinkArticle(db, ids[1]!)).toBe(true);
    const again = await checkReport(db, reportFor('https://two.example/b', story.slice(0, 5)), Date.now());
    expect(again.sightings).toEqual([]);
    const third = await checkReport(db, reportFor('https://four.example/d', story), Date.now());
    expect(third.sightings.length).toBeGreaterThan(0);
  });

  it('forgets a page and deletes a story', async () => {
    const { db, ids } = await threeReadings();
    expect(await forgetArticle(db, ids[2]!)).toBe(true);
    expect(await forgetArticle(db, ids[2]!)).toBe(false);
    const [{ story: storyId } = { story: -1 }] = (await storiesPage(db, all)).stories;
    expect(await deleteStory(db, storyId)).toBe(2);
    expect(await db.count('articles')).toBe(0);
  });

  it('export, clear and import give back the same history', async () => {
    const { db } = await threeReadings();
    const before = await storiesPage(db, all);
    const file = JSON.parse(JSON.stringify(await exportHistory(db, Date.now())));
    expect(await clearHistory(db)).toBe(3);
    expect(await importHistory(db, file)).toEqual({ added: 3, merged: 0 });
    const after = await storiesPage(db, all);
    const shape = (p: typeof before) => p.stories.map((s) => ({ title: s.title, sites: s.sites, urls: s.articles.map((a) => a.url) }));
    expect(shape(after)).toEqual(shape(before));
    expect(await importHistory(db, file)).toEqual({ added: 0, merged: 3 });
    expect(await db.count('articles')).toBe(3);
  });

  it('import into a used history: new ids never reuse a deleted one; stories and "not the same" are kept', async () => {
    const { db, ids } = await threeReadings();
    await unlinkArticle(db, ids[1]!);
    const file = JSON.parse(JSON.stringify(await exportHistory(db, Date.now())));
    const target = await freshHistory();
    const gone = (await read(target, 'https://elsewhere.example/x', makeArticle(43, 8))).articleId!;
    await forgetArticle(target, gone);
    expect(await importHistory(target, file)).toEqual({ added: 3, merged: 0 });
    const records = await allArticles(target);
    expect(Math.min(...records.map((r) => r.id!))).toBeGreaterThan(gone);
    const byUrl = new Map(records.map((r) => [r.url, r]));
    const [one, two, three] = ['https://one.example/a', 'https://two.example/b', 'https://three.example/c'].map((u) => byUrl.get(u)!);
    expect(two!.story).toBe(two!.id);
    expect(two!.apart).toEqual([one!.id]);
    expect(one!.apart).toEqual([two!.id]);
    expect(new Set(records.map((r) => r.story)).size).toBe(3);
    expect(three!.story).toBe(three!.id);
    // Still kept apart: the unlinked page's text finds no sighting of the first one's story.
    expect((await checkReport(target, reportFor('https://two.example/b', story.slice(0, 5)), Date.now())).sightings).toEqual([]);
    expect((await checkReport(target, reportFor('https://four.example/d', story), Date.now())).sightings.map((s) => s.url)).toContain('https://one.example/a');
  });

  it('import keeps one record a page, even when the file holds the page twice', async () => {
    const { db } = await threeReadings();
    const file = JSON.parse(JSON.stringify(await exportHistory(db, Date.now())));
    const [first] = file.articles;
    const again = { ...first, id: 99, story: 99, firstSeen: first.firstSeen - 10, lastSeen: first.lastSeen + 10 };
    const target = await freshHistory();
    expect(await importHistory(target, { ...file, articles: [...file.articles, again] })).toEqual({ added: 3, merged: 1 });
    const records = await allArticles(target);
    expect(records.map((r) => r.url).sort()).toEqual(file.articles.map((a: { url: string }) => a.url).sort());
    const one = records.find((r) => r.url === first.url)!;
    expect([one.firstSeen, one.lastSeen]).toEqual([again.firstSeen, again.lastSeen]);
  });

  it('import keeps a "not the same story" link to a page already in the history, both ways', async () => {
    const { db, ids } = await threeReadings();
    await unlinkArticle(db, ids[1]!);
    const file = JSON.parse(JSON.stringify(await exportHistory(db, Date.now())));
    const target = await freshHistory();
    const here = (await read(target, 'https://one.example/a', story)).articleId!;
    expect(await importHistory(target, file)).toEqual({ added: 2, merged: 1 });
    const byUrl = new Map((await allArticles(target)).map((r) => [r.url, r]));
    const two = byUrl.get('https://two.example/b')!;
    expect(two.apart).toEqual([here]);
    expect(byUrl.get('https://one.example/a')!.apart).toEqual([two.id]);
    expect((await checkReport(target, reportFor('https://two.example/b', story.slice(0, 5)), Date.now())).sightings).toEqual([]);
  });

  it('a malformed import changes nothing and says what is wrong', async () => {
    const { db } = await threeReadings();
    const file = JSON.parse(JSON.stringify(await exportHistory(db, Date.now())));
    file.articles[2].sketch = ['x'];
    await expect(importHistory(db, file)).rejects.toThrow('article 3: "sketch" must be a list of at most 1024 16-bit hashes');
    await expect(importHistory(db, { format: 'other' })).rejects.toThrow(/not a Déjà Lu history file/);
    await expect(importHistory(db, { ...file, version: 99 })).rejects.toThrow(/unsupported version 99/);
    expect(await db.count('articles')).toBe(3);
  });

  it('prunes articles not read since the retention limit', async () => {
    const { db } = await threeReadings();
    const newest = Math.max(...(await allArticles(db)).map((a) => a.lastSeen));
    expect(await pruneHistory(db, newest)).toBe(2);
    expect(await db.count('articles')).toBe(1);
  });
});
