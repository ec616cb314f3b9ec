/** The history as the popup shows it: grouped by story, newest first, a page at a time. */
import { decode, decodeAll, siteNames, storyValues, type ArticleRecord, type HistoryDB } from '../platform/database.ts';
import type { StoriesPage, StoriesQuery, StorySummary } from '../messages.ts';
import { summarise } from './history.ts';

export async function storiesPage(db: HistoryDB, q: StoriesQuery): Promise<StoriesPage> {
  const tx = db.transaction(['articles', 'sites']);
  const needle = q.query.trim().toLowerCase();
  // A site's name is searched too ("The Guardian" for theguardian.com).
  const names = needle ? await siteNames(tx) : new Map<string, string>();
  const range = q.before === null ? null : IDBKeyRange.upperBound(q.before, true);
  const stories: StorySummary[] = [];
  let cursor = await tx.objectStore('articles').index('lastSeen').openCursor(range, 'prev');
  let last: number | null = null;
  while (cursor && stories.length < q.limit) {
    const article = decode(cursor.value);
    cursor = await cursor.continue();
    if (!article) continue;
    last = article.lastSeen;
    const members = decodeAll(await storyValues(tx, article.story));
    if (needle && !members.some((m) => matches(m, needle, names.get(m.site)))) continue;
    // A story is listed once, where its most recently read article stands in the list.
    if (members.some((m) => m.lastSeen > article.lastSeen || (m.lastSeen === article.lastSeen && (m.id ?? 0) > (article.id ?? 0)))) continue;
    const summary = summariseStory(article.story, members);
    if (q.multiSite && summary.sites.length < 2) continue;
    stories.push(summary);
  }
  await tx.done;
  return { stories, next: cursor ? last : null };
}

function matches(article: ArticleRecord, needle: string, siteName = article.siteName): boolean {
  return article.title.toLowerCase().includes(needle) || article.host.includes(needle) || (siteName?.toLowerCase().includes(needle) ?? false);
}

function summariseStory(story: number, members: ArticleRecord[]): StorySummary {
  const articles = members.map(summarise).sort((a, b) => b.lastSeen - a.lastSeen);
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
