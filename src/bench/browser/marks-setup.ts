/**
 * The marks phase's setting (marks.ts): a reader's history holding read corpus articles, recorded
 * with the background's own code, and a front page of FRONT_LINKS links (front-page.ts) of which
 * READ_BY_URL lead to pages read and READ_BY_HEADLINE carry the headline of an article read
 * elsewhere; the links an infinite scroll adds later, in the same shares.
 */
import type { ExtensionBrowser } from '../../../test/harness/browsers.ts';
import { headlineKey } from '../../core/headline.ts';
import { pageKey } from '../../core/url.ts';
import { pageUrl } from '../../history/assess.ts';
import type { PageReport } from '../../protocol.ts';
import { seededRandom } from '../random.ts';
import type { BenchCaller } from './call.ts';
import { reportsOf } from './content-script.ts';
import { spreadOverSources, type CorpusPage } from './corpus.ts';
import { frontLinks, madeUpHeadlines, slugOf, type FrontLink, type ReadArticle } from './front-page.ts';

export const FRONT_LINKS = 1_000;
export const READ_BY_URL = 100;
export const READ_BY_HEADLINE = 50;
export const MORE_LINKS = 250;
export const MORE_BY_URL = 25;
export const MORE_BY_HEADLINE = 12;
/** Of the links read at their address, those on the front page's own site (the rest on the corpus's sites). */
const SAME_SITE_SHARE = 0.4;
/** Corpus pages made into reports: the read articles and real unread headlines come from them. */
const CORPUS_PAGES = 320;
/** Synthetic articles the history holds besides the read ones (src/bench/synthetic.ts). */
export const OTHER_ARTICLES = 10_000;
const DAY = 86_400_000;

export interface FrontSetting {
  links: FrontLink[];
  more: FrontLink[];
  /** The read articles' reports, as seedHistory records them. */
  reports: PageReport[];
}

/**
 * Corpus articles with a headline that can match (headlineKey), each headline and address once,
 * shuffled (seeded) so that every source is among the read ones.
 */
export function usableArticles(pages: readonly CorpusPage[], reports: readonly (PageReport | null)[]): { page: CorpusPage; report: PageReport }[] {
  const keys = new Set<string>();
  const out: { page: CorpusPage; report: PageReport }[] = [];
  reports.forEach((report, i) => {
    const key = report && headlineKey(report.title);
    if (!report || !key) return;
    const at = pageKey(pageUrl(report));
    if (keys.has(key) || keys.has(at)) return;
    keys.add(key).add(at);
    out.push({ page: pages[i]!, report });
  });
  const random = seededRandom(16);
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/**
 * The read articles' reports (made with the content script's code in `browser`), and the front
 * page and the links added later laid out around them; seedHistory puts them in a history.
 */
export async function frontSetting(
  browser: ExtensionBrowser, corpus: readonly CorpusPage[], target: { bundle: string; benchOrigin: string },
): Promise<FrontSetting> {
  const pages = spreadOverSources(corpus, CORPUS_PAGES);
  const usable = usableArticles(pages, await reportsOf(browser, pages, target.bundle, target.benchOrigin));
  const [byUrl, byHeadline] = [READ_BY_URL + MORE_BY_URL, READ_BY_HEADLINE + MORE_BY_HEADLINE];
  if (usable.length < byUrl + byHeadline) throw new Error(`the marks phase needs ${byUrl + byHeadline} corpus articles, found ${usable.length}`);
  const read = usable.slice(0, byUrl + byHeadline);
  // The front page's own articles: the same pages' reports, made at an address of the bench host.
  const own = read.slice(0, Math.round(byUrl * SAME_SITE_SHARE));
  const ownAt = own.map(({ page, report }) => ({ id: page.id, url: `${target.benchOrigin}/news/${slugOf(report.title)}` }));
  const ownReports = await reportsOf(browser, ownAt, target.bundle, target.benchOrigin);
  const reports = [...ownReports.flatMap((r) => (r ? [r] : [])), ...read.slice(own.length).map((r) => r.report)];
  if (reports.length !== read.length) throw new Error('a corpus article was no article at the bench host\'s address');

  const articles: ReadArticle[] = reports.map((r) => ({ url: pageUrl(r), title: r.title }));
  const urlSide = interleave(articles.slice(0, own.length), articles.slice(own.length, byUrl));
  const headlineSide = articles.slice(byUrl);
  const readKeys = new Set(reports.map((r) => headlineKey(r.title)));
  const realUnread = usable.slice(read.length).map((u) => u.report.title);
  const unread = [...realUnread, ...madeUpHeadlines(FRONT_LINKS + MORE_LINKS, seededRandom(5))].filter((t) => !readKeys.has(headlineKey(t)));
  const random = seededRandom(1);
  const links = frontLinks({
    origin: target.benchOrigin, byUrl: urlSide.slice(0, READ_BY_URL), byHeadline: headlineSide.slice(0, READ_BY_HEADLINE),
    unread, links: FRONT_LINKS,
  }, random);
  const used = links.filter((l) => l.kind === 'unread' && l.layout !== 'menu').length;
  const more = frontLinks({
    origin: target.benchOrigin, byUrl: urlSide.slice(READ_BY_URL), byHeadline: headlineSide.slice(READ_BY_HEADLINE),
    unread: unread.slice(used), links: MORE_LINKS,
  }, random, false);
  return { links, more, reports };
}

/**
 * Seeds the history of `bench`'s extension: OTHER_ARTICLES synthetic articles, then the read ones
 * recorded with recordReport, the latest read an hour ago. Returns how many were recorded each way
 * (recorded, seen).
 */
export async function seedHistory(bench: BenchCaller, reports: readonly PageReport[]): Promise<Record<string, number>> {
  const now = Date.now();
  await bench('clear');
  await bench('prepare', [...reports], { start: now - 400 * DAY, spacing: (360 * DAY) / OTHER_ARTICLES });
  await bench('seed', 1, OTHER_ARTICLES);
  const kinds = await bench('recordReports', [...reports], now - 3_600_000, 3 * 3_600_000);
  const recorded: Record<string, number> = {};
  for (const kind of kinds) recorded[kind] = (recorded[kind] ?? 0) + 1;
  return recorded;
}

/** a and b mixed in proportion, in order: the front page's own articles among the other sites'. */
function interleave<T>(a: readonly T[], b: readonly T[]): T[] {
  const out: T[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (j >= b.length || (i < a.length && i * b.length <= j * a.length)) out.push(a[i++]!);
    else out.push(b[j++]!);
  }
  return out;
}
