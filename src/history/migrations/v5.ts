/**
 * Schema 5: a counter of ids, so that a forgotten article's id is never given again. It starts at
 * the articles store's key generator, which every id ever written has moved past (a record put
 * with its own key moves it too): an id freed before this step is not given again either.
 */
import type { DBSchema, IDBPDatabase, IDBPTransaction } from 'idb';
import type { SiteRow, StoredArticle } from '../stored.ts';
import type { UpgradeDB, UpgradeTx } from './ladder.ts';

export interface SchemaV5 extends DBSchema {
  articles: {
    key: number;
    value: StoredArticle;
    indexes: { page: number; story: number; lastSeen: number };
  };
  postings: { key: number; value: Uint32Array };
  sites: { key: string; value: SiteRow };
  counters: { key: string; value: number };
}

/** The counters row of the next id (schema.ts NEXT_ID, frozen here). */
const NEXT_ID = 'nextId';

/** The key generator's next value is read by adding an empty value (then deleted). */
interface Probing extends DBSchema {
  articles: { key: number; value: object };
}

export async function upgradeToV5(database: UpgradeDB, upgrade: UpgradeTx): Promise<void> {
  (database as IDBPDatabase<SchemaV5>).createObjectStore('counters');
  const articles = (upgrade as IDBPTransaction<Probing, ['articles'], 'versionchange'>).objectStore('articles');
  const generated = await articles.add({});
  await articles.delete(generated);
  await (upgrade as IDBPTransaction<SchemaV5, ['counters'], 'versionchange'>).objectStore('counters').put(generated, NEXT_ID);
}
