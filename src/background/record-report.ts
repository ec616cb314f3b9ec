/**
 * The heart of the background: look a reported page up in the history, decide which earlier
 * articles are the same story, record the page, and say what the reader is told. One readwrite
 * transaction, so concurrent reports are serialised and a killed worker leaves nothing half-done.
 */
import {
  DEFAULT_THRESHOLDS, commonParagraphs, decide, exactSample, hostOf, overlap, pageKey, siteOf, sketchSample,
  type Overlap, type Thresholds,
} from '../core/index.ts';
import type { ArticleRecord, HistoryDB } from '../platform/database.ts';
import type { PageReport, Sighting, Verdict } from '../messages.ts';
import { Boilerplate } from './boilerplate.ts';
import { findCandidates, latestOfSite, mergeStory, storyMembers } from './history.ts';

export async function recordReport(
  db: HistoryDB,
  report: PageReport,
  now: number,
  thresholds: Thresholds = DEFAULT_THRESHOLDS,
): Promise<Verdict> {
  const page = pageKey(pageUrl(report));
  const site = siteOf(report.url);
  const tx = db.transaction('articles', 'readwrite');
  const store = tx.objectStore('articles');

  const existing = await store.index('page').get(page);
  const candidates = (await findCandidates(tx, report.keys)).filter((c) => c.page !== page);
  const boilerplate = new Boilerplate(await latestOfSite(tx, site));
  const mine = exactSample(report.hashes);
  const compare = (other: ArticleRecord): Overlap =>
    overlap(mine, sketchSample(other.sketch, other.size), boilerplate.ignoring(other.story, existing?.story ?? -1));

  const judged = candidates.map((c) => {
    // Within one site, shared paragraphs are mostly the site's own furniture, never "reuse".
    const paragraphs = c.site === site ? 0 : commonParagraphs(report.paragraphs, c.paragraphs);
    return { article: c, relation: decide(compare(c), paragraphs, thresholds) };
  });
  const matchedStories = new Set(judged.filter((j) => j.relation === 'same-story').map((j) => j.article.story));

  const fields = {
    url: report.url, page, site, host: hostOf(report.url), title: report.title, siteName: report.siteName,
    byline: report.byline, published: report.published, lang: report.lang, lastSeen: now,
    words: report.words, size: report.hashes.length, sketch: report.sketch,
    keys: report.keys.slice(0, MAX_STORED_KEYS), paragraphs: report.paragraphs,
  };
  const stories = [...matchedStories, ...(existing ? [existing.story] : [])];
  let record: ArticleRecord;
  if (existing) {
    record = { ...existing, ...fields, story: Math.min(...stories) };
    await store.put(record);
  } else {
    record = { ...fields, firstSeen: now, story: stories.length > 0 ? Math.min(...stories) : 0 };
    record.id = await store.add(record);
    if (record.story === 0) {
      record.story = record.id;
      await store.put(record);
    }
  }
  for (const story of new Set(stories)) if (story !== record.story) await mergeStory(tx, story, record.story);

  const earlier = (a: ArticleRecord) => a.firstSeen < record.firstSeen && a.page !== page;
  const sightings = (await storyMembers(tx, record.story))
    .filter(earlier)
    .map((a) => sighting(a, compare(a), site));
  const partial = judged
    .filter((j) => j.relation === 'partial' && j.article.story !== record.story && earlier(j.article))
    .map((j) => sighting(j.article, compare(j.article), site));
  await tx.done;

  const byNewest = (a: Sighting, b: Sighting) => b.firstSeen - a.firstSeen;
  return {
    kind: sightings.length > 0 ? 'seen' : 'recorded',
    url: report.url,
    title: report.title,
    sightings: sightings.sort(byNewest),
    partial: partial.sort(byNewest),
    otherSites: new Set(sightings.filter((s) => s.relation === 'other-site').map((s) => s.site)).size,
    revisit: existing !== undefined,
  };
}

/** Keys stored per article: enough to cover a story's first ~1,300 words. */
export const MAX_STORED_KEYS = 24;

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
