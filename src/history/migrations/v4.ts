/**
 * Schema 4: each site's latest articles in a row of their own instead of an index entry per
 * article; the site and an article's own story no longer stored, text packed. Every record is
 * rewritten.
 */
import type { DBSchema, IDBPDatabase, IDBPTransaction } from 'idb';
import { decode, encode } from '../codec.ts';
import type { SiteRow, StoredArticle } from '../stored.ts';
import type { PostChanges, UpgradeDB, UpgradeTx } from './ladder.ts';
import { rewriteRecords } from './rewrite-records.ts';

export interface SchemaV4 extends DBSchema {
  articles: {
    key: number;
    value: StoredArticle;
    indexes: { page: number; story: number; lastSeen: number };
  };
  postings: { key: number; value: Uint32Array };
  sites: { key: string; value: SiteRow };
}

/** Schema 3's index on the site, gone in this step. */
interface LeavingV3 extends DBSchema {
  articles: { key: number; value: StoredArticle; indexes: { site: string } };
}

export async function upgradeToV4(database: UpgradeDB, upgrade: UpgradeTx, post: PostChanges): Promise<void> {
  const db = database as IDBPDatabase<SchemaV4>;
  db.createObjectStore('sites');
  (upgrade as IDBPTransaction<LeavingV3, ['articles'], 'versionchange'>).objectStore('articles').deleteIndex('site');
  const articles = (upgrade as IDBPTransaction<SchemaV4, ['articles'], 'versionchange'>).objectStore('articles');
  await rewriteRecords(articles, post, (value, id) => {
    const record = decode(value, id);
    return record && { value: encode(record), change: { id, keys: [], site: record.site, siteName: record.siteName } };
  });
}
