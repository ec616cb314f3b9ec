import type { PostingChange } from '../postings.ts';
import type { StoredArticle } from '../stored.ts';
import type { PostChanges } from './ladder.ts';

/** A cursor on an articles store that holds StoredArticle values (schemas 3 and later). */
interface CompactCursor {
  value: unknown;
  primaryKey: number;
  update(value: StoredArticle): Promise<unknown>;
  continue(): Promise<CompactCursor | null>;
}

/**
 * Rewrites, in an upgrade, every record `convert` can read, then applies the changes to the
 * postings and sites' rows it names. A record it cannot read (null) is left as it is: still
 * skipped, still counted by 'history/health'.
 */
export async function rewriteRecords(
  articles: { openCursor(): Promise<CompactCursor | null> }, post: PostChanges, convert: (value: unknown, id: number) => { value: StoredArticle; change: PostingChange } | null,
): Promise<void> {
  const changes: PostingChange[] = [];
  let cursor = await articles.openCursor();
  while (cursor) {
    const rewritten = convert(cursor.value, cursor.primaryKey);
    if (rewritten) {
      await cursor.update(rewritten.value);
      changes.push(rewritten.change);
    }
    cursor = await cursor.continue();
  }
  await post(changes);
}
