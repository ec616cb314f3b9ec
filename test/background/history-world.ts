/**
 * The real history behind the model test: a fresh fake IndexedDB, the worker's handlers with a
 * clock, badges and verdicts the test controls, and a disk that can be made full for the next
 * records (their transactions fail as IndexedDB's do when the quota is exceeded).
 */
import { createHandlers } from '../../src/background/handlers.ts';
import type { TabVerdict } from '../../src/protocol.ts';
import type { HistoryDB } from '../../src/history/schema.ts';
import { DEFAULT_SETTINGS } from '../../src/settings.ts';
import { freshHistory } from '../fixtures/db.ts';

export type World = Awaited<ReturnType<typeof makeWorld>>;

export async function makeWorld(start: number) {
  const db = await freshHistory();
  const badges = new Map<number, string>();
  const verdicts = new Map<number, TabVerdict>();
  const meta = new Map<string, unknown>();
  const state = { now: start, fullFor: 0 };
  const realTransaction = db.transaction.bind(db);
  // Only a record's own transaction meets the full disk: deleting to make room still works.
  db.transaction = ((stores: never, mode?: IDBTransactionMode, options?: IDBTransactionOptions) => {
    if (mode === 'readwrite' && state.fullFor > 0 && /recordReport/.test(new Error().stack ?? '')) {
      state.fullFor--;
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    }
    return realTransaction(stores, mode, options);
  }) as HistoryDB['transaction'];
  const handlers = createHandlers({
    db: async () => db,
    now: () => state.now,
    // Retention is driven by the test's own prune steps: the worker's daily prune keeps a year.
    settings: async () => DEFAULT_SETTINGS,
    meta: {
      get: async <T>(key: string, fallback: T) => (meta.has(key) ? (meta.get(key) as T) : fallback),
      set: async (key: string, value: unknown) => void meta.set(key, value),
    },
    setBadge: async (tab, text) => void badges.set(tab, text),
    saveVerdict: async (tab, verdict) => void verdicts.set(tab, verdict),
    loadVerdict: async (tab) => verdicts.get(tab) ?? null,
    markTitle: (host) => host,
  });
  return { db, handlers, badges, state };
}

export const sender = (tabId: number) => ({ id: 'x', url: 'https://news.example/', tab: { id: tabId, incognito: false } });
