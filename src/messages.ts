/**
 * The one protocol between the content script, the background worker and the extension pages:
 * a map from message name to request and response, a typed `send`, and request validation.
 * Errors cross the boundary as data and are rethrown on the sending side.
 */
import { sendRuntimeMessage } from './platform/runtime.ts';

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

export type Relation = 'same-site' | 'other-site';

export interface Sighting {
  id: number;
  url: string;
  host: string;
  site: string;
  title: string;
  firstSeen: number;
  containment: number;
  resemblance: number;
  relation: Relation;
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
  reason?: string;
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

export interface Protocol {
  'page/report': { request: Report; response: Verdict };
  'tab/verdict': { request: { tabId: number }; response: Verdict | null };
  'history/recent': { request: { limit: number }; response: ArticleSummary[] };
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
