/**
 * Schema 3: compact records and a postings store instead of the multiEntry index of keys (bytes per
 * article measured in BENCHMARKS.md). Every record is rewritten in this one transaction.
 */
import type { DBSchema, IDBPDatabase, IDBPTransaction } from 'idb';
import { encode, packText } from '../codec.ts';
import { fromLegacy } from '../legacy.ts';
import type { StoredArticle } from '../stored.ts';
import type { PostChanges, UpgradeDB, UpgradeTx } from './ladder.ts';
import { rewriteRecords } from './rewrite-records.ts';

export interface SchemaV3 extends DBSchema {
  articles: {
    key: number;
    /** The site name still in the record (n), and an index on the site (s). */
    value: StoredArticle & { s?: string };
    indexes: { page: number; story: number; site: string; lastSeen: number };
  };
  postings: { key: number; value: Uint32Array };
}

export async function upgradeToV3(database: UpgradeDB, upgrade: UpgradeTx, post: PostChanges): Promise<void> {
  const db = database as IDBPDatabase<SchemaV3>;
  const tx = upgrade as IDBPTransaction<SchemaV3, ['articles', 'postings'], 'versionchange'>;
  db.createObjectStore('postings');
  const articles = tx.objectStore('articles');
  // The indexes of the long field names (schema 1 and 2), whatever they were.
  for (const name of [...articles.indexNames]) articles.deleteIndex(name);
  await rewriteRecords(articles, post, (value, id) => {
    const record = fromLegacy(value);
    if (!record) return null;
    // Schema 3 kept the site name in the record.
    const stored = encode(record);
    return {
      value: record.siteName === null ? stored : { ...stored, n: packText(record.siteName) },
      change: { id, keys: record.keys },
    };
  });
  // The letters as they were at this version: a shipped step never follows a later table.
  articles.createIndex('page', 'p');
  articles.createIndex('story', 'y');
  articles.createIndex('site', 's');
  articles.createIndex('lastSeen', 'v');
}
