/**
 * The history engine: what the worker and the Node tools (CLI, eval, benchmark) import, the same
 * files in both, with no worker around it. Each name is also importable from its own module.
 */
export type { ArticleRecord } from './records.ts';
export { DB_NAME, STORES, type HistoryDB, type HistoryTx } from './schema.ts';
export { DB_VERSION, openHistory } from './open.ts';
export { pageHash, pageHashOf, STORED_FIELDS, type StoredField } from './codec.ts';
export { allArticles, deleteRange, insertArticles } from './articles.ts';
export { BUCKETS } from './postings.ts';
export { pageUrl, type AssessOptions, type LookupTimings } from './assess.ts';
export { checkReport, recordReport } from './record-report.ts';
export { storiesPage } from './stories.ts';
export {
  clearHistory, deleteStory, exportHistory, forgetArticle, historyHealth, pruneHistory, pruneOldest, unlinkArticle,
} from './commands.ts';
export { importHistory } from './import-history.ts';
