/** The verdict on a page from its assessment: its sightings, the text it shares, what is new. */
import { sharedParagraphs, type Overlap } from '../core/index.ts';
import type { PageReport, Sighting, Update, Verdict } from '../protocol.ts';
import type { Assessment } from './assess.ts';
import { joinStories, type Joined } from './join-stories.ts';
import { storyMembers } from './lookup.ts';
import type { ArticleRecord } from './records.ts';
import type { ReadTx } from './schema.ts';

/** Paragraph hashes kept for "what's new" at most. */
const MAX_READ_PARAGRAPHS = 2_000;

/** What the reader is told about a page first read at `firstSeen` that matches `a.stories`. */
export async function verdictFor(tx: ReadTx, a: Assessment, report: PageReport, firstSeen: number, ownId?: number): Promise<Verdict> {
  return verdictOf(a, joinStories(a, await membersOf(tx, a)), report, firstSeen, ownId);
}

/** The articles of the stories the page matches. */
export async function membersOf(tx: ReadTx, a: Pick<Assessment, 'stories' | 'read'>): Promise<ArticleRecord[]> {
  return (await Promise.all(a.stories.map((s) => storyMembers(tx, s, a.read)))).flat();
}

/** The verdict on a page, given the stories it joins and the articles it is told of (joinStories). */
export function verdictOf(a: Assessment, joined: Joined, report: PageReport, firstSeen: number, ownId?: number): Verdict {
  const earlier = (x: ArticleRecord) => x.firstSeen < firstSeen && x.page !== a.page && x.id !== ownId;
  const members = [...new Map(joined.shown.filter(earlier).map((m) => [m.id, m])).values()];
  const sightings = members.map((m) => sighting(m, a.compare(m), a.site));
  const shown = new Set(members.map((m) => m.id));
  const storySet = new Set(joined.stories);
  const sharing = [...joined.elsewhere, ...a.judged.filter((j) => j.relation === 'partial').map((j) => j.article)]
    .filter((x) => !storySet.has(x.story) && !shown.has(x.id) && earlier(x));
  const partial = [...new Map(sharing.map((x) => [x.id, x])).values()].map((x) => sighting(x, a.compare(x), a.site));
  // A date line is never news: what's new does not mark it, as it makes no update.
  const readParagraphs = [...new Set([...(report.stamps ?? []), ...(a.existing?.paragraphs ?? []), ...members.flatMap((m) => m.paragraphs)])]
    .slice(0, MAX_READ_PARAGRAPHS);
  const byNewest = (x: Sighting, y: Sighting) => y.firstSeen - x.firstSeen;
  return {
    kind: sightings.length > 0 ? 'seen' : 'recorded',
    url: report.url,
    title: report.title,
    sightings: sightings.sort(byNewest),
    partial: partial.sort(byNewest),
    otherSites: new Set(sightings.filter((s) => s.relation === 'other-site').map((s) => s.site)).size,
    revisit: a.existing !== undefined,
    articleId: ownId ?? null,
    articleUrl: ownId === undefined ? null : a.url,
    readParagraphs,
    updated: a.existing ? updateOf(a.existing, report) : null,
  };
}

/**
 * How the page has changed since it was last read (`read`, its record then), or null: new
 * paragraphs, a date line's not counted, in a text still sharing paragraphs with the one read
 * beyond chance (a page whose whole text was replaced, or extracted anew, is not "updated").
 */
export function updateOf(read: Pick<ArticleRecord, 'paragraphs' | 'lastSeen'>, report: Pick<PageReport, 'paragraphs' | 'stamps'>): Update | null {
  const known = new Set([...read.paragraphs, ...(report.stamps ?? [])]);
  const fresh = new Set(report.paragraphs.filter((h) => !known.has(h))).size;
  return fresh > 0 && sharedParagraphs(report.paragraphs, read.paragraphs) > 0 ? { lastRead: read.lastSeen, fresh } : null;
}

function sighting(article: ArticleRecord, o: Overlap, site: string): Sighting {
  return {
    id: article.id ?? 0,
    url: article.url,
    host: article.host,
    site: article.site,
    title: article.title,
    firstSeen: article.firstSeen,
    containment: round(o.containment),
    resemblance: round(o.resemblance),
    relation: article.site === site ? 'same-site' : 'other-site',
  };
}

const round = (x: number) => Math.round(x * 1000) / 1000;
