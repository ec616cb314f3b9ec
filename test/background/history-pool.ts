/**
 * The pages the history model test reads: 4 stories, each with copies on different sites (full,
 * truncated, re-headlined), digests that quote the beginnings of two stories, and pages whose
 * canonical link names another page of their site that holds another story.
 */
import type { PageReport } from '../../src/protocol.ts';
import { reportFor } from '../fixtures/reports.ts';
import { makeArticle } from '../fixtures/text.ts';

export interface PoolPage {
  name: string;
  report: PageReport;
  /** The story its text is a copy of; null for a digest (two stories' beginnings). */
  story: number | null;
}

const STORIES = [0, 1, 2, 3].map((s) => makeArticle(1_400 + s, 8));
const site = (k: number) => `https://news${k % 4}.example`;

/**
 * Titles long enough to be indexed as headlines (links.ts); a full story and its short copy share
 * one, as syndicated copies often do.
 */
function page(name: string, url: string, paragraphs: string[], story: number | null, canonical: string | null = null): PoolPage {
  const title = `The harbour report ${name.replace(/^short/, 'full')} of the week`;
  return { name, report: { ...reportFor(url, paragraphs, title), canonical }, story };
}

export const POOL: PoolPage[] = [
  ...STORIES.flatMap((text, s) => [
    page(`full${s}`, `${site(s)}/story-${s}`, text, s),
    page(`short${s}`, `${site(s + 1)}/brief-${s}`, text.slice(0, 4), s),
    page(`copy${s}`, `${site(s + 2)}/wire/${s}`, text.slice(0, 7), s),
  ]),
  // A digest holds a short copy of each of two stories whole: it is "the same story" as both.
  ...STORIES.map((text, s) => page(`digest${s}`, `${site(s + 3)}/digest-${s}`, [...text.slice(0, 4), ...STORIES[(s + 1) % 4]!.slice(0, 4)], null)),
  // Another story on the same site as full0 / full1, naming that page as canonical.
  page('canon1on0', `${site(0)}/amp/x`, STORIES[1]!.slice(0, 6), 1, `${site(0)}/story-0`),
  page('canon2on1', `${site(1)}/m/y`, STORIES[2]!.slice(0, 6), 2, `${site(1)}/story-1`),
];
