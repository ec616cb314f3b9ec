/** Opens the history, upgrading it through the migration ladder (migrations/). */
import { openDB } from 'idb';
import { MIGRATIONS, DB_VERSION } from './migrations/index.ts';
import { applyPostingChanges } from './postings.ts';
import { DB_NAME, type HistoryDB, type HistoryTx } from './schema.ts';

export { DB_VERSION } from './migrations/index.ts';

/**
 * Opens (and upgrades) the history. `onClose` hears that this connection is closed for good: its
 * owner must open the database again when it next needs it, or every later use fails.
 */
export async function openHistory(name = DB_NAME, version = DB_VERSION, onClose?: () => void): Promise<HistoryDB> {
  // Opened untyped: each step views the database as its own version's schema; once upgraded, it is today's.
  const db = await openDB(name, version, {
    // eslint-disable-next-line @typescript-eslint/no-misused-promises -- idb ignores the promise upgrade returns; kept as it was
    async upgrade(database, oldVersion, newVersion, tx) {
      // The look-up rows are written as today's schema has them; a step's changes touch only stores it has.
      const post = (changes: Parameters<typeof applyPostingChanges>[1]) => applyPostingChanges(tx as HistoryTx<'versionchange'>, changes);
      for (let step = oldVersion + 1; step <= (newVersion ?? version); step++) await MIGRATIONS[step - 1]?.(database, tx, post);
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
  return db as HistoryDB;
}
