import { describe, expect, it } from 'vitest';
import { createHandlers } from '../../src/background/handlers.ts';
import type { TabVerdict } from '../../src/protocol.ts';
import { DEFAULT_SETTINGS, type Settings } from '../../src/settings.ts';
import { freshHistory } from '../fixtures/db.ts';
import { reportFor } from '../fixtures/reports.ts';
import { makeArticle } from '../fixtures/text.ts';

function setup(change: Partial<Settings> = {}) {
  const badges = new Map<number, string>();
  const meta = new Map<string, unknown>();
  const verdicts = new Map<number, TabVerdict>();
  let clock = 0;
  const db = freshHistory();
  const handlers = createHandlers({
    db: () => db,
    now: () => (clock += 60_000),
    settings: async () => ({ ...DEFAULT_SETTINGS, ...change }),
    meta: {
      get: async <T>(key: string, fallback: T) => (meta.has(key) ? (meta.get(key) as T) : fallback),
      set: async (key: string, value: unknown) => void meta.set(key, value),
    },
    setBadge: async (tab, text) => void badges.set(tab, text),
    saveVerdict: async (tab, v) => void verdicts.set(tab, v),
    loadVerdict: async (tab) => verdicts.get(tab) ?? null,
    markTitle: (host, lastSeen, now) => `Read on ${host}, ${now - lastSeen} ms ago`,
  });
  return { handlers, badges, verdicts };
}

const story = makeArticle(21, 8);
const tab = (id: number, incognito = false) => ({ id: 'x', url: 'https://site/', tab: { id, incognito } });

