/** Schema 1: one store of articles, its fields indexed under their long names. */
import type { DBSchema, IDBPDatabase } from 'idb';
import type { LegacyArticle } from '../legacy.ts';
import type { UpgradeDB } from './ladder.ts';

export interface SchemaV1 extends DBSchema {
  articles: {
    key: number;
    value: LegacyArticle;
    indexes: { page: string; story: number; site: string; keys: number };
  };
}

export function upgradeToV1(database: UpgradeDB): void {
  const db = database as IDBPDatabase<SchemaV1>;
  const articles = db.createObjectStore('articles', { keyPath: 'id', autoIncrement: true });
  articles.createIndex('page', 'page');
  articles.createIndex('story', 'story');
  articles.createIndex('site', 'site');
  articles.createIndex('keys', 'keys', { multiEntry: true });
}
