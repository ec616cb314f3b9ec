/**
 * The history's records as the rest of the code sees them: the bottom of src/history, importing
 * nothing. Their stored form (one-letter fields, packed arrays) is codec.ts's business alone.
 */

export interface ArticleRecord {
  id?: number;
  /** The page's address: its canonical URL when the page names one on its own site whose record (if any) holds the same text. */
  url: string;
  /** pageHash() of the page's key: one record per page. */
  page: number;
  /** The host as shown, from `url`. */
  host: string;
  /** Registrable domain (or host for IPs and localhost), from `url`. */
  site: string;
  title: string;
  /** The name the page gives its site: kept once per site (siteNames()), not read back with the record. */
  siteName: string | null;
  firstSeen: number;
  lastSeen: number;
  words: number;
  /** Distinct shingles in the whole text. */
  size: number;
  /** Bottom-k sample of the shingle hashes, each folded to 16 bits (in the order of the full hashes). */
  sketch: number[];
  /** The full k-th hash: the sample holds every hash up to it (Infinity: the whole set). */
  threshold: number;
  /** The winnowed fingerprints posted for look-up: the lead's and an anchor per stretch of text (storedKeys). */
  keys: number[];
  /** Hash of each paragraph (PARAGRAPH_BITS bits), in order. */
  paragraphs: number[];
  /** Id of the story's first article: sightings of one story share it. */
  story: number;
  /** Articles the reader said are not the same story as this one. */
  apart?: number[];
}

/** A whole number a record may hold: a safe, non-negative integer (an id, a count, a time). */
export function isWholeNumber(value: unknown): value is number {
  return Number.isSafeInteger(value) && (value as number) >= 0;
}
