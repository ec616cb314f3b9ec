/**
 * The marks phase's listing page (marks.ts): a news front page of a given number of links, as the
 * marks content script meets them on a real one. Section links in the header and footer, cards
 * whose link wraps a heading and a teaser, headlines over a teaser, and lists of headlines; a mix
 * of the page's own links (relative) and other sites' (absolute), some with tracking parameters or
 * a fragment. Among them the links to what the reader has read, at their address or under their
 * headline elsewhere, spread through the page; and `addMore()`, which appends a further section as
 * an infinite scroll does. Pure: data in, HTML out.
 */
import type { Random } from '../random.ts';

/** An article the reader has read: where it was recorded, and its headline. */
export interface ReadArticle {
  url: string;
  title: string;
}

export interface FrontInput {
  /** The front page's own origin: links to it are written relative, as a site links its own pages. */
  origin: string;
  /** Read, and linked at their address. */
  byUrl: readonly ReadArticle[];
  /** Read, and linked elsewhere under their headline. */
  byHeadline: readonly ReadArticle[];
  /** Headlines never read, taken in order (as many as the page needs; each used once). */
  unread: readonly string[];
  /** Links on the page, in all. */
  links: number;
}

export type LinkKind = 'url' | 'headline' | 'unread';

export interface FrontLink {
  href: string;
  text: string;
  kind: LinkKind;
  /** The teaser under its headline, or inside a card's link; none in lists and menus. */
  teaser: string | null;
  layout: 'menu' | 'card' | 'headline' | 'list';
}

const SECTIONS = ['World', 'Politics', 'Business', 'Science', 'Climate', 'Health', 'Sport', 'Culture', 'Travel', 'Opinion', 'Local', 'Technology'];
const FOOTER = ['About us', 'Contact', 'Careers', 'Advertise', 'Newsletters', 'Podcasts', 'Corrections', 'Privacy', 'Cookies', 'Terms', 'Archive', 'Help'];
/** Other sites a front page links to (never loaded: the links are only read). */
const OTHER_SITES = ['https://www.northshore-daily.example', 'https://news.coastal-wire.example', 'https://www.harbour-times.example', 'https://m.valley-post.example'];
const TRACKING = ['?utm_source=homepage&utm_medium=referral', '?ref=front', '?utm_campaign=morning-briefing', '#comments'];
const TEASER_WORDS = ('the council said on tuesday that work would start in spring after residents raised concerns about ' +
  'costs traffic and the timetable while officials promised a full review of the figures before any final decision').split(' ');

export const slugOf = (text: string): string => text.toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 80);

/** `url` relative to `origin` when it is on it (path, query and fragment), else as it is. */
export function linkTo(url: string, origin: string): string {
  return url.startsWith(`${origin}/`) ? url.slice(origin.length) : url;
}

function teaser(random: Random, words: number): string {
  const start = Math.floor(random() * TEASER_WORDS.length);
  const out = Array.from({ length: words }, (_, i) => TEASER_WORDS[(start + i) % TEASER_WORDS.length]!);
  return `${out.join(' ')}.`.replace(/^./, (c) => c.toUpperCase());
}

/**
 * The page's links, exactly `input.links` of them: the menus first and last (unless `menus` is
 * false: a page added by an infinite scroll), the read links spread among the headlines at random
 * (seeded), a tracking parameter or fragment on every third link to a read address. Throws when
 * there are too few unread headlines for the page.
 */
export function frontLinks(input: FrontInput, random: Random, menus = true): FrontLink[] {
  const menu = (text: string, path: string): FrontLink => ({ href: path, text, kind: 'unread', teaser: null, layout: 'menu' });
  const header = menus ? [menu('Home', '/'), ...SECTIONS.map((s) => menu(s, `/${slugOf(s)}/`))] : [];
  const footer = menus ? FOOTER.map((s) => menu(s, `/${slugOf(s)}`)) : [];
  const body = input.links - header.length - footer.length;
  const read: Omit<FrontLink, 'layout' | 'teaser'>[] = [
    ...input.byUrl.map((a, i) => ({ href: linkTo(a.url, input.origin) + (i % 3 === 0 ? TRACKING[i % TRACKING.length]! : ''), text: a.title, kind: 'url' as const })),
    ...input.byHeadline.map((a, i) => ({
      // A story read elsewhere, shown here: on this site, or on another.
      href: i % 2 === 0 ? `/${slugOf(SECTIONS[i % SECTIONS.length]!)}/${slugOf(a.title)}` : `${OTHER_SITES[i % OTHER_SITES.length]}/story/${slugOf(a.title)}`,
      text: a.title, kind: 'headline' as const,
    })),
  ];
  const unreadCount = body - read.length;
  if (unreadCount < 0 || input.unread.length < unreadCount) {
    throw new Error(`a front page of ${input.links} links needs ${unreadCount} unread headlines, got ${input.unread.length}`);
  }
  const unread = input.unread.slice(0, unreadCount).map((text, i) => ({
    href: i % 3 === 0 ? `${OTHER_SITES[i % OTHER_SITES.length]}/${2026 - (i % 3)}/${slugOf(text)}${i % 7 === 0 ? TRACKING[i % 2]! : ''}` : `/${slugOf(SECTIONS[i % SECTIONS.length]!)}/${slugOf(text)}`,
    text, kind: 'unread' as const,
  }));
  const all = [...read, ...unread];
  for (let i = all.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [all[i], all[j]] = [all[j]!, all[i]!];
  }
  // Of every ten headlines: a card, two with a teaser, seven in lists.
  const laidOut = all.map((link, i): FrontLink => {
    const slot = i % 10;
    if (slot === 0) return { ...link, layout: 'card', teaser: teaser(random, 30) };
    if (slot < 3) return { ...link, layout: 'headline', teaser: teaser(random, 18) };
    return { ...link, layout: 'list', teaser: null };
  });
  return [...header, ...laidOut, ...footer];
}

