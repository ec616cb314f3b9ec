/**
 * What every migration step shares: the database and transaction of an upgrade as idb gives them
 * before any schema is known. Each step views them as its own version's frozen schema, at its edge
 * (idb's README, "TypeScript": one interface per version).
 */
import type { IDBPDatabase, IDBPTransaction } from 'idb';
import type { PostingChange } from '../postings.ts';

export type UpgradeDB = IDBPDatabase;
export type UpgradeTx = IDBPTransaction<unknown, string[], 'versionchange'>;
/** Applies changes to the look-up rows in the upgrade's transaction (postings.ts). */
export type PostChanges = (changes: readonly PostingChange[]) => Promise<void>;
/** Brings a database from version N - 1 to N. A shipped step is never edited. */
export type Step = (db: UpgradeDB, tx: UpgradeTx, post: PostChanges) => void | Promise<void>;
