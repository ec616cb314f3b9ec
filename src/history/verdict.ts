/** The verdict on a page from its assessment: its sightings, the text it shares, what is new. */
import { MAX_PARAGRAPHS, MAX_TOKENS, type Overlap } from '../core/index.ts';
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
 * Share of the paragraphs of the shorter of the two (the page now, what was read of it) that both
 * must hold for the page to be told "updated": a page whose text was replaced, or extracted anew
 * from other blocks, is not an update of what was read.
 */
const STILL_THERE = 0.5;

/**
 * How the page has changed since it was last read (`read`, its record then), or null. The two
 * editions are aligned on the paragraphs both hold (in the order of the page, and of the edition
 * last read, which comes first in the record: readOfBoth); between two such anchors, the page's
 * paragraphs not read are new only when they are more than twice the read ones that left that same
 * place (newIn): one replaced by one is an edit (a corrected word, a date line or a count
 * restated), one by two a paragraph split, not news; one replaced by three are three new. A date
 * line is never new; nor, on a page cut at MAX_PARAGRAPHS or MAX_TOKENS, is what comes after its
 * last anchor (text moved up past the cut).
 */
/** The new paragraphs of one stretch between anchors: those `added`, when more than twice those that `left`. */
const newIn = (added: number, left: number) => (added > 2 * left ? added : 0);

export function updateOf(read: Pick<ArticleRecord, 'paragraphs' | 'lastSeen'>, report: Pick<PageReport, 'paragraphs' | 'stamps' | 'words'>): Update | null {
  const before = read.paragraphs;
  const now = report.paragraphs;
  const position = new Map<number, number>();
  before.forEach((h, k) => position.has(h) || position.set(h, k));
  const inNow = new Set(now);
  const stamps = new Set(report.stamps ?? []);
  const counted = new Set<number>();
  const leftBetween = (from: number, to: number) => before.slice(from, to).filter((h) => !inNow.has(h)).length;
  let fresh = 0;
  let added = 0;
  let from = 0;
  let anchors = 0;
  for (const h of now) {
    const k = position.get(h);
    if (k === undefined) {
      if (!stamps.has(h) && !counted.has(h)) added++;
      counted.add(h);
    } else if (k >= from) {
      anchors++;
      fresh += newIn(added, leftBetween(from, k));
      added = 0;
      from = k + 1;
    }
  }
  // A page cut at the fingerprint's bounds (paragraphs, or tokens: about as many words) may end in text moved up past the cut.
  if (now.length < MAX_PARAGRAPHS && report.words < MAX_TOKENS) fresh += newIn(added, leftBetween(from, before.length));
  const enough = anchors > 0 && anchors >= STILL_THERE * Math.min(new Set(before).size, inNow.size);
  return fresh > 0 && enough ? { lastRead: read.lastSeen, fresh } : null;
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
