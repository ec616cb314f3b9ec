/**
 * The reading history in IndexedDB, through idb: the typed schema and its upgrade ladder.
 * A shipped step is never edited; a change of schema is a new step.
 */
import { openDB, type DBSchema, type IDBPDatabase, type IDBPTransaction, type StoreNames } from 'idb';

export interface ArticleRecord {
  id?: number;
  url: string;
  /** pageKey() of the canonical URL: one record per page. */
  page: string;
  host: string;
  /** Registrable domain (or host for IPs and localhost). */
  site: string;
  title: string;
  siteName: string | null;
  byline: string | null;
  published: string | null;
  lang: string | null;
  firstSeen: number;
  lastSeen: number;
  words: number;
  /** Distinct shingles in the whole text. */
  size: number;
  /** Bottom-k sample of the shingle hashes (sorted). */
  sketch: number[];
  /** Winnowed fingerprints indexed for look-up. */
  keys: number[];
  /** Hash of each paragraph, in order. */
  paragraphs: number[];
  /** Id of the story's first article: sightings of one story share it. */
  story: number;
  /** Articles the reader said are not the same story as this one. */
  apart?: number[];
}

export interface HistorySchema extends DBSchema {
  articles: {
    key: number;
    value: ArticleRecord;
    indexes: { page: string; story: number; site: string; keys: number; lastSeen: number };
  };
}

export type HistoryDB = IDBPDatabase<HistorySchema>;
export type HistoryTx<Mode extends IDBTransactionMode> = IDBPTransaction<HistorySchema, StoreNames<HistorySchema>[], Mode>;

export const DB_NAME = 'deja-lu';

type Migration = (db: IDBPDatabase<HistorySchema>, tx: IDBPTransaction<HistorySchema, StoreNames<HistorySchema>[], 'versionchange'>) => void;

/** Step N brings a database from version N - 1 to N. Append only. */
const MIGRATIONS: Migration[] = [
  (db) => {
    const articles = db.createObjectStore('articles', { keyPath: 'id', autoIncrement: true });
    articles.createIndex('page', 'page');
    articles.createIndex('story', 'story');
    articles.createIndex('site', 'site');
    articles.createIndex('keys', 'keys', { multiEntry: true });
  },
  // The history list reads newest first without loading every record.
  (_db, tx) => tx.objectStore('articles').createIndex('lastSeen', 'lastSeen'),
];

export const DB_VERSION = MIGRATIONS.length;

/**
 * Opens (and upgrades) the history. `onClose` hears that this connection is closed for good: its
 * owner must open the database again when it next needs it, or every later use fails.
 */
export async function openHistory(name = DB_NAME, version = DB_VERSION, onClose?: () => void): Promise<HistoryDB> {
  const db: HistoryDB = await openDB<HistorySchema>(name, version, {
    upgrade(database, oldVersion, newVersion, tx) {
      for (let step = oldVersion + 1; step <= (newVersion ?? version); step++) MIGRATIONS[step - 1]?.(database, tx);
    },
    // A newer version of the extension wants to upgrade, or the database is being deleted: step
    // aside rather than block it.
    blocking: () => {
      db.close();
      onClose?.();
    },
    // The browser closed the connection (the database was deleted, or the disk failed).
    terminated: () => onClose?.(),
  });
  return db;
}
