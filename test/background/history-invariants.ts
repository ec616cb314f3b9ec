/**
 * What must hold of the stored history after every step, read through the store's own reads.
 */
import { expect } from 'vitest';
import { allArticles, getArticle } from '../../src/history/articles.ts';
import { linkHashes } from '../../src/history/links.ts';
import { postingsOf } from '../../src/history/postings.ts';
import type { ArticleRecord } from '../../src/history/records.ts';
import { STORES, type HistoryDB } from '../../src/history/schema.ts';
import type { HistoryFile } from '../../src/history-file.ts';
import type { Model } from './history-model.ts';
import { name } from './history-model.ts';
import { sender, type World } from './history-world.ts';
import { POOL } from './history-pool.ts';

export async function storedById(db: HistoryDB): Promise<Map<number, ArticleRecord>> {
  return new Map((await allArticles(db)).map((r) => [r.id ?? -1, r]));
}

const sorted = (ids: Iterable<number>) => [...ids].sort((a, b) => a - b);

export async function checkState(w: World, m: Model): Promise<void> {
  const store = await storedById(w.db);
  expect(sorted(store.keys()), 'the stored articles are the live ones of the model').toEqual(sorted(m.live.keys()));
  const records = [...store.values()];

  // Apart articles never share a story: as the store records it, and as the reader asked.
  for (const r of records) {
    for (const a of r.apart ?? []) {
      expect(store.has(a), `article ${name(m, r)} is kept apart from missing article ${a}`).toBe(true);
      expect(store.get(a)?.story, `${name(m, r)} and ${name(m, store.get(a)!)} are apart but share a story`).not.toBe(r.story);
    }
  }
  for (const pair of m.apart) {
    const [a, b] = pair.split(',').map((id) => store.get(Number(id))!);
    expect(a!.story, `${name(m, a!)} and ${name(m, b!)} were unlinked but share story ${a!.story}`).not.toBe(b!.story);
  }
  // Two pages of different stories never share a story (a digest, of two stories, is neither).
  for (const r of records) {
    for (const q of records) {
      const [pr, pq] = [POOL[m.live.get(r.id ?? -1)?.page ?? -1]?.story, POOL[m.live.get(q.id ?? -1)?.page ?? -1]?.story];
      if (pr != null && pq != null && pr !== pq) expect(r.story, `${name(m, r)} and ${name(m, q)} are different stories merged`).not.toBe(q.story);
    }
  }
  // A story number that is a live article's id is that article's own story.
  for (const r of records) {
    if (store.has(r.story)) expect(store.get(r.story)!.story, `story ${r.story} of ${name(m, r)} is the id of an article of another story`).toBe(r.story);
  }

  // A deleted article is not reachable by id, nor shown.
  const tx = w.db.transaction(STORES, 'readonly');
  for (const id of m.deleted) if (!m.live.has(id)) expect(await getArticle(tx, id), `deleted article ${id} is still there`).toBeNull();
  // No posting or site row names a missing article; every live article can be found by its keys.
  const found = await Promise.all(records.map((r) => postingsOf(tx, r.keys)));
  records.forEach((r, i) => found[i]!.forEach((ids) => expect(ids, `${name(m, r)}'s key is not posted`).toContain(r.id)));
  const [rows, siteKeys, sites, linkRows] = await Promise.all([
    tx.objectStore('postings').getAll(), tx.objectStore('sites').getAllKeys(), tx.objectStore('sites').getAll(), tx.objectStore('links').getAll(),
  ]);
  await tx.done;
  // The links rows hold exactly each live article's page and headline hashes, nothing stale.
  const filed = linkRows.flatMap((row) => Array.from({ length: row.length / 2 }, (_, i) => `${row[2 * i]}:${row[2 * i + 1]}`)).sort();
  expect(filed, 'the links rows are the live articles\' pages and headlines').toEqual(records.flatMap((r) => linkHashes(r).map((h) => `${h}:${r.id}`)).sort());
  const posted = new Set(rows.flatMap((row) => [...row].filter((_, i) => i % 2 === 1)));
  expect(sorted(posted).filter((id) => !store.has(id)), 'postings name missing articles').toEqual([]);
  sites.forEach((row, i) => {
    const missing = [...row.i].filter((id) => store.get(id)?.site !== siteKeys[i]);
    expect(missing, `the row of ${siteKeys[i]} names articles that are not there`).toEqual([]);
  });

  const { stories } = await w.handlers['history/stories']({ query: '', multiSite: false, before: null, limit: 200 }, sender(0));
  const shown = stories.flatMap((s) => s.articles.map((a) => a.id));
  expect(sorted(shown), 'the history shows every live article once, and nothing else').toEqual(sorted(m.live.keys()));
}

/** A file with ids replaced by pages: the same history whatever ids it was given. */
export function byPage(file: HistoryFile) {
  const pageOf = new Map(file.articles.map((a) => [a.id, a.page]));
  const members = new Map<number, number[]>();
  for (const a of file.articles) members.set(a.story, [...(members.get(a.story) ?? []), a.page].sort((x, y) => x - y));
  return file.articles
    .map(({ id: _id, story, apart, ...rest }) => ({ ...rest, story: members.get(story), apart: (apart ?? []).map((x) => pageOf.get(x) ?? -1).sort((x, y) => x - y) }))
    .sort((x, y) => x.page - y.page);
}
