/**
 * A generated long news article (about 1 MB of HTML) in an ordinary page template: masthead and
 * navigation, share bar, the article (headline, byline, standfirst, subheads, pull quotes,
 * figures, links), a sidebar of teasers, related stories, comments and a footer. The prose is
 * made by a seeded generator from sentence patterns, so it reads like reporting and never
 * repeats a sentence, without copying any real text.
 */
import { seededRandom, type Random } from '../random.ts';

const PEOPLE = [
  'Maria Okafor', 'Daniel Reyes', 'Ingrid Halvorsen', 'Tomasz Wójcik', 'Aisha Rahman', 'Colm Brennan', 'Yuki Tanaka',
  'Priya Natarajan', 'Samuel Adeyemi', 'Helen Marchetti', 'Lars Eriksen', 'Fatima El-Amin', 'George Whitlock',
  'Chen Wei', 'Rosa Delgado', 'Owen Pritchard',
];
const ROLES = [
  'the council leader', 'a spokesperson for the port authority', 'the harbour master',
  'an economist at the regional university', 'the chair of the residents’ association',
  'a senior engineer on the project', 'the transport minister', 'a local fisherman',
  'the head of the chamber of commerce', 'a marine biologist', 'the union’s regional secretary',
  'an independent auditor',
];
const PLACES = [
  'Portmere', 'the northern estuary', 'Kelvin Bay', 'the old ferry terminal', 'Saltmarsh Road', 'the county',
  'the eastern quay', 'Brackwater', 'the river mouth', 'the harbour district',
];
const ORGS = [
  'the port authority', 'the county council', 'the regional development agency', 'the coastal research institute',
  'the ferry operator', 'the environmental regulator', 'the harbour trust', 'the national audit office',
];
const THINGS = [
  'the redevelopment plan', 'the seaweed laboratory', 'the new breakwater', 'the dredging contract',
  'the ferry timetable', 'the flood defences', 'the budget for next year', 'the consultation',
  'the tidal energy trial', 'the housing scheme', 'the fish market', 'the rail link',
];
const VERBS = [
  'approve', 'delay', 'review', 'fund', 'scale back', 'expand', 'reconsider', 'complete', 'publish', 'challenge',
  'defend', 'extend',
];
const TIMES = [
  'by the end of the year', 'next spring', 'within six months', 'before the summer season', 'in the coming weeks',
  'by 2028', 'after the election', 'once the survey is finished',
];
const ADJ = [
  'cautious', 'unexpected', 'long-awaited', 'controversial', 'modest', 'ambitious', 'costly', 'temporary',
  'significant', 'detailed', 'preliminary', 'sharp',
];
const NUMBERS = [
  '£4.2m', '37 per cent', '1,200 households', 'three years', '£850,000', 'nine berths', '14 kilometres', 'two thirds',
  '18 months', '600 jobs',
];

const pick = <T>(r: Random, list: readonly T[]): T => list[Math.floor(r() * list.length)]!;

const SENTENCES: ((r: Random) => string)[] = [
  (r) => `${pick(r, PEOPLE)}, ${pick(r, ROLES)}, said ${pick(r, ORGS)} would ${pick(r, VERBS)} ${pick(r, THINGS)} ` +
    `${pick(r, TIMES)}.`,
  (r) => `The ${pick(r, ADJ)} decision follows months of talks between ${pick(r, ORGS)} and ${pick(r, ORGS)} ` +
    `over ${pick(r, THINGS)}.`,
  (r) => `“We have always said that ${pick(r, THINGS)} has to work for the people of ${pick(r, PLACES)},” ${pick(r, PEOPLE)} said.`,
  (r) => `According to figures published by ${pick(r, ORGS)}, the cost has risen by ${pick(r, NUMBERS)} ` +
    'since the scheme was first proposed.',
  (r) => `Residents of ${pick(r, PLACES)} told reporters they had not been consulted about ${pick(r, THINGS)}.`,
  (r) => `Critics argue that ${pick(r, THINGS)} is ${pick(r, ADJ)} and that ${pick(r, ORGS)} has underestimated the risks.`,
  (r) => `The report, which runs to more than ${Math.floor(r() * 400 + 40)} pages, recommends that ` +
    `${pick(r, ORGS)} ${pick(r, VERBS)} ${pick(r, THINGS)}.`,
  (r) => `In a statement on ${pick(r, ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday'])}, ` +
    `${pick(r, ORGS)} said it remained committed to ${pick(r, THINGS)}.`,
  (r) => `${pick(r, PEOPLE)} warned that without further money the work at ${pick(r, PLACES)} could take another ` +
    `${pick(r, NUMBERS)}.`,
  (r) => `Asked whether the timetable was realistic, ${pick(r, PEOPLE)} said only that it was “${pick(r, ADJ)} but achievable”.`,
  (r) => `Similar projects elsewhere have been ${pick(r, ['cancelled', 'delayed', 'redesigned', 'completed early', 'taken to court'])} ` +
    `after disputes over ${pick(r, THINGS)}.`,
  (r) => `The ${pick(r, ADJ)} survey of ${pick(r, PLACES)} found ${pick(r, NUMBERS)} of the site would need to be cleared first.`,
  (r) => `Local businesses near ${pick(r, PLACES)} say trade has fallen since work on ${pick(r, THINGS)} began.`,
  (r) => `${pick(r, ORGS)[0]?.toUpperCase()}${pick(r, ORGS).slice(1)} is expected to ${pick(r, VERBS)} its own proposals ` +
    `${pick(r, TIMES)}.`,
];

