/**
 * The one protocol between the content script, the background worker and the extension pages:
 * a map from message name to request and response, a typed `send`, and request validation.
 * Errors cross the boundary as data and are rethrown on the sending side.
 */
import { sendRuntimeMessage } from './platform/runtime.ts';
import type { HistoryFile } from './history-file.ts';

export interface PageReport {
  url: string;
  canonical: string | null;
  title: string;
  siteName: string | null;
  byline: string | null;
  published: string | null;
  lang: string | null;
  words: number;
  hashes: number[];
  sketch: number[];
  keys: number[];
  paragraphs: number[];
}

export type Report =
  | ({ article: true } & PageReport)
  | { article: false; url: string; reason: string };

/**
 * Where a sighting was read, against the page's site: not a `Relation` of core/decide.ts (same
 * story, partial, different), which says how much text two articles share.
 */
export type SightingPlace = 'same-site' | 'other-site';

export interface Sighting {
  id: number;
  url: string;
  host: string;
  site: string;
  title: string;
  firstSeen: number;
  containment: number;
  resemblance: number;
  /** The field keeps its name: it crosses the protocol and is in the CLI's JSON output. */
  relation: SightingPlace;
}

export interface Verdict {
  kind: 'not-article' | 'recorded' | 'seen';
  url: string;
  title: string;
  /** Earlier readings of this story elsewhere, newest first. */
  sightings: Sighting[];
  /** Earlier articles that share paragraphs with this one but are another story. */
  partial: Sighting[];
  /** Distinct other sites among the sightings: the badge number. */
  otherSites: number;
  /** This page itself had been recorded before (a reload or another link to it). */
  revisit: boolean;
  /** This page's record, once it has one. */
  articleId: number | null;
  /** The address that record is kept under (the page's canonical URL when accepted): actions on the record send it back. */
  articleUrl: string | null;
  /** Paragraph hashes of the earlier sightings: what the reader has read of this story. */
  readParagraphs: number[];
  reason?: string;
}

/**
 * A verdict as the worker sends it (page/check, page/record) and keeps it for its tab
 * (tab/verdict): with the page's site, worked out by the worker since the Public Suffix List is
 * too big for the content script's size budget.
 */
export interface TabVerdict extends Verdict {
  /** The page's site (siteForUrl): what the notice's "Not on this site" and the popup's "Don't track this site" store. */
  site: string;
}

export interface ArticleSummary {
  id: number;
  url: string;
  host: string;
  title: string;
  firstSeen: number;
  lastSeen: number;
  words: number;
  story: number;
}

export interface StorySummary {
  story: number;
  title: string;
  firstSeen: number;
  lastSeen: number;
  sites: string[];
  /** Its sightings, most recently read first. */
  articles: ArticleSummary[];
}

export interface StoriesQuery {
  /** Matches titles and sites; empty for all. */
  query: string;
  /** Only stories read on more than one site. */
  multiSite: boolean;
  /** Continue below this last-read time (the previous page's `next`); null for the first page. */
  before: number | null;
  limit: number;
}

export interface StoriesPage {
  stories: StorySummary[];
  next: number | null;
}

export interface ImportResult {
  added: number;
  merged: number;
}

export interface StorageProblem {
  /** When the history was last pruned for a full disk. */
  at: number;
  /** Readings deleted to make room, in all (the latest prune's time is `at`). */
  pruned: number;
  /** The record retried after the latest prune still failed: no more pruning until one succeeds. */
  stopped: boolean;
}

export interface Health {
  articles: number;
  /** Damaged records skipped. */
  damaged: number;
  storageProblem: StorageProblem | null;
}

export interface Protocol {
  /** The immediate "already read?" check: nothing is written. */
  'page/check': { request: Report; response: TabVerdict };
  /** The page has been read (visible for a while, or scrolled): record it. */
  'page/record': { request: Report; response: TabVerdict };
  'tab/verdict': { request: { tabId: number }; response: TabVerdict | null };
  'history/stories': { request: StoriesQuery; response: StoriesPage };
  /**
   * `url`: the address the record was shown under (Verdict.articleUrl). The action is refused
   * (false) unless record `id` is still that page's: a verdict kept in a tab outlives its record.
   */
  'article/forget': { request: { id: number; url: string }; response: boolean };
  /** `tabId`: the tab showing the article (the popup's), whose verdict and badge then say it stands alone. */
  'article/unlink': { request: { id: number; url: string; tabId?: number }; response: boolean };
  'story/delete': { request: { story: number }; response: number };
  'history/export': { request: Record<string, never>; response: HistoryFile };
  'history/import': { request: { file: unknown }; response: ImportResult };
  'history/clear': { request: Record<string, never>; response: number };
  'history/health': { request: Record<string, never>; response: Health };
}

export type MessageType = keyof Protocol;
export type Request<T extends MessageType> = Protocol[T]['request'];
export type Response<T extends MessageType> = Protocol[T]['response'];

export interface Envelope<T extends MessageType = MessageType> {
  app: 'deja-lu';
  type: T;
  payload: Request<T>;
}

export type Reply<T> = { ok: true; value: T } | { ok: false; error: string };

export async function send<T extends MessageType>(type: T, payload: Request<T>): Promise<Response<T>> {
  const envelope: Envelope<T> = { app: 'deja-lu', type, payload };
  const reply = (await sendRuntimeMessage(envelope)) as Reply<Response<T>> | undefined;
  if (!reply) throw new Error(`No answer to ${type}`);
  if (!reply.ok) throw new Error(reply.error);
  return reply.value;
}

export { isEnvelope, validateRequest } from './messages-validate.ts';
