/** The history's typed IndexedDB schema (the current version's), its names and its stores. */
import type { DBSchema, IDBPDatabase, IDBPTransaction, StoreNames } from 'idb';
import type { SiteRow, StoredArticle } from './stored.ts';

export interface HistorySchema extends DBSchema {
  articles: {
    key: number;
    value: StoredArticle;
    indexes: { page: number; story: number; lastSeen: number };
  };
  /**
   * Look-up postings: for each bucket (a key's high 16 bits), the keys of that bucket and the
   * articles holding them, packed as [key, id, key, id, …]. One row per bucket rather than one
   * index entry per key and article: 8 bytes of payload a posting, the row's own cost shared.
   * Row PENDING (postings.ts) holds, in the same form, the postings of the latest articles read,
   * not yet filed.
   */
  postings: {
    key: number;
    value: Uint32Array;
  };
  /**
   * For each site, the ids of its SITE_ROW most recently added articles, ascending (the sample its
   * template is recognised from, read in one request instead of walking an index of every
   * article), and the name its pages give it (the same on all of them, so kept once).
   */
  sites: {
    key: string;
    value: SiteRow;
  };
  /**
   * Links rows (schema 6, links.ts): for each bucket (a hash's high 8 bits), the page hashes (low
   * 32 bits) and headline hashes of the articles, packed as [hash, id, …]: what a listing page's
   * links are looked up in.
   */
  links: {
    key: number;
    value: Uint32Array;
  };
  /**
   * Counters that must survive the records they count (schema 5). NEXT_ID: the id the next new
   * article takes. Ids are never given twice: a tab's verdict, kept after its article is forgotten,
   * would otherwise name whatever page took the id next.
   */
  counters: {
    key: string;
    value: number;
  };
}

export type HistoryDB = IDBPDatabase<HistorySchema>;
export type HistoryTx<Mode extends IDBTransactionMode> = IDBPTransaction<HistorySchema, StoreNames<HistorySchema>[], Mode>;
/** A transaction of any mode. */
export type AnyTx = HistoryTx<'readonly'> | HistoryTx<'readwrite'> | HistoryTx<'versionchange'>;
/** A transaction that reads (the look-up runs in either). */
export type ReadTx = HistoryTx<'readonly'> | HistoryTx<'readwrite'>;

export const DB_NAME = 'deja-lu';
/** Every store: a change to the history touches them together. */
export const STORES = ['articles', 'postings', 'sites', 'links', 'counters'] as const;
/** The counters row holding the next article's id. */
export const NEXT_ID = 'nextId';