describe('handlers', () => {
  it('sets the badge to the number of other sites and keeps the verdict for the popup', async () => {
    const { handlers, badges } = setup();
    await handlers['page/record']({ article: true, ...reportFor('https://a.example/1', story) }, tab(1));
    await handlers['page/record']({ article: true, ...reportFor('https://b.example/1', story) }, tab(2));
    expect(badges.get(1)).toBe('');
    expect(badges.get(2)).toBe('1');
    const verdict = await handlers['tab/verdict']({ tabId: 2 }, tab(0));
    expect(verdict?.sightings.map((s) => s.host)).toEqual(['a.example']);
    const { stories } = await handlers['history/stories']({ query: '', multiSite: false, before: null, limit: 50 }, tab(0));
    expect(stories.map((s) => s.articles.map((a) => a.host))).toEqual([['b.example', 'a.example']]);
  });

  it('checks without recording: only a read page is remembered', async () => {
    const { handlers, badges } = setup();
    const checked = await handlers['page/check']({ article: true, ...reportFor('https://a.example/1', story) }, tab(1));
    expect(checked.kind).toBe('recorded');
    const again = await handlers['page/check']({ article: true, ...reportFor('https://b.example/1', story) }, tab(2));
    expect(again.kind).toBe('recorded');
    expect(badges.get(2)).toBe('');
    await handlers['page/record']({ article: true, ...reportFor('https://a.example/1', story) }, tab(1));
    const seen = await handlers['page/check']({ article: true, ...reportFor('https://b.example/1', story) }, tab(2));
    expect(seen).toMatchObject({ kind: 'seen', otherSites: 1 });
    expect(seen.readParagraphs.length).toBe(8);
  });

  it('keeps an update told in two tabs on both badges when the first records it', async () => {
    const { handlers, badges, verdicts } = setup();
    const url = 'https://a.example/live';
    await handlers['page/record']({ article: true, ...reportFor(url, story) }, tab(1));
    const later = { article: true as const, ...reportFor(url, [...story, ...makeArticle(22, 3)]) };
    for (const id of [2, 3]) expect((await handlers['page/check'](later, tab(id))).updated?.fresh).toBe(3);
    await handlers['page/record'](later, tab(2));
    await handlers['page/record'](later, tab(3));
    expect([badges.get(2), badges.get(3)]).toEqual(['+3', '+3']);
    expect(verdicts.get(3)?.updated?.fresh).toBe(3);
    // A fresh look at the page (a reload) no longer tells it: both editions are read.
    expect((await handlers['page/check'](later, tab(3))).updated).toBeNull();
    expect(badges.get(3)).toBe('');
  });

  it('respects pause, excluded sites and the minimum length', async () => {
    const cases: [Partial<Settings>, string | RegExp][] = [[{ paused: true }, 'paused'], [{ excludedSites: ['a.example'] }, 'site excluded'], [{ minWords: 5000 }, /too short/]];
    for (const [change, reason] of cases) {
      const { handlers } = setup(change);
      const verdict = await handlers['page/record']({ article: true, ...reportFor('https://www.a.example/1', story) }, tab(1));
      expect(verdict.reason).toMatch(reason);
      expect((await handlers['history/stories']({ query: '', multiSite: false, before: null, limit: 5 }, tab(0))).stories).toEqual([]);
    }
  });

  it('names the page\'s site in every verdict, and a switch storing it excludes the whole site', async () => {
    const { handlers } = setup();
    const checked = await handlers['page/check']({ article: true, ...reportFor('https://news.paper.co.uk/1', story) }, tab(1));
    expect(checked.site).toBe('paper.co.uk');
    const refused = await handlers['page/record']({ article: false, url: 'https://www.b.example/', reason: 'not readerable' }, tab(2));
    expect(refused.site).toBe('b.example');
    expect((await handlers['tab/verdict']({ tabId: 1 }, tab(0)))?.site).toBe('paper.co.uk');
    const excluded = setup({ excludedSites: [checked.site] });
    const verdict = await excluded.handlers['page/record']({ article: true, ...reportFor('https://www.paper.co.uk/2', story) }, tab(1));
    expect(verdict).toMatchObject({ kind: 'not-article', reason: 'site excluded', site: 'paper.co.uk' });
  });

  it('records private windows only when the reader allows it', async () => {
    const { handlers } = setup({ recordPrivate: true });
    expect((await handlers['page/record']({ article: true, ...reportFor('https://a.example/1', story) }, tab(1, true))).kind).toBe('recorded');
  });

  it('records nothing for a non-article or a private window', async () => {
    const { handlers, badges } = setup();
    const notArticle = await handlers['page/record']({ article: false, url: 'https://a.example/', reason: 'not readerable' }, tab(1));
    expect(notArticle).toMatchObject({ kind: 'not-article', reason: 'not readerable' });
    const privately = await handlers['page/record']({ article: true, ...reportFor('https://a.example/1', story) }, tab(2, true));
    expect(privately.kind).toBe('not-article');
    expect(badges.get(2)).toBe('');
    expect((await handlers['history/stories']({ query: '', multiSite: false, before: null, limit: 50 }, tab(0))).stories).toEqual([]);
  });

  it('"not the same story" from the popup clears that tab\'s sightings and badge at once', async () => {
    const { handlers, badges, verdicts } = setup();
    await handlers['page/record']({ article: true, ...reportFor('https://a.example/1', story) }, tab(1));
    const copy = await handlers['page/record']({ article: true, ...reportFor('https://b.example/1', story) }, tab(2));
    expect(badges.get(2)).toBe('1');
    expect(await handlers['article/unlink']({ id: copy.articleId!, url: copy.articleUrl!, tabId: 2 }, tab(0))).toBe(true);
    expect(verdicts.get(2)).toMatchObject({ kind: 'recorded', sightings: [], otherSites: 0, articleId: copy.articleId });
    expect(badges.get(2)).toBe('');
    // Another tab's verdict is left alone: it is not the unlinked article's.
    await handlers['article/unlink']({ id: copy.articleId!, url: copy.articleUrl!, tabId: 1 }, tab(0));
    expect(verdicts.get(1)?.articleId).not.toBe(copy.articleId);
  });

  it('never gives a forgotten article\'s id again: a stale popup cannot forget another page', async () => {
    const { handlers, verdicts } = setup();
    const a = await handlers['page/record']({ article: true, ...reportFor('https://a.example/1', story) }, tab(1));
    expect(await handlers['article/forget']({ id: a.articleId!, url: a.articleUrl! }, tab(0))).toBe(true);
    const b = await handlers['page/record']({ article: true, ...reportFor('https://b.example/2', makeArticle(22, 8)) }, tab(2));
    expect(b.articleId).not.toBe(a.articleId);
    // The popup opened on tab 1 still shows A's verdict and forgets what it names.
    const stale = verdicts.get(1)!;
    expect(await handlers['article/forget']({ id: stale.articleId!, url: stale.articleUrl! }, tab(0))).toBe(false);
    const { stories } = await handlers['history/stories']({ query: '', multiSite: false, before: null, limit: 50 }, tab(0));
    expect(stories.map((s) => s.articles.map((x) => x.url))).toEqual([['https://b.example/2']]);
  });

  it('acts on a record only while it is still the page the popup was shown for', async () => {
    const { handlers } = setup();
    const a = await handlers['page/record']({ article: true, ...reportFor('https://a.example/1', story) }, tab(1));
    await handlers['page/record']({ article: true, ...reportFor('https://b.example/1', story) }, tab(2));
    expect(a.articleUrl).toBe('https://a.example/1');
    // An id that names another page than the one shown is refused, whatever the action.
    expect(await handlers['article/unlink']({ id: a.articleId!, url: 'https://b.example/1' }, tab(0))).toBe(false);
    expect(await handlers['article/forget']({ id: a.articleId!, url: 'https://b.example/1' }, tab(0))).toBe(false);
    const { stories } = await handlers['history/stories']({ query: '', multiSite: false, before: null, limit: 50 }, tab(0));
    expect(stories.flatMap((s) => s.articles).length).toBe(2);
    expect(stories.length).toBe(1);
    // The same page under another form of its address (a tracking parameter) is still the page.
    expect(await handlers['article/forget']({ id: a.articleId!, url: 'https://www.a.example/1?utm_source=x' }, tab(0))).toBe(true);
  });

  it('marks links to pages and headlines read, unless marks are off for the page or it is not looked at', async () => {
    const title = 'Council approves the new harbour bridge plan';
    // As the page sends them: the href attributes as written, resolved by the worker against the page's base.
    const hrefs = ['https://a.example/1?utm_source=front', '//c.example/bridge', '/2', 'https://a.example/2'];
    const texts = ['Read', `${title} | C News`, title, 'A story never read anywhere at all'];
    // Each worded by the worker, against the time of the question. The third, resolved against the base,
    // leads to another page of the site the headline was read on (a.example/2): no mark.
    const worded = expect.stringMatching(/^Read on a\.example, [1-9]\d* ms ago$/);
    const marked = [{ index: 0, title: worded }, { index: 1, title: worded }];
    const ask = async (change: Partial<Settings>, incognito = false) => {
      const { handlers } = setup(change);
      await handlers['page/record']({ article: true, ...reportFor('https://a.example/1', story, title) }, tab(1));
      return handlers['links/read']({ page: 'https://front.example/', base: 'https://a.example/', hrefs, texts }, tab(2, incognito));
    };
    expect(await ask({})).toEqual(marked);
    const none: unknown[] = [];
    expect(await ask({ linkMarks: false })).toEqual(none);
    expect(await ask({ linkMarksOffSites: ['front.example'] })).toEqual(none);
    expect(await ask({ excludedSites: ['front.example'] })).toEqual(none);
    expect(await ask({}, true)).toEqual(none);
    expect(await ask({ recordPrivate: true }, true)).toEqual(marked);
    expect(await ask({ linkMarksOffSites: ['other.example'] })).toEqual(marked);
  });
});
