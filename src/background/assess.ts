/**
 * Looks a reported page up in the history and judges every candidate: the part shared by the
 * immediate check and the later record, run inside the caller's transaction.
 */
import {
  countShared, decide, exactSample, foldedSample, leadShared, overlap, sharedParagraphs, siteOf,
  type Overlap, type Relation, type Thresholds,
} from '../core/index.ts';
import { decode, latestIds, pageHashOf, type ArticleRecord, type HistoryTx } from '../platform/database.ts';
import type { PageReport, Sighting, Verdict } from '../protocol.ts';
import { Boilerplate } from './boilerplate.ts';
import { articlesById, pick, rankCandidates, storyMembers } from './history.ts';
import { joinStories, type Joined } from './join-stories.ts';

export interface Assessment {
  /** The address the page is kept under (see pageUrl), and its page hash. */
  url: string;
  page: number;
  site: string;
  existing: ArticleRecord | undefined;
  judged: { article: ArticleRecord; relation: Relation }[];
  /**
   * Stories this page matches: its own first if it was recorded before, else the one it matches
   * best; joinStories() tells which of the others it may join.
   */
  stories: number[];
  /** The articles judged the same story as the page, best match first. */
  matches: ArticleRecord[];
  /** Distinct shingles of the page. */
  size: number;
  thresholds: Thresholds;
  /** Articles read by the look-up, by id (a story's first article among them is not read again). */
  read: ReadonlyMap<number, ArticleRecord>;
  compare: (other: ArticleRecord) => Overlap;
}

type Tx = HistoryTx<'readonly'> | HistoryTx<'readwrite'>;

/**
 * Containment below which no candidate is looked at twice: removing a site's template text moves
 * containment by at most the template's share of the page, so far-off candidates stay different.
 */
export const TEMPLATE_CHECK = 0.2;
/**
 * A candidate sharing this many of the page's look-up keys nearly always comes that close: the
 * site's latest articles are then read along with the candidates rather than after them.
 */
export const LIKELY_CLOSE_KEYS = 2;

export async function assess(tx: Tx, report: PageReport, thresholds: Thresholds): Promise<Assessment> {
  const claimed = pageUrl(report);
  const site = siteOf(report.url);
  const mine = exactSample(report.hashes);
  // Requests are issued together rather than one after another (each round trip to the browser's
  // database costs more than the work): first the page's own record, the postings of its keys and
  // its site's latest ids; then the candidates, with the site's latest articles when a candidate
  // will likely need its template recognised (else only if one does).
  const [{ url, page, stored }, ranked, siteIds] = await Promise.all([
    ownRecord(tx, report, claimed, mine, thresholds), rankCandidates(tx, report.keys), latestIds(tx, site),
  ]);
  const ids = ranked.map((r) => r.id);
  const early = (ranked[0]?.shared ?? 0) >= LIKELY_CLOSE_KEYS;
  const byId = await articlesById(tx, early ? [...ids, ...siteIds] : ids);
  const existing = decode(stored) ?? undefined;
  const apart = new Set(existing?.apart ?? []);
  const candidates = pick(byId, ids).filter(
    (c) => c.page !== page && !apart.has(c.id ?? -1) && !(existing && c.apart?.includes(existing.id ?? -1)),
  );
  let boilerplate = Boilerplate.NONE;
  const compare = (other: ArticleRecord): Overlap =>
    overlap(mine, foldedSample(other.sketch, other.threshold, other.size), boilerplate.ignoring(other.story, existing?.story ?? -1));
  let overlaps = candidates.map(compare);
  // The site's template is only read (and the candidates compared again without it) when some
  // candidate comes close enough for it to matter.
  if (overlaps.some((o) => o.containment >= TEMPLATE_CHECK)) {
    boilerplate = new Boilerplate(pick(early ? byId : await articlesById(tx, siteIds), siteIds));
    overlaps = candidates.map(compare);
  }
  const judged = candidates.map((c, i) => {
    // Within one site, shared passages are mostly the site's own furniture, never "reuse".
    const passages = c.site === site
      ? { paragraphs: 0, keys: 0 }
      : { paragraphs: sharedParagraphs(report.paragraphs, c.paragraphs), keys: countShared(report.keys, c.keys) };
    const lead = leadShared({ keys: report.keys, paragraphs: report.paragraphs, size: report.hashes.length }, c);
    return { article: c, relation: decide(overlaps[i]!, passages, thresholds, lead) };
  });
  const overlapOf = new Map(candidates.map((c, i) => [c, overlaps[i]!]));
  // Best first: the closest text (resemblance), then the most contained, then the oldest story.
  const matches = judged.filter((j) => j.relation === 'same-story').map((j) => j.article).sort((x, y) =>
    overlapOf.get(y)!.resemblance - overlapOf.get(x)!.resemblance || overlapOf.get(y)!.containment - overlapOf.get(x)!.containment || x.story - y.story);
  const stories = [...new Set([...(existing ? [existing.story] : []), ...matches.map((m) => m.story)])];
  const read = new Map(byId);
  if (existing?.id !== undefined) read.set(existing.id, existing);
  return { url, page, site, existing, judged, stories, matches, size: report.hashes.length, thresholds, read, compare };
}

