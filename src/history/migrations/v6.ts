/**
 * Schema 6: the links store (links.ts), from which a page's links to pages and headlines already
 * read are marked. Built from every readable record, read in batches (a large history is not held
 * in memory at once); records are not rewritten.
 */
import type { DBSchema, IDBPDatabase, IDBPTransaction } from 'idb';
import { decode } from '../codec.ts';
import { linkHashes } from '../links.ts';
import type { PostingChange } from '../postings.ts';
import type { SiteRow, StoredArticle } from '../stored.ts';
import type { PostChanges, UpgradeDB, UpgradeTx } from './ladder.ts';

export interface SchemaV6 extends DBSchema {
  articles: {
    key: number;
    value: StoredArticle;
    indexes: { page: number; story: number; lastSeen: number };
  };
  postings: { key: number; value: Uint32Array };
  sites: { key: string; value: SiteRow };
  links: { key: number; value: Uint32Array };
  counters: { key: string; value: number };
}

/** Records read per request while the rows are built. */
const BATCH = 1_000;

export async function upgradeToV6(database: UpgradeDB, upgrade: UpgradeTx, post: PostChanges): Promise<void> {
  (database as IDBPDatabase<SchemaV6>).createObjectStore('links');
  const articles = (upgrade as IDBPTransaction<SchemaV6, ['articles'], 'versionchange'>).objectStore('articles');
  const changes: PostingChange[] = [];
  let after = -Infinity;
  for (;;) {
    const range = after === -Infinity ? null : IDBKeyRange.lowerBound(after, true);
    const [values, keys] = await Promise.all([articles.getAll(range, BATCH), articles.getAllKeys(range, BATCH)]);
    values.forEach((value, i) => {
      const record = decode(value, keys[i]);
      // No keys: the postings stay as they are; only the links rows are written.
      if (record) changes.push({ id: record.id ?? keys[i]!, keys: [], links: linkHashes(record) });
    });
    if (keys.length < BATCH) break;
    after = keys[keys.length - 1]!;
  }
  await post(changes);
}
