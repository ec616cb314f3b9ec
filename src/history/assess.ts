/**
 * Looks a reported page up in the history and judges every candidate: the part shared by the
 * immediate check and the later record, run inside the caller's transaction.
 */
import {
  countShared, decide, exactSample, foldedSample, leadShared, overlap, sharedParagraphs, siteOf,
  type Overlap, type Relation, type Thresholds,
} from '../core/index.ts';
import type { PageReport } from '../protocol.ts';
import { articleAtPage, articlesById } from './articles.ts';
import { Boilerplate } from './boilerplate.ts';
import { pageHashOf } from './codec.ts';
import { pick, rankCandidates } from './lookup.ts';
import { latestIds } from './postings.ts';
import type { ArticleRecord } from './records.ts';
import type { ReadTx } from './schema.ts';

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

/**
 * Milliseconds and counts of one look-up's phases, filled in by assess() when it is given one (the
 * browser benchmark times the real look-up with it; without it, nothing is measured).
 */
export interface LookupTimings {
  /** The first round (own record, postings, the site's latest ids) and the candidates' articles. */
  candidatesRead: number;
  /** Candidates read (after MAX_CANDIDATES), before any is left out. */
  candidates: number;
  /** Reading the site's latest articles after the candidates (0: read along with them, or not needed). */
  siteSampleRead: number;
  /** Articles of the site's sample its template was recognised from (0: not needed). */
  siteSample: number;
  /** Comparing the page with each candidate and judging it. */
  decide: number;
}

export interface AssessOptions {
  /** Filled in with the look-up's phases. */
  timings?: LookupTimings;
}

export async function assess(tx: ReadTx, report: PageReport, thresholds: Thresholds, options?: AssessOptions): Promise<Assessment> {
  const timings = options?.timings;
  const started = timings ? performance.now() : 0;
  const claimed = pageUrl(report);
  const site = siteOf(report.url);
  const mine = exactSample(report.hashes);
  // Requests are issued together rather than one after another (each round trip to the browser's
  // database costs more than the work): first the page's own record, the postings of its keys and
  // its site's latest ids; then the candidates, with the site's latest articles when a candidate
  // will likely need its template recognised (else only if one does).
  const [{ url, page, existing }, ranked, siteIds] = await Promise.all([
    ownRecord(tx, report, claimed, mine, thresholds), rankCandidates(tx, report.keys), latestIds(tx, site),
  ]);
  const ids = ranked.map((r) => r.id);
  const early = (ranked[0]?.shared ?? 0) >= LIKELY_CLOSE_KEYS;
  const byId = await articlesById(tx, early ? [...ids, ...siteIds] : ids);
  let decideStarted = 0;
  if (timings) {
    decideStarted = performance.now();
    Object.assign(timings, { candidatesRead: decideStarted - started, candidates: ids.length, siteSampleRead: 0, siteSample: 0 });
  }
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
    const readStarted = timings && !early ? performance.now() : 0;
    const sample = pick(early ? byId : await articlesById(tx, siteIds), siteIds);
    if (timings) {
      timings.siteSample = sample.length;
      if (!early) timings.siteSampleRead = performance.now() - readStarted;
    }
    boilerplate = new Boilerplate(sample);
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
  if (timings) timings.decide = performance.now() - decideStarted - timings.siteSampleRead;
  return { url, page, site, existing, judged, stories, matches, size: report.hashes.length, thresholds, read, compare };
}

/**
 * The address a page is kept under, its page hash and the record stored there. A canonical link
 * to another page of the site (pageUrl) is followed only when that page's record holds the same
 * text: otherwise any page of a shared site (medium.com, or page 2 of an article naming page 1)
 * would overwrite another page's record with its own. Not even when nothing is there yet: the page
 * it names, read later, would then find a stranger's record under its own address.
 */
async function ownRecord(tx: ReadTx, report: PageReport, claimed: string, mine: ReturnType<typeof exactSample>, thresholds: Thresholds) {
  const own = { url: report.url, page: pageHashOf(report.url) };
  const named = { url: claimed, page: pageHashOf(claimed) };
  if (named.page === own.page) return { ...named, existing: (await articleAtPage(tx, named.page)) ?? undefined };
  const [atNamed, atOwn] = await Promise.all([articleAtPage(tx, named.page), articleAtPage(tx, own.page)]);
  const o = atNamed === null ? null : overlap(mine, foldedSample(atNamed.sketch, atNamed.threshold, atNamed.size));
  // The same page: nearly all of each text in the other. A page holding that page's whole text and
  // more (a day's print edition, page 2 with page 1's text) is another page.
  const same = o !== null && decide(o, NO_PASSAGES, thresholds) === 'same-story' && o.shared >= SAME_PAGE_SHARE * Math.max(report.hashes.length, atNamed!.size);
  if (same) return { ...named, existing: atNamed ?? undefined };
  return { ...own, existing: atOwn ?? undefined };
}

const NO_PASSAGES = { paragraphs: 0, keys: 0 };
/** Share of the longer text both must hold for a page to take the address its canonical link names. */
const SAME_PAGE_SHARE = 0.8;

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
