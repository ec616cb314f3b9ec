/** The history as the popup shows it: grouped by story, newest first, a page at a time. */
import { decode, decodeAll, namingStory, siteNames, storyValues, type ArticleRecord, type HistoryDB, type HistoryTx } from '../platform/database.ts';
import type { StoriesPage, StoriesQuery, StorySummary } from '../protocol.ts';
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
    // The cursor is walked a batch at a time, the batch's stories then read all at once: any other
    // request between two steps stops Chromium prefetching the cursor's next records, and every step
    // was a round trip of its own (the first page at 10k articles: 12-22 ms in a page, 8-9 ms read
    // this way). A batch is no longer than the stories still wanted, so the walk never goes past
    // the article that fills the page.
    const batch: ArticleRecord[] = [];
    for (let read = stories.length; cursor && read < q.limit; read++) {
      const article = decode(cursor.value);
      cursor = await cursor.continue();
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
  return { stories, next: cursor ? last : null };
}

/** The articles of `article`'s story; the article itself is not read again where it is the story's first (most are). */
async function membersOf(tx: HistoryTx<'readonly'>, article: ArticleRecord): Promise<ArticleRecord[]> {
  if (article.story === article.id) return [article, ...decodeAll(await namingStory(tx, article.story))];
  return decodeAll(await storyValues(tx, article.story));
}

/** The story's summary where `article` lists it, or null where the story is not listed there. */
function listed(article: ArticleRecord, members: ArticleRecord[], needle: string, names: Map<string, string>, multiSite: boolean): StorySummary | null {
  if (needle && !members.some((m) => matches(m, needle, names.get(m.site)))) return null;
  // A story is listed once, where its most recently read article stands in the list.
  if (members.some((m) => m.lastSeen > article.lastSeen || (m.lastSeen === article.lastSeen && (m.id ?? 0) > (article.id ?? 0)))) return null;
  const summary = summariseStory(article.story, members);
  return multiSite && summary.sites.length < 2 ? null : summary;
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
