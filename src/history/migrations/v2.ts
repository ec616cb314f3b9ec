/** Schema 2: the history list reads newest first without loading every record. */
import type { DBSchema, IDBPTransaction } from 'idb';
import type { LegacyArticle } from '../legacy.ts';
import type { UpgradeTx } from './ladder.ts';

export interface SchemaV2 extends DBSchema {
  articles: {
    key: number;
    value: LegacyArticle;
    indexes: { page: string; story: number; site: string; keys: number; lastSeen: number };
  };
}

export function upgradeToV2(_db: unknown, upgrade: UpgradeTx): void {
  const tx = upgrade as IDBPTransaction<SchemaV2, ['articles'], 'versionchange'>;
  tx.objectStore('articles').createIndex('lastSeen', 'lastSeen');
}
