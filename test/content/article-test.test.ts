import { describe, expect, it } from 'vitest';
import { holdsProse, MAX_LINK_DENSITY, MAX_SNIPPET_SHARE, MIN_RUN_WORDS, notArticleReason, PROSE_CHARS, PROSE_RUNS } from '../../src/content/article-test.ts';
import { extractArticle } from '../../src/content/extract.ts';
import { parseHtmlDocument } from '../../src/cli/parse-html.ts';

/** A paragraph of `n` five-letter words (six characters a word with its space). */
const text = (n: number, end = '.') => `${Array.from({ length: n }, () => 'words').join(' ')}${end}`;
const judge = (paragraphs: { text: string; linked?: number }[]) => {
  const words = paragraphs.reduce((sum, p) => sum + p.text.split(' ').length, 0);
  return notArticleReason(paragraphs.map((p) => p.text), paragraphs.map((p) => p.linked ?? 0), words);
};
const headline = (n = 6) => ({ text: text(n, ''), linked: text(n, '').length });

describe('notArticleReason', () => {
  it('takes running text between links as an article once a passage reaches MIN_RUN_WORDS', () => {
    const body = (n: number) => [headline(), { text: text(Math.ceil(n / 2)) }, { text: text(Math.ceil(n / 2)) }, headline(), { text: text(30) }, headline()];
    expect(judge(body(MIN_RUN_WORDS))).toBeNull();
    expect(judge(body(MIN_RUN_WORDS - 10))).toMatch(new RegExp(`^a listing \\(longest text between links: ${Math.floor((MIN_RUN_WORDS - 10) / 10)}\\d words\\)$`));
  });

  it('lets a short paragraph with a link in it continue a passage: only a mostly-linked one ends it', () => {
    const half = text(10).length / 2;
    const paragraphs = [{ text: text(50) }, { text: text(10), linked: Math.floor(half) }, { text: text(50) }];
    expect(judge(paragraphs)).toBeNull();
    paragraphs[1]!.linked = Math.ceil(half) + 1;
    expect(judge(paragraphs)).toMatch(/^a listing/);
  });

  it(`refuses text more than ${MAX_LINK_DENSITY * 100}% link text, however long its passages`, () => {
    const long = { text: text(200) };
    expect(judge([long, { text: text(190, ''), linked: text(190, '').length }])).toBeNull();
    expect(judge([long, { text: text(220, ''), linked: text(220, '').length }])).toMatch(/^mostly links \(5\d% of the text\)$/);
  });

  it(`refuses text whose paragraphs are mostly (over ${MAX_SNIPPET_SHARE * 100}%) cut short with an ellipsis`, () => {
    const snippets = (cut: number, whole: number) => [
      ...Array.from({ length: cut }, (_, i) => ({ text: text(20, i % 2 ? '…' : ' ...') })),
      ...Array.from({ length: whole }, () => ({ text: text(20) })),
    ];
    expect(judge(snippets(5, 5))).toBeNull();
    expect(judge(snippets(6, 5))).toBe('snippets (6 of 11 paragraphs end in an ellipsis)');
    // Datelines and prices are too short to count either way.
    expect(judge([...snippets(5, 5), { text: '10:42' }, { text: '£49.00' }])).toBeNull();
  });
});

describe('holdsProse', () => {
  const body = (html: string) => parseHtmlDocument(`<!doctype html><body>${html}</body>`).body;
  const sentence = 'The council voted on Tuesday to approve the new harbour bridge after a long debate.';

  it('counts runs of text between block boundaries, links and emphasis inside them', () => {
    expect(holdsProse(body(`<p>${sentence}</p><p>${sentence}</p><p>${sentence}</p>`))).toBe(true);
    expect(holdsProse(body(`<p>${sentence}</p><p>${sentence}</p><p>Short.</p>`))).toBe(false);
    // Entities and inline elements split text nodes (in linkedom at every entity): one run still.
    const split = 'The council&nbsp;voted on <a href="/t">Tuesday</a> to approve the <b>new</b> harbour&amp;bridge plan.';
    expect(holdsProse(body(`<div>${split}</div><td>${split}</td><p>${split}<br></p>`))).toBe(true);
  });

  it('finds none in a data table or a list of links', () => {
    const rows = Array.from({ length: 500 }, (_, i) => `<tr><td>${i}</td><td>Team ${i % 30}</td><td>${(i * 7) % 100}.5</td></tr>`).join('');
    expect(holdsProse(body(`<table>${rows}</table>`))).toBe(false);
    const links = Array.from({ length: 500 }, (_, i) => `<li><a href="/s/${i}">A headline of about eight words here ${i}</a></li>`).join('');
    expect(holdsProse(body(`<ul>${links}</ul>`))).toBe(false);
  });

  it('turns a large page without prose away before Readability', () => {
    const rows = Array.from({ length: 2_000 }, (_, i) => `<tr><td>${i}</td><td>Station ${i % 90} platform</td><td>${(i * 7) % 60} min</td></tr>`).join('');
    const page = parseHtmlDocument(`<!doctype html><title>Timetable</title><body><table>${rows}</table></body>`);
    expect(extractArticle(page, 'https://trains.example/timetable')).toEqual({ article: false, reason: `no prose (fewer than ${PROSE_RUNS} runs of ${PROSE_CHARS} characters of text)` });
  });
});
