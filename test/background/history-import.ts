/**
 * The import step of the history model test: an earlier export, as it is or altered, read into
 * the history; the records it adds must take ids never given before.
 */
import { expect } from 'vitest';
import type { HistoryFile } from '../../src/history-file.ts';
import { storedById } from './history-invariants.ts';
import type { Model } from './history-model.ts';
import { POOL } from './history-pool.ts';
import { sender, type World } from './history-world.ts';

export async function importFile(w: World, m: Model, file: HistoryFile, tamper: boolean): Promise<void> {
  const before = await storedById(w.db);
  let result;
  try {
    result = await w.handlers['history/import']({ file }, sender(0));
  } catch (error) {
    if (!tamper) throw error;
    expect([...(await storedById(w.db)).keys()], 'a refused file changes nothing').toEqual([...before.keys()]);
    return;
  }
  const store = await storedById(w.db);
  expect([...before.keys()].filter((id) => !store.has(id)), 'an import deletes nothing').toEqual([]);
  const added = [...store.values()].filter((r) => !before.has(r.id!));
  expect(added.length).toBe(result.added);
  const newId = new Map(added.map((r) => [r.page, r.id!]));
  for (const r of added) {
    const page = m.byPageHash.get(r.page)!;
    expect(m.idOf(page), `the import added a second record of ${POOL[page]!.name}`).toBeUndefined();
    m.issue(r.id!, { page, firstSeen: r.firstSeen, lastSeen: r.lastSeen }, 'by an import');
  }
  for (const [id, entry] of m.live) Object.assign(entry, { firstSeen: store.get(id)!.firstSeen, lastSeen: store.get(id)!.lastSeen });
  // The pairs kept apart in the file hold between the new records it brought.
  const pageOf = new Map(file.articles.map((a) => [a.id, a.page]));
  for (const a of file.articles) {
    for (const x of a.apart ?? []) {
      const [i, j] = [newId.get(a.page), newId.get(pageOf.get(x) ?? -1)];
      if (i !== undefined && j !== undefined) m.setApart(i, j);
    }
  }
}

/** The file as it would be read back from disk, possibly altered. */
export function tampered(file: HistoryFile, how: 'none' | 'apart' | 'dangling'): HistoryFile {
  const copy = JSON.parse(JSON.stringify(file)) as HistoryFile;
  const [a, ...rest] = copy.articles;
  if (!a || how === 'none') return copy;
  if (how === 'dangling') a.apart = [...(a.apart ?? []), 987_654];
  const b = rest.find((x) => x.story === a.story);
  // Two articles of one story said to be apart: a file cannot make apart articles one story.
  if (how === 'apart' && b) {
    a.apart = [...(a.apart ?? []), b.id!];
    b.apart = [...(b.apart ?? []), a.id!];
  }
  return copy;
}
