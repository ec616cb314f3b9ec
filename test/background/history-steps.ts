/**
 * The steps of the history model test: each drives the worker's handlers (or the prune they run)
 * as the extension does, checks the answer against the model, and brings the model up to date.
 */
import { expect } from 'vitest';
import { PRUNE_ON_FULL } from '../../src/background/handlers.ts';
import { pruneHistory } from '../../src/history/commands.ts';
import type { HistoryFile } from '../../src/history-file.ts';
import type { Verdict } from '../../src/protocol.ts';
import type { ArticleRecord } from '../../src/history/records.ts';
import { importFile, tampered } from './history-import.ts';
import { byPage, storedById } from './history-invariants.ts';
import { Episode, name, type Model } from './history-model.ts';
import { POOL } from './history-pool.ts';
import { sender, type World } from './history-world.ts';

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
/** The retention the prune step applies. */
export const RETENTION = 24 * HOUR;

export type Action =
  | { kind: 'record'; page: number }
  | { kind: 'revisit'; n: number }
  | { kind: 'check'; page: number }
  | { kind: 'unlink'; n: number }
  | { kind: 'forget'; n: number }
  | { kind: 'deleteStory'; n: number }
  | { kind: 'wait'; hours: number }
  | { kind: 'retention' }
  | { kind: 'diskFull'; pages: number[]; failures: number }
  | { kind: 'export' }
  | { kind: 'import'; file: number; tamper: 'none' | 'apart' | 'dangling'; cleared: boolean }
  | { kind: 'clear' }
  | { kind: 'roundTrip' };

const isQuota = (e: unknown) => e instanceof Error && /quota/i.test(`${e.name} ${e.message}`);
const live = (m: Model, v: Verdict) => [...v.sightings, ...v.partial].map((s) => s.id).filter((id) => !m.live.has(id));

/** Reads pool page `p` (page/record); on a full disk, `episode` accounts for what is pruned. */
async function readPage(w: World, m: Model, p: number, episode?: Episode): Promise<void> {
  w.state.now += MINUTE;
  const storedBefore = await storedById(w.db);
  const before = [...m.live.keys()];
  const previous = m.idOf(p);
  const tab = ++m.tabs;
  let verdict: Verdict | null = null;
  try {
    verdict = await w.handlers['page/record']({ article: true, ...POOL[p]!.report }, sender(tab));
  } catch (error) {
    if (!episode || !isQuota(error)) throw error;
  }
  const store = await storedById(w.db);
  const gone = before.filter((id) => !store.has(id));
  if (episode) episode.prune(m, gone);
  else expect(gone, 'reading a page deletes nothing').toEqual([]);
  for (const id of gone) m.remove(id);
  if (verdict === null) return;
  episode?.restart(m.live.size);
  const id = verdict.articleId!;
  const kept = previous !== undefined && m.live.has(previous);
  if (kept) expect(id, `${POOL[p]!.name} read again keeps its record`).toBe(previous);
  else {
    const other = m.live.get(id);
    expect(other, `${POOL[p]!.name} was recorded over ${POOL[other?.page ?? 0]!.name}'s record ${id}`).toBeUndefined();
    m.issue(id, { page: p, firstSeen: w.state.now, lastSeen: w.state.now }, `to ${POOL[p]!.name}`);
  }
  expect(merged(m, storedBefore, store), `reading ${POOL[p]!.name} merged stories of different texts`).toEqual([]);
  const entry = m.live.get(id)!;
  entry.lastSeen = w.state.now;
  const record = store.get(id)!;
  m.byPageHash.set(record.page, p);
  // A different first reading: the page's record was replaced (deleted, and its id given again).
  expect([record.firstSeen, record.lastSeen], `${POOL[p]!.name}'s record ${id}: first and last read`).toEqual([entry.firstSeen, entry.lastSeen]);
  expect(live(m, verdict), 'a deleted article is never matched').toEqual([]);
  // The badge: the other sites where this story was read before this page.
  const sites = new Set([...store.values()].filter((r) => r.story === record.story && r.id !== id && r.site !== record.site && r.firstSeen < record.firstSeen).map((r) => r.site));
  expect(w.badges.get(tab), `the badge of ${POOL[p]!.name} (story ${record.story})`).toBe(sites.size > 0 ? String(sites.size) : '');
}

/**
 * Pairs of articles, copies of different stories and in different stories before a page was read,
 * in one story after it (a digest quoting two stories must not merge them). A copy read later may
 * still join the digest's story: what the digest is, is not decided here.
 */
function merged(m: Model, before: Map<number, ArticleRecord>, after: Map<number, ArticleRecord>): string[] {
  const text = (r: ArticleRecord) => POOL[m.live.get(r.id!)?.page ?? -1]?.story ?? null;
  const kept = [...before.values()].filter((r) => after.has(r.id!) && text(r) !== null);
  return kept.flatMap((r) => kept.filter((q) => (q.id ?? 0) > (r.id ?? 0) && text(q) !== text(r) && q.story !== r.story && after.get(q.id!)!.story === after.get(r.id!)!.story)
    .map((q) => `${name(m, r)} + ${name(m, q)}`));
}

