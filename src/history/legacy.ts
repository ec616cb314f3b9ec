/**
 * Records as versions 1 and 2 stored them (long field names, page keys as text): read by the
 * upgrade to schema 3 and by history files of version 1.
 */
import { fold, foldParagraph, hostOf, sketchThreshold, storedKeys } from '../core/index.ts';
import { pageHash } from './codec.ts';
import { isWholeNumber, type ArticleRecord } from './records.ts';

/** A record as versions 1 and 2 stored it. */
export interface LegacyArticle {
  id: number; url: string; page: string; site: string; title: string; siteName: string | null;
  firstSeen: number; lastSeen: number; words: number; size: number; sketch: number[]; keys: number[];
  paragraphs: number[]; story: number; apart?: number[];
}

/** A version 1–2 record in the current form (null when damaged). */
export function fromLegacy(value: unknown): ArticleRecord | null {
  const r = value as Partial<LegacyArticle> | null;
  if (!r || typeof r.url !== 'string' || typeof r.page !== 'string' || typeof r.site !== 'string' || typeof r.title !== 'string'
    || !Array.isArray(r.sketch) || !Array.isArray(r.keys) || !Array.isArray(r.paragraphs)) return null;
  if (![r.id, r.firstSeen, r.lastSeen, r.words, r.size, r.story].every(isWholeNumber)) return null;
  const record: ArticleRecord = {
    id: r.id, url: r.url, page: pageHash(r.page), host: hostOf(r.url), site: r.site, title: r.title,
    siteName: r.siteName ?? null, firstSeen: r.firstSeen!, lastSeen: r.lastSeen!, words: r.words!, size: r.size!,
    sketch: r.sketch.map(fold), threshold: sketchThreshold(r.sketch), keys: storedKeys(r.keys),
    paragraphs: r.paragraphs.map(foldParagraph), story: r.story!,
  };
  if (Array.isArray(r.apart)) record.apart = r.apart;
  return record;
}