const escape = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** One link as the page writes it: a card's link holds its heading and teaser. */
export function linkHtml(link: FrontLink): string {
  const a = (inner: string) => `<a href="${escape(link.href)}">${inner}</a>`;
  switch (link.layout) {
    case 'menu': return `<li>${a(escape(link.text))}</li>`;
    case 'card': return `<article class="card">${a(`<h3>${escape(link.text)}</h3><p>${escape(link.teaser ?? '')}</p>`)}</article>`;
    case 'headline': return `<article><h3>${a(escape(link.text))}</h3><p>${escape(link.teaser ?? '')}</p></article>`;
    case 'list': return `<li>${a(escape(link.text))}</li>`;
  }
}

/** The headlines of one section: cards and teasers first, then the list. */
function section(name: string, links: readonly FrontLink[]): string {
  const blocks = links.filter((l) => l.layout !== 'list').map(linkHtml).join('');
  const list = links.filter((l) => l.layout === 'list').map(linkHtml).join('');
  return `<section><h2>${escape(name)}</h2>${blocks}<ul>${list}</ul></section>`;
}

/**
 * In the page: appends the links of #more-links (JSON, [href, text] pairs) as one new section, in
 * one task, as an infinite scroll adds its next page.
 */
const ADD_MORE = `
  window.addMore = () => {
    const links = JSON.parse(document.getElementById('more-links').textContent);
    const section = document.createElement('section');
    section.innerHTML = '<h2>More stories</h2><ul></ul>';
    const list = section.lastChild;
    for (const [href, text] of links) {
      const li = document.createElement('li');
      const a = document.createElement('a');
      a.href = href;
      a.textContent = text;
      li.append(a);
      list.append(li);
    }
    document.querySelector('main').append(section);
  };`;

/** The whole page: `links` (from frontLinks) in sections of about 80, and `more` for addMore(). */
export function frontPageHtml(links: readonly FrontLink[], more: readonly FrontLink[]): string {
  const menus = links.filter((l) => l.layout === 'menu');
  const header = menus.slice(0, 1 + SECTIONS.length);
  const footer = menus.slice(1 + SECTIONS.length);
  const body = links.filter((l) => l.layout !== 'menu');
  const sections: string[] = [];
  const per = Math.ceil(body.length / SECTIONS.length);
  for (let i = 0; i < SECTIONS.length; i++) sections.push(section(SECTIONS[i]!, body.slice(i * per, (i + 1) * per)));
  // Inside a script element, "</" must not close it early.
  const json = JSON.stringify(more.map((l) => [l.href, l.text])).replace(/</g, '\\u003c');
  return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>The Morning Ledger — front page</title>
<style>body{font:16px/1.45 Georgia,serif;max-width:1100px;margin:0 auto;color:#111;background:#fff}
nav ul,footer ul{display:flex;flex-wrap:wrap;gap:.8em;list-style:none;padding:0}
section{columns:2;margin:1.5em 0} h2{column-span:all} .card a{display:block;color:inherit;text-decoration:none}
article{break-inside:avoid} h3{font-size:1.1em;margin:.4em 0}</style>
<script>${ADD_MORE}</script></head>
<body><header><h1>The Morning Ledger</h1><nav><ul>${header.map(linkHtml).join('')}</ul></nav></header>
<main>${sections.join('\n')}</main>
<footer><ul>${footer.map(linkHtml).join('')}</ul></footer>
<script type="application/json" id="more-links">${json}</script></body></html>`;
}

/** Headlines of five words or more that no reader has read (the page needs more than the corpus has). */
export function madeUpHeadlines(count: number, random: Random): string[] {
  const subjects = ['Council', 'Regional hospital', 'Local school board', 'City transit agency', 'Harbour authority', 'Farmers cooperative',
    'State water utility', 'University researchers', 'Fire service', 'Museum trustees', 'Port workers', 'Library volunteers',
    'Airport operator', 'Housing charity', 'Coastal towns', 'Railway union', 'Small businesses', 'Wildlife trust'];
  const verbs = ['approves', 'delays', 'rejects', 'unveils', 'defends', 'cuts', 'expands', 'reviews', 'postpones', 'announces', 'questions', 'backs'];
  const objects = ['plan for new ferry terminal', 'budget for road repairs', 'rules on short-term rentals', 'funding for rural clinics',
    'proposal to close branch libraries', 'scheme to plant urban trees', 'deal on night bus services', 'study of river pollution',
    'bid to host summer games', 'changes to parking charges', 'project to restore old pier', 'report on school meals',
    'limits on fishing quotas', 'timetable for bridge works', 'grants for home insulation', 'survey of flood defences'];
  const tails = ['after long debate', 'amid protests', 'as costs rise', 'ahead of winter', 'despite objections', 'in surprise vote', 'for second time', ''];
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
  const made = new Set<string>();
  const most = subjects.length * verbs.length * objects.length * tails.length;
  if (count > most / 2) throw new Error(`at most ${Math.floor(most / 2)} made-up headlines`);
  while (made.size < count) made.add(`${pick(subjects)} ${pick(verbs)} ${pick(objects)} ${pick(tails)}`.trim());
  return [...made];
}