/**
 * What the popup sends to act on an article: its id, and the address it was shown under (built
 * apart from the call, so that the request type may or may not name the address).
 */
function target(store: Map<number, ArticleRecord>, id: number, tabId?: number) {
  const request = { id, url: store.get(id)!.url, ...(tabId === undefined ? {} : { tabId }) };
  return request;
}

async function clear(w: World, m: Model): Promise<void> {
  expect(await w.handlers['history/clear']({}, sender(0))).toBe(m.live.size);
  for (const id of [...m.live.keys()]) m.remove(id);
}

export async function run(w: World, m: Model, action: Action): Promise<void> {
  const h = w.handlers;
  const store = await storedById(w.db);
  const nth = (n: number) => m.nth(n);
  switch (action.kind) {
    case 'record': return readPage(w, m, action.page);
    case 'revisit': {
      const id = nth(action.n);
      return id === undefined ? undefined : readPage(w, m, m.live.get(id)!.page);
    }
    case 'check': {
      const verdict = await h['page/check']({ article: true, ...POOL[action.page]!.report }, sender(0));
      expect(live(m, verdict), 'a deleted article is never matched').toEqual([]);
      return;
    }
    case 'unlink': {
      // An article that shares its story, when there is one (unlinking one alone does nothing).
      const shared = [...store.values()].filter((r) => [...store.values()].some((q) => q.story === r.story && q.id !== r.id)).map((r) => r.id!);
      const id = shared.length > 0 ? shared.sort((a, b) => a - b)[action.n % shared.length]! : nth(action.n);
      if (id === undefined) return;
      const others = [...store.values()].filter((r) => r.story === store.get(id)!.story && r.id !== id);
      expect(await h['article/unlink'](target(store, id, 0), sender(0))).toBe(true);
      for (const o of others) m.setApart(id, o.id!);
      return;
    }
    case 'forget': {
      const id = nth(action.n);
      if (id === undefined) return;
      expect(await h['article/forget'](target(store, id), sender(0))).toBe(true);
      m.remove(id);
      expect(await h['article/forget'](target(store, id), sender(0)), 'a forgotten article is gone').toBe(false);
      expect(await h['article/unlink'](target(store, id), sender(0)), 'a forgotten article is gone').toBe(false);
      return;
    }
    case 'deleteStory': {
      const id = nth(action.n);
      if (id === undefined) return;
      const story = store.get(id)!.story;
      const members = [...store.values()].filter((r) => r.story === story);
      expect(await h['story/delete']({ story }, sender(0))).toBe(members.length);
      for (const r of members) m.remove(r.id!);
      return;
    }
    case 'wait':
      w.state.now += action.hours * HOUR;
      return;
    case 'retention': {
      const before = w.state.now - RETENTION;
      const old = [...m.live].filter(([, e]) => e.lastSeen < before).map(([id]) => id);
      expect(await pruneHistory(w.db, before)).toBe(old.length);
      for (const id of old) m.remove(id);
      return;
    }
    case 'diskFull': {
      w.state.fullFor = action.failures;
      const episode = new Episode(m.live.size, PRUNE_ON_FULL);
      for (const page of action.pages) await readPage(w, m, page, episode);
      w.state.fullFor = 0;
      return;
    }
    case 'export': {
      const file = await h['history/export']({}, sender(0));
      expect(file.articles.map((a) => a.id).sort((a, b) => a! - b!), 'the export holds the live articles').toEqual([...m.live.keys()].sort((a, b) => a - b));
      m.files = [...m.files.slice(-2), JSON.parse(JSON.stringify(file))];
      return;
    }
    case 'import': {
      const file = m.files[action.file % Math.max(1, m.files.length)] as HistoryFile | undefined;
      if (!file) return;
      // Into the history as it is, or into an emptied one (a restore).
      if (action.cleared) await clear(w, m);
      return importFile(w, m, tampered(file, action.tamper), action.tamper !== 'none');
    }
    case 'clear':
      return clear(w, m);
    case 'roundTrip': {
      const file = await h['history/export']({}, sender(0));
      const pairs = [...m.apart].map((p) => p.split(',').map((id) => store.get(Number(id))!.page));
      await clear(w, m);
      expect(await h['history/import']({ file: JSON.parse(JSON.stringify(file)) }, sender(0))).toEqual({ added: file.articles.length, merged: 0 });
      const again = await h['history/export']({}, sender(0));
      expect(byPage(again), 'export, clear, import gives back the same history').toEqual(byPage(file));
      const now = await storedById(w.db);
      const idOf = new Map([...now.values()].map((r) => [r.page, r.id!]));
      for (const r of now.values()) m.issue(r.id!, { page: m.byPageHash.get(r.page)!, firstSeen: r.firstSeen, lastSeen: r.lastSeen }, 'by the import of an export');
      for (const [a, b] of pairs) m.setApart(idOf.get(a!)!, idOf.get(b!)!);
      return;
    }
  }
}