/**
 * The address a page is kept under, its page hash and the record stored there. A canonical link
 * to another page of the site (pageUrl) is followed only when that page's record holds the same
 * text: otherwise any page of a shared site (medium.com, or page 2 of an article naming page 1)
 * would overwrite another page's record with its own. Not even when nothing is there yet: the page
 * it names, read later, would then find a stranger's record under its own address.
 */
async function ownRecord(tx: Tx, report: PageReport, claimed: string, mine: ReturnType<typeof exactSample>, thresholds: Thresholds) {
  const byPage = tx.objectStore('articles').index('page');
  const own = { url: report.url, page: pageHashOf(report.url) };
  const named = { url: claimed, page: pageHashOf(claimed) };
  if (named.page === own.page) return { ...named, stored: await byPage.get(named.page) };
  const [atNamed, atOwn] = await Promise.all([byPage.get(named.page), byPage.get(own.page)]);
  const record = decode(atNamed);
  const o = record === null ? null : overlap(mine, foldedSample(record.sketch, record.threshold, record.size));
  // The same page: nearly all of each text in the other. A page holding that page's whole text and
  // more (a day's print edition, page 2 with page 1's text) is another page.
  const same = o !== null && decide(o, NO_PASSAGES, thresholds) === 'same-story' && o.shared >= SAME_PAGE_SHARE * Math.max(report.hashes.length, record!.size);
  if (same) return { ...named, stored: atNamed };
  return { ...own, stored: atOwn };
}

const NO_PASSAGES = { paragraphs: 0, keys: 0 };
/** Share of the longer text both must hold for a page to take the address its canonical link names. */
const SAME_PAGE_SHARE = 0.8;

/** Paragraph hashes kept for "what's new" at most. */
const MAX_READ_PARAGRAPHS = 2_000;

/** What the reader is told about a page first read at `firstSeen` that matches `a.stories`. */
export async function verdictFor(tx: Tx, a: Assessment, report: PageReport, firstSeen: number, ownId?: number): Promise<Verdict> {
  return verdictOf(a, joinStories(a, await membersOf(tx, a)), report, firstSeen, ownId);
}

/** The articles of the stories the page matches. */
export async function membersOf(tx: Tx, a: Pick<Assessment, 'stories' | 'read'>): Promise<ArticleRecord[]> {
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
  const readParagraphs = [...new Set(members.flatMap((m) => m.paragraphs))].slice(0, MAX_READ_PARAGRAPHS);
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
  };
}

/**
 * The URL that identifies the page. A canonical link is trusted only on the page's own site and
 * below its home page: syndicated copies often name the original publisher's URL as canonical,
 * and some sites name their home page.
 */
export function pageUrl(report: Pick<PageReport, 'url' | 'canonical'>): string {
  const { canonical, url } = report;
  if (!canonical) return url;
  try {
    const target = new URL(canonical, url);
    if (!/^https?:$/.test(target.protocol) || target.pathname.length <= 1) return url;
    return siteOf(target.href) === siteOf(url) ? target.href : url;
  } catch {
    return url;
  }
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
