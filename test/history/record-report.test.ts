import { allArticles } from '../../src/history/articles.ts';
import { siteNames } from '../../src/history/postings.ts';
import { describe, expect, it } from 'vitest';
import { pageUrl, recordReport } from '../../src/history/record-report.ts';
import { makeArticle } from '../fixtures/text.ts';
import { reportFor } from '../fixtures/reports.ts';
import { freshHistory } from '../fixtures/db.ts';

const story = makeArticle(11, 10);
const HOUR = 3_600_000;

describe('recordReport', () => {
  it('records a new story, then reports it on other sites, counting sites', async () => {
    const db = await freshHistory();
    const first = await recordReport(db, reportFor('https://one.example/a', story), 1 * HOUR);
    expect(first.kind).toBe('recorded');
    expect(first.otherSites).toBe(0);

    const second = await recordReport(db, reportFor('https://two.example/b', story.slice(0, 5), 'Re-headlined'), 2 * HOUR);
    expect(second.kind).toBe('seen');
    expect(second.otherSites).toBe(1);
    expect(second.sightings[0]).toMatchObject({ url: 'https://one.example/a', relation: 'other-site' });
    expect(second.sightings[0]!.containment).toBeGreaterThan(0.8);

    const third = await recordReport(db, reportFor('https://www.three.example/c', ['Dateline (AP) -', ...story]), 3 * HOUR);
    expect(third.otherSites).toBe(2);
    expect(third.sightings.map((s) => s.url)).toEqual(['https://two.example/b', 'https://one.example/a']);

    const stories = new Set((await allArticles(db)).map((a) => a.story));
    expect(stories.size).toBe(1);
  });

  it('does not report a revisit of the same page, nor later readings as earlier ones', async () => {
    const db = await freshHistory();
    await recordReport(db, reportFor('https://one.example/a?utm_source=x', story), HOUR);
    await recordReport(db, reportFor('https://two.example/b', story), 2 * HOUR);
    const again = await recordReport(db, reportFor('https://one.example/a#comments', story), 3 * HOUR);
    expect(again.revisit).toBe(true);
    expect(again.sightings).toEqual([]);
    expect(again.otherSites).toBe(0);
    expect(await db.count('articles')).toBe(2);
  });

  it('marks a sister site of the same registrable domain as same-site, not counted on the badge', async () => {
    const db = await freshHistory();
    await recordReport(db, reportFor('https://news.example.co.uk/a', story), HOUR);
    const verdict = await recordReport(db, reportFor('https://sport.example.co.uk/b', story), 2 * HOUR);
    expect(verdict.sightings).toHaveLength(1);
    expect(verdict.sightings[0]!.relation).toBe('same-site');
    expect(verdict.otherSites).toBe(0);
  });

  it('keeps an unrelated article apart', async () => {
    const db = await freshHistory();
    await recordReport(db, reportFor('https://one.example/a', story), HOUR);
    const other = await recordReport(db, reportFor('https://two.example/z', makeArticle(12, 10)), 2 * HOUR);
    expect(other.kind).toBe('recorded');
  });

  it('reports both halves of a story in a later full copy, without merging halves that share nothing', async () => {
    const db = await freshHistory();
    await recordReport(db, reportFor('https://one.example/first-half', story.slice(0, 5)), HOUR);
    await recordReport(db, reportFor('https://two.example/second-half', story.slice(5)), 2 * HOUR);
    const full = await recordReport(db, reportFor('https://three.example/full', story), 3 * HOUR);
    // The full copy joins one half's story and counts its site; the other half, in a story of its
    // own (the halves are not one story both ways, issue 14), is shown as text it shares.
    expect(full.otherSites).toBe(1);
    expect([...full.sightings, ...full.partial].map((s) => s.site).sort()).toEqual(['one.example', 'two.example']);
    const stories = new Set((await allArticles(db)).map((a) => a.story));
    expect(stories.size).toBe(2);
  });

  it('reports shared wire paragraphs as partial reuse, apart from the sightings', async () => {
    const db = await freshHistory();
    await recordReport(db, reportFor('https://wire.example/a', story), HOUR);
    const own = makeArticle(13, 8);
    const verdict = await recordReport(db, reportFor('https://local.example/b', [...own.slice(0, 4), ...story.slice(2, 5), ...own.slice(4)]), 2 * HOUR);
    expect(verdict.kind).toBe('recorded');
    expect(verdict.otherSites).toBe(0);
    expect(verdict.partial).toEqual([expect.objectContaining({ url: 'https://wire.example/a', relation: 'other-site' })]);
  });

  it('ignores shared site furniture once it recurs across stories of the site', async () => {
    const db = await freshHistory();
    const footer = makeArticle(500, 3);
    for (let i = 0; i < 50; i++) {
      await recordReport(db, reportFor(`https://site.example/${i}`, [...makeArticle(1000 + i, 3), ...footer]), i * HOUR);
    }
    const fresh = await recordReport(db, reportFor('https://site.example/new', [...makeArticle(2000, 3), ...footer]), 60 * HOUR);
    expect(fresh.kind).toBe('recorded');
    expect(fresh.partial).toEqual([]);
  });
});

