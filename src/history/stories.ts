/** The history as the popup shows it: grouped by story, newest first, a page at a time. */
import type { ArticleSummary, StoriesPage, StoriesQuery, StorySummary } from '../protocol.ts';
import { articlesNamingStory, byLastSeen, storyArticles } from './articles.ts';
import { siteNames } from './postings.ts';
import type { ArticleRecord } from './records.ts';
import type { HistoryDB, HistoryTx } from './schema.ts';

export async function storiesPage(db: HistoryDB, q: StoriesQuery): Promise<StoriesPage> {
  const tx = db.transaction(['articles', 'sites']);
  const needle = q.query.trim().toLowerCase();
  // A site's name is searched too ("The Guardian" for theguardian.com).
  const names = needle ? await siteNames(tx) : new Map<string, string>();
  const range = q.before === null ? null : IDBKeyRange.upperBound(q.before, true);
  const stories: StorySummary[] = [];
  let at = await byLastSeen(tx, range, 'prev');
  let last: number | null = null;
  while (at && stories.length < q.limit) {
    // The walk goes a batch at a time, the batch's stories then read all at once, so that Chromium
    // keeps prefetching the cursor's records (BENCHMARKS.md, "The popup's walk by last seen"). A
    // batch is no longer than the stories still wanted, so the walk never goes past the article
    // that fills the page.
    const batch: ArticleRecord[] = [];
    for (let read = stories.length; at && read < q.limit; read++) {
      const { article } = at;
      at = await at.next();
      if (article) batch.push(article);
    }
    const storiesOf = await Promise.all(batch.map((a) => membersOf(tx, a)));
    for (const [i, article] of batch.entries()) {
      last = article.lastSeen;
      const summary = listed(article, storiesOf[i] ?? [], needle, names, q.multiSite);
      if (summary) stories.push(summary);
    }
  }
  await tx.done;
  return { stories, next: at ? last : null };
}

/** The articles of `article`'s story; the article itself is not read again where it is the story's first (most are). */
async function membersOf(tx: HistoryTx<'readonly'>, article: ArticleRecord): Promise<ArticleRecord[]> {
  if (article.story === article.id) return [article, ...await articlesNamingStory(tx, article.story)];
  return storyArticles(tx, article.story);
}

/** The story's summary where `article` lists it, or null where the story is not listed there. */
function listed(article: ArticleRecord, members: ArticleRecord[], needle: string, names: Map<string, string>, multiSite: boolean): StorySummary | null {
  if (needle && !members.some((m) => matches(m, needle, names.get(m.site)))) return null;
  // A story is listed once, where its most recently read article stands in the list.
  if (members.some((m) => m.lastSeen > article.lastSeen || (m.lastSeen === article.lastSeen && (m.id ?? 0) > (article.id ?? 0)))) return null;
  const summary = storySummary(article.story, members);
  return multiSite && summary.sites.length < 2 ? null : summary;
}

function matches(article: ArticleRecord, needle: string, siteName = article.siteName): boolean {
  return article.title.toLowerCase().includes(needle) || article.host.includes(needle) || (siteName?.toLowerCase().includes(needle) ?? false);
}

/** A story as the popup lists it: its articles newest first, its sites by their latest reading. */
function storySummary(story: number, members: ArticleRecord[]): StorySummary {
  const articles = members.map(articleSummary).sort((a, b) => b.lastSeen - a.lastSeen);
  const first = [...members].sort((a, b) => a.firstSeen - b.firstSeen)[0];
  return {
    story,
    title: first?.title ?? '',
    firstSeen: first?.firstSeen ?? 0,
    lastSeen: articles[0]?.lastSeen ?? 0,
    sites: [...new Set([...members].sort((a, b) => b.lastSeen - a.lastSeen).map((m) => m.site))],
    articles,
  };
}

/** An article as the popup lists it. */
function articleSummary(record: ArticleRecord): ArticleSummary {
  return {
    id: record.id ?? 0,
    url: record.url,
    host: record.host,
    title: record.title,
    firstSeen: record.firstSeen,
    lastSeen: record.lastSeen,
    words: record.words,
    story: record.story,
  };
}
