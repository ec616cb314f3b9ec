/**
 * Listing pages for the link marks' browser tests (test/e2e/marks-scenario.ts) and their picture
 * (docs/marks.png, scripts/screenshots.ts), made by code since they name the sites' addresses: a
 * front page linking to a story read on another site, to one read on the same site, to one never
 * read, with a generic headline and to itself; the same page with hostile CSS (and a linked SVG logo),
 * right to left, or 2,500 links more than the page's own (more than one message of them); and an article titled "Live updates".
 *
 * Each front page logs, from its first script on, every change made to its own DOM
 * (window.__changes) and the boxes of its links (window.__boxes), and can add a page of links as
 * an infinite scroll would (window.addMore()).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { READER_ROOT, READER_TITLES } from './reader-sites.ts';
import type { Generate } from './sites.ts';

export const FRONT = Object.freeze({
  plain: '/front',
  hostile: '/front-hostile',
  rtl: '/front-rtl',
  many: '/front-many',
  /** An article (story 3's text) whose headline is "Live updates". */
  live: '/live-blog',
});

/** A headline never read anywhere. */
export const NEVER_READ = 'Storm warning for the coast as gales are expected this weekend';

/** Page CSS as hostile to the marks as it gets without knowing their name. */
const HOSTILE_CSS = `
  *, *::before, *::after { background: none !important; text-decoration: none !important; color: #222 !important; all: unset; display: revert; }
  a[title] { text-decoration: none !important; } ::highlight(*) { background-color: transparent; }
  body { background: #fff !important; font: 20px/1.4 serif !important; }`;

const RECORDER = `
  window.__changes = [];
  // From the end of parsing (before any content script at document_idle): what the parser adds is the page.
  addEventListener('DOMContentLoaded', () => {
    new MutationObserver((records) => { for (const r of records) window.__changes.push({
      type: r.type, target: r.target.id || r.target.nodeName, attribute: r.attributeName, old: r.oldValue,
      added: r.addedNodes.length, removed: r.removedNodes.length }); })
      .observe(document, { subtree: true, childList: true, attributes: true, attributeOldValue: true, characterData: true });
    window.__boxes = [...document.links].map((a) => JSON.stringify(a.getBoundingClientRect()));
  });
  window.addMore = (count, late) => {
    const list = document.getElementById('more');
    for (let i = 0; i < count; i++) {
      const li = document.createElement('li');
      li.innerHTML = '<a href="/later-' + i + '">Later story number ' + i + ' about the town and its people</a>';
      list.append(li);
    }
    const li = document.createElement('li');
    li.innerHTML = '<a id="late" href="' + late + '">Read again</a>';
    list.append(li);
  };`;

/** The front page's links: id, address, text and own title. */
function links(origin: (site: number) => string, site: number) {
  return [
    ['other-site', `${origin(3)}/lighthouse-observatory?utm_source=front`, READER_TITLES.lighthouse.replace("'", '\u2019'), null],
    ['other-site-page', `${origin(2)}/lighthouse-observatory#comments`, 'Observatory', 'Its own title'],
    ['same-site', `${origin(site)}/bus-route?utm_medium=front`, 'Bus', null],
    ['never', `${origin(site)}/weather`, NEVER_READ, null],
    ['generic', `${origin(5)}/elsewhere`, 'Live updates', null],
    ['self', `${origin(site)}/front#top`, 'The Northwick News front page for today', null],
  ] as const;
}

/** A linked logo in SVG, first on the page: its <a href> has no string href, and must stop nothing. */
const svgLink = (origin: (site: number) => string) =>
  `<svg width="16" height="16" aria-hidden="true"><a href="${origin(2)}/lighthouse-observatory"><circle cx="8" cy="8" r="8"/></a></svg>`;

function frontPage(origin: (site: number) => string, site: number, variant: 'plain' | 'hostile' | 'rtl' | 'many'): string {
  const items = links(origin, site).map(([id, href, text, title]) => `<li><a id="${id}" href="${href}"${title ? ` title="${title}"` : ''}>${text}</a></li>`);
  if (variant === 'many') {
    // First, so that the links read come in the last of the messages.
    const archive = Array.from({ length: 2_500 }, (_, i) => `<li><a href="/archive/${i}">Archive story number ${i} from the years gone by</a></li>`);
    items.unshift(...archive);
  }
  const dir = variant === 'rtl' ? ' dir="rtl" lang="ar"' : ' lang="en"';
  const style = variant === 'hostile' ? `<style id="hostile">${HOSTILE_CSS}</style>` : '<style>body { font: 18px/1.5 sans-serif; background: #fff; color: #111; }</style>';
  return `<!DOCTYPE html><html${dir}><head><meta charset="utf-8"><title>Northwick News</title>${style}<script>${RECORDER}</script></head>
<body><header>${variant === 'hostile' ? svgLink(origin) : ''}<h1>Northwick News</h1></header><main><h2>Latest</h2><ul id="list">${items.join('')}</ul><ul id="more"></ul></main></body></html>`;
}

/** The tree-map article under the generic headline "Live updates". */
function liveBlog(): string {
  const html = readFileSync(join(READER_ROOT, 'tree-map.html'), 'utf8');
  return html.replace(/<title>[^<]*<\/title>/, '<title>Live updates</title>').replace(/<h1>[^<]*<\/h1>/, '<h1>Live updates</h1>');
}

/** The generator for startSites, on the reader's sites (127.0.0.1 to 16, one port). */
export const frontPages: Generate = (site, pathname, served) => {
    const port = new URL(served).port;
    const origin = (n: number) => `http://127.0.0.${n}:${port}`;
    const own = Number(site.host.split('.').at(-1));
    const variant = Object.entries(FRONT).find(([, path]) => path === pathname)?.[0];
    if (variant === 'live') return { type: 'text/html; charset=utf-8', body: liveBlog() };
    if (variant) return { type: 'text/html; charset=utf-8', body: frontPage(origin, own, variant as 'plain') };
    return null;
};