describe('pageUrl', () => {
  it('trusts a canonical link on the same site only, and not the home page', () => {
    expect(pageUrl({ url: 'https://a.example/x?ref=1', canonical: 'https://www.a.example/x' })).toBe('https://www.a.example/x');
    expect(pageUrl({ url: 'https://copy.example/x', canonical: 'https://original.example/x' })).toBe('https://copy.example/x');
    expect(pageUrl({ url: 'https://a.example/x', canonical: 'https://a.example/' })).toBe('https://a.example/x');
    expect(pageUrl({ url: 'https://a.example/x', canonical: 'javascript:alert(1)' })).toBe('https://a.example/x');
  });
});

describe('canonical links', () => {
  it("keeps a same-site page from taking another page's record through its canonical link", async () => {
    const db = await freshHistory();
    await recordReport(db, reportFor('https://medium.com/@alice/story', story, "Alice's story"), HOUR);
    const mallory = { ...reportFor('https://medium.com/@mallory/x', makeArticle(14, 10), "Mallory's"), canonical: 'https://medium.com/@alice/story' };
    const verdict = await recordReport(db, mallory, 2 * HOUR);
    expect(verdict.revisit).toBe(false);
    const byUrl = new Map((await allArticles(db)).map((a) => [a.url, a]));
    expect([...byUrl.keys()].sort()).toEqual(['https://medium.com/@alice/story', 'https://medium.com/@mallory/x']);
    expect(byUrl.get('https://medium.com/@alice/story')).toMatchObject({ title: "Alice's story", firstSeen: HOUR, lastSeen: HOUR });
    expect(verdict.articleUrl).toBe('https://medium.com/@mallory/x');
  });

  it('keeps page 2 of an article apart from page 1, which it names as canonical', async () => {
    const db = await freshHistory();
    await recordReport(db, reportFor('https://news.example/a', story.slice(0, 5)), HOUR);
    await recordReport(db, { ...reportFor('https://news.example/a?page=2', story.slice(5)), canonical: 'https://news.example/a' }, 2 * HOUR);
    expect((await allArticles(db)).map((a) => a.url).sort()).toEqual(['https://news.example/a', 'https://news.example/a?page=2']);
  });

  it('still files a page under its canonical address when the record there holds the same text', async () => {
    const db = await freshHistory();
    await recordReport(db, reportFor('https://news.example/a', story), HOUR);
    const again = await recordReport(db, { ...reportFor('https://news.example/print/a', story), canonical: 'https://news.example/a' }, 2 * HOUR);
    expect(again.revisit).toBe(true);
    expect(again.articleUrl).toBe('https://news.example/a');
    expect((await allArticles(db)).map((a) => a.url)).toEqual(['https://news.example/a']);
  });

  it("keeps a same-site page holding another page's whole text and more off that page's record", async () => {
    const db = await freshHistory();
    const other = makeArticle(82, 6);
    await recordReport(db, reportFor('https://news.example/a', story, 'A'), HOUR);
    await recordReport(db, { ...reportFor('https://news.example/print-all', [...story, ...other], 'Everything today'), canonical: 'https://news.example/a' }, 2 * HOUR);
    const rows = await allArticles(db);
    expect(rows.find((r) => r.url === 'https://news.example/a')?.title).toBe('A');
    expect(rows).toHaveLength(2);
  });

  it('cannot rename its site for the pages read there before', async () => {
    const db = await freshHistory();
    await recordReport(db, { ...reportFor('https://medium.com/@alice/story', story), siteName: 'Alice Writes' }, HOUR);
    await recordReport(db, { ...reportFor('https://medium.com/@mallory/x', makeArticle(16, 8)), siteName: 'Reuters' }, 2 * HOUR);
    const tx = db.transaction('sites');
    expect((await siteNames(tx)).get('medium.com')).toBe('Alice Writes');
  });

  it('claims no address before its page is read: the page itself, read later, keeps its own record', async () => {
    const db = await freshHistory();
    const squatter = { ...reportFor('https://news.example/b', makeArticle(15, 10), 'Another story'), canonical: 'https://news.example/a' };
    await recordReport(db, squatter, HOUR);
    const real = await recordReport(db, reportFor('https://news.example/a', story), 2 * HOUR);
    expect(real.revisit).toBe(false);
    expect((await allArticles(db)).map((a) => [a.url, a.title]).sort()).toEqual([
      ['https://news.example/a', expect.any(String)], ['https://news.example/b', 'Another story'],
    ]);
  });
});
