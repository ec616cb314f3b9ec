/**
 * The one protocol between the content script, the extension pages and the background worker:
 * the messages each direction sends, with their requests and responses. Types only: it loads
 * nothing at run time. Messages are sent by platform/send.ts and validated, then routed, by
 * background/validate.ts and background/router.ts. Errors cross the boundary as data and are
 * rethrown on the sending side.
 */
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
  /**
   * Those of `paragraphs` that are only a date or time line: a new one alone is no update. Absent
   * from reports made outside the browser (the command line, the evaluation): none then.
   */
  stamps?: number[];
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
  /** Paragraph hashes of the earlier sightings and of this page as last read (and its date lines, never news): what the reader has read of this story. */
  readParagraphs: number[];
  /** This page was read before and its text has changed since (Update), else null. */
  updated: Update | null;
  reason?: string;
}

/**
 * A page read before whose text has changed since it was last read: paragraphs the reader has not
 * read, beyond a changed date line, in a text that still holds paragraphs read then (a changed
 * title or reordered paragraphs alone are no update).
 */
export interface Update {
  /** When the page was last read. */
  lastRead: number;
  /** Its paragraphs not read then. */
  fresh: number;
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

/**
 * A batch of a page's links, as the marks content script sends it: two lists of the same length,
 * each link's `href` attribute as written (the worker resolves it against `base`, the page's base
 * URL; the page sends it resolved only where its legacy encoding would make the two differ) and its
 * (headline) text, trimmed. Plain lists of strings, not an object per link: the browser copies them
 * for the message at a third of the cost (BENCHMARKS.md, "Link marks on a front page").
 */
export interface LinkBatch {
  /** The address of the page showing the links: links to it are not marked. */
  page: string;
  base: string;
  hrefs: string[];
  texts: string[];
}

/**
 * The most a LinkBatch may hold (the worker refuses more: background/validate.ts). Its text, the
 * longest headline (MAX_HEADLINE_LENGTH, src/core/headline.ts, which this file does not import,
 * lest marks.js hold the core's code).
 */
export const LINK_BATCH = { links: 2_000, href: 4_096, text: 300 } as const;

/** A link of a batch that leads to something read: its place in the batch, and its tooltip. */
export interface ReadLink {
  index: number;
  title: string;
}

/** A link that leads to something read: where and when last, and how it was known. */
export interface LinkMark {
  host: string;
  lastSeen: number;
  /** Its target is a page read, or its text the headline of an article read. */
  by: 'page' | 'title';
}


/** What the content script sends the background (checked: only from a tab's content script). */
export interface ContentRequests {
  /** The immediate "already read?" check: nothing is written. */
  'page/check': { request: Report; response: TabVerdict };
  /** The page has been read (visible for a while, or scrolled): record it. */
  'page/record': { request: Report; response: TabVerdict };
  /**
   * A batch of a page's links: those that lead to what was read, each with its tooltip in the
   * browser's language ("Read on example.com · 3 days ago"), worded by the worker
   * (src/background/mark-title.ts), which spares every page the making of a relative-time
   * formatter. None when marks are off for the page, or the page is not looked at.
   */
  'links/read': { request: LinkBatch; response: ReadLink[] };
}

/** What the extension's pages (popup, options) send the background (checked: only from them). */
export interface PageRequests {
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

/** Every message, whichever direction it comes from. */
export interface Protocol extends ContentRequests, PageRequests {}

export type ContentMessageType = keyof ContentRequests;
export type PageMessageType = keyof PageRequests;
export type MessageType = keyof Protocol;
export type Request<T extends MessageType> = Protocol[T]['request'];
export type Response<T extends MessageType> = Protocol[T]['response'];

/** Where a message comes from: its direction's name. */
export type Direction<T extends MessageType> = T extends ContentMessageType ? 'content' : 'page';

/** A name in both directions would be accepted from either sender: this fails to compile if one is. */
export type _DirectionsDisjoint = Nothing<ContentMessageType & PageMessageType>;
type Nothing<T extends never> = T;

export interface Envelope<T extends MessageType = MessageType> {
  app: 'deja-lu';
  type: T;
  payload: Request<T>;
}

export type Reply<T> = { ok: true; value: T } | { ok: false; error: string };
