// The marks benchmark's front page (src/bench/browser/front-page.ts): as many links as asked, the read ones among them.
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { headlineKey } from '../../src/core/headline.ts';
import { pageKey } from '../../src/core/url.ts';
import { frontLinks, frontPageHtml, linkTo, madeUpHeadlines, type FrontInput } from '../../src/bench/browser/front-page.ts';
import { seededRandom } from '../../src/bench/random.ts';

const ORIGIN = 'http://127.0.0.4:8080';
const read = (n: number, prefix: string, origin = 'https://www.example-news.example') =>
  Array.from({ length: n }, (_, i) => ({ url: `${origin}/${prefix}/${i}`, title: `${prefix} story number ${i} about the harbour bridge` }));

const input = (links = 1_000): FrontInput => ({
  origin: ORIGIN,
  byUrl: [...read(40, 'own', ORIGIN), ...read(60, 'url')],
  byHeadline: read(50, 'headline'),
  unread: madeUpHeadlines(1_000, seededRandom(5)),
  links,
});

describe('the front page', () => {
  it('has exactly the links asked for, the read ones among them, each once', () => {
    const links = frontLinks(input(), seededRandom(1));
    expect(links).toHaveLength(1_000);
    const kinds = (k: string) => links.filter((l) => l.kind === k);
    expect(kinds('url')).toHaveLength(100);
    expect(kinds('headline')).toHaveLength(50);
    // Read at their address: the same page (tracking parameters and fragments aside), the page's own written relative.
    const byUrl = new Set(input().byUrl.map((a) => pageKey(a.url)));
    expect(kinds('url').every((l) => byUrl.has(pageKey(new URL(l.href, ORIGIN).href)))).toBe(true);
    expect(kinds('url').filter((l) => l.href.startsWith('/'))).toHaveLength(40);
    expect(kinds('url').filter((l) => /[?#]/.test(l.href)).length).toBeGreaterThanOrEqual(30);
    // Read under their headline: another address, the same headline.
    const byHeadline = new Set(input().byHeadline.map((a) => pageKey(a.url)));
    expect(kinds('headline').some((l) => byHeadline.has(pageKey(new URL(l.href, ORIGIN).href)))).toBe(false);
    // The unread headlines can match by text (five words or more), and none is a read one.
    const readKeys = new Set([...input().byUrl, ...input().byHeadline].map((a) => headlineKey(a.title)));
    const headlines = kinds('unread').filter((l) => l.layout !== 'menu');
    expect(headlines.every((l) => headlineKey(l.text) !== null && !readKeys.has(headlineKey(l.text)))).toBe(true);
    expect(headlines.filter((l) => l.href.startsWith('http')).length).toBeGreaterThan(200);
  });

  it('spreads the read links through the page, and lays some out as cards', () => {
    const links = frontLinks(input(), seededRandom(1));
    const at = links.flatMap((l, i) => (l.kind === 'unread' ? [] : [i]));
    expect(at[0]).toBeLessThan(100);
    expect(at.at(-1)).toBeGreaterThan(900);
    expect(links.filter((l) => l.layout === 'card').length).toBeGreaterThan(90);
  });

  it('writes every link into the page, and the links an infinite scroll adds for addMore()', () => {
    const links = frontLinks(input(), seededRandom(1));
    const more = frontLinks({ ...input(250), byUrl: read(25, 'later'), byHeadline: read(12, 'later-headline') }, seededRandom(2), false);
    expect(more).toHaveLength(250);
    expect(more.some((l) => l.layout === 'menu')).toBe(false);
    const { document } = parseHTML(frontPageHtml(links, more));
    const hrefs = [...document.querySelectorAll('a[href]')].map((a) => a.getAttribute('href'));
    expect(hrefs).toHaveLength(1_000);
    expect(new Set(hrefs)).toEqual(new Set(links.map((l) => l.href)));
    const pending = JSON.parse(document.getElementById('more-links')?.textContent ?? '[]') as [string, string][];
    expect(pending).toEqual(more.map((l) => [l.href, l.text]));
  });

  it('refuses a page it has too few unread headlines for', () => {
    expect(() => frontLinks({ ...input(), unread: [] }, seededRandom(1))).toThrow(/unread headlines/);
  });

  it('writes the page\'s own links relative', () => {
    expect(linkTo(`${ORIGIN}/news/a?x=1#c`, ORIGIN)).toBe('/news/a?x=1#c');
    expect(linkTo('https://other.example/a', ORIGIN)).toBe('https://other.example/a');
  });
});
