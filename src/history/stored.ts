/**
 * The stored form of the history's values. Only codec.ts (which turns them into records and back),
 * schema.ts and the migration steps import this file (eslint.config.js): every other module works
 * with ArticleRecord. The meaning of each letter is in codec.ts's table, STORED_FIELDS.
 */

/**
 * A record as stored: one-letter names and packed arrays, because every byte is paid for by every
 * article of years of reading (see BENCHMARKS.md, "Where the bytes go"). Indexed: p, y, v. The
 * site is not stored (it follows from the URL), nor the story of an article that began its own.
 */
export interface StoredArticle {
  id?: number;
  u: string;
  p: number;
  t: string | Uint8Array;
  /** Schema 3 only: now in the site's row. */
  n?: string | Uint8Array;
  f?: number;
  v: number;
  w: number;
  z: number;
  h: Uint16Array;
  m?: number;
  k: Uint32Array;
  /** 32 bits before schema 4. */
  g: Uint16Array | Uint32Array;
  y?: number;
  a?: number[];
}

/** A row of the sites store. */
export interface SiteRow {
  /** Ids of the site's most recently added articles, ascending. */
  i: Uint32Array;
  /** The name the site's pages give it (packText). */
  n?: string | Uint8Array;
}