/** `serial` makes every sentence of the page unique. */
function paragraph(r: Random, serial: number): string {
  const n = 3 + Math.floor(r() * 4);
  const parts = [];
  for (let i = 0; i < n; i++) parts.push(pick(r, SENTENCES)(r));
  // A running detail keeps long articles from repeating a paragraph word for word.
  parts.push(`The figure for section ${serial} was ${Math.floor(r() * 9000 + 1000)}.`);
  let text = parts.join(' ');
  if (r() < 0.25) text = text.replace(/the county council/, '<a href="/council">the county council</a>');
  if (r() < 0.15) text = text.replace(/“([^”]+)”/, '“<em>$1</em>”');
  return `<p>${text}</p>`;
}

const GIF = 'data:image/gif;base64,R0lGODlhAQABAAAAACw=';
const SECTIONS = ['News', 'Politics', 'Business', 'Sport', 'Culture', 'Opinion', 'Science', 'Travel', 'Weather', 'Local'];
const ABOUT = ['About us', 'Contact', 'Privacy', 'Terms', 'Careers', 'Advertise', 'Archive', 'Corrections'];

const teaser = (r: Random, i: number) =>
  `<li class="teaser"><a href="/news/2026/${(i % 12) + 1}/${i}/story-${i}"><img src="${GIF}" alt="" width="80" height="60">` +
  `<span class="kicker">${pick(r, PLACES)}</span> ${pick(r, ADJ)} row over ${pick(r, THINGS)}</a></li>`;

const list = (length: number, item: (i: number) => string) => Array.from({ length }, (_, i) => item(i)).join('');

const STYLE = 'body{font:16px/1.5 Georgia,serif;margin:0}header,footer{background:#123;color:#fff;padding:1em}' +
  'main{display:flex;gap:2em;max-width:1100px;margin:auto}article{flex:3}aside{flex:1}.teaser img{float:left;margin-right:.5em}' +
  'nav ul,footer ul{display:flex;flex-wrap:wrap;list-style:none;gap:1em}';

const head = (nav: string) =>
  '<!doctype html><html lang="en"><head><meta charset="utf-8">' +
  "<title>The long road to rebuilding Portmere's waterfront | The Portmere Courier</title>\n" +
  '<meta name="viewport" content="width=device-width, initial-scale=1"><meta property="og:type" content="article">' +
  '<meta property="og:site_name" content="The Portmere Courier">\n' +
  '<meta name="author" content="Maria Okafor"><meta property="article:published_time" content="2026-03-04T08:00:00Z">' +
  '<link rel="canonical" href="/news/2026/03/04/portmere-waterfront">\n' +
  `<style>${STYLE}</style>\n` +
  '</head><body><header><div class="masthead"><a href="/">The Portmere Courier</a></div>' +
  `<nav><ul>${nav}</ul></nav><div class="cookie-banner">We use cookies. <button>Accept</button></div></header>\n` +
  "<main><article><h1>The long road to rebuilding Portmere's waterfront</h1>" +
  '<p class="byline">By Maria Okafor, Chief Reporter · <time datetime="2026-03-04">4 March 2026</time></p>\n' +
  '<div class="share"><a href="/share/mail">Email</a> <a href="/share/print">Print</a></div>' +
  '<p class="standfirst"><strong>Years of plans, reviews and rows over money: how the harbour district got here, ' +
  'and what comes next.</strong></p>\n' +
  '<div class="article-body">';

export function articlePage({ bytes = 1_000_000, seed = 11 }: { bytes?: number; seed?: number } = {}): string {
  const r = seededRandom(seed);
  const nav = list(60, (i) => `<li><a href="/section/${i}">${pick(r, SECTIONS)} ${i}</a></li>`);
  const sidebar = `<aside class="sidebar"><h2>Most read</h2><ol>${list(30, (i) => teaser(r, i))}</ol>` +
    '<div class="ad">Advertisement</div><h2>Newsletter</h2>' +
    '<form><input type="email" placeholder="Your email"><button>Sign up</button></form></aside>';
  const related = `<section class="related"><h2>Related stories</h2><ul>${list(24, (i) => teaser(r, 100 + i))}</ul></section>`;
  const comment = (i: number) =>
    `<li><b>${pick(r, PEOPLE)}</b> <time>${i + 1} hours ago</time><p>${pick(r, SENTENCES)(r)}</p><button>Reply</button></li>`;
  const comments = `<section class="comments"><h2>Comments (40)</h2><ol>${list(40, comment)}</ol></section>`;
  const footer = `<footer><ul>${list(40, (i) => `<li><a href="/about/${i}">${pick(r, ABOUT)}</a></li>`)}</ul>` +
    '<p>© 2026 The Portmere Courier</p></footer>';
  const top = head(nav);
  const tail = '</div><p class="tags">Topics: <a href="/t/harbour">Harbour</a> <a href="/t/council">Council</a></p></article>' +
    `${sidebar}</main>${related}${comments}${footer}</body></html>`;
  const body = [];
  let size = top.length + tail.length;
  for (let i = 0; size < bytes; i++) {
    let block = paragraph(r, i);
    if (i > 0 && i % 12 === 0) {
      block = `<h2>${pick(r, ADJ)[0]?.toUpperCase()}${pick(r, ADJ).slice(1)} questions over ${pick(r, THINGS)}</h2>${block}`;
    }
    if (i > 0 && i % 40 === 0) {
      block += `<figure><img src="${GIF}" alt="" width="640" height="360">` +
        `<figcaption>${pick(r, PLACES)} at low tide. Photograph: Courier staff</figcaption></figure>`;
    }
    if (i > 0 && i % 55 === 0) block += `<blockquote class="pull">“${pick(r, SENTENCES)(r)}”</blockquote>`;
    body.push(block);
    size += block.length;
  }
  return top + body.join('\n') + tail;
}
