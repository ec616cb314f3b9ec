/** "Updated since you read it" against the edits news sites make without news: each was a false update once. */
import { describe, expect, it } from 'vitest';
import { checkReport, recordReport } from '../../src/history/record-report.ts';
import { updateOf } from '../../src/history/verdict.ts';
import { freshHistory } from '../fixtures/db.ts';
import { reportFor } from '../fixtures/reports.ts';
import { makeArticle } from '../fixtures/text.ts';

const DAY = 86_400_000;
const URL = 'https://news.example/2026/12/06/storm';
const body = makeArticle(41, 10);

describe('false "updated"', () => {
  it('a one-word copy edit (typo fix) is no new paragraph', async () => {
    const db = await freshHistory();
    await recordReport(db, reportFor(URL, body), DAY);
    const fixed = [...body];
    fixed[3] = fixed[3]!.replace(/\b(\w+)\b/, '$1s');
    const v = await checkReport(db, reportFor(URL, fixed), 2 * DAY);
    expect(v.updated).toBeNull();
  });


  it('a paragraph split in two at a sentence, or two merged and split back, is no update', () => {
    const read = { paragraphs: reportFor(URL, body).paragraphs, lastSeen: DAY };
    const sentences = body[4]!.split(/(?<=\.) /);
    const half = Math.ceil(sentences.length / 2);
    const split = [...body.slice(0, 4), sentences.slice(0, half).join(' '), sentences.slice(half).join(' '), ...body.slice(5)];
    expect(sentences.length).toBeGreaterThan(1);
    expect(updateOf(read, reportFor(URL, split))).toBeNull();
    const merged = [...body.slice(0, 4), `${body[4]} ${body[5]}`, ...body.slice(6)];
    const mergedRead = { paragraphs: reportFor(URL, merged).paragraphs, lastSeen: DAY };
    expect(updateOf(mergedRead, reportFor(URL, body))).toBeNull();
    // Three paragraphs where one was: news, not a split.
    expect(updateOf(read, reportFor(URL, [...body.slice(0, 4), ...makeArticle(42, 3), ...body.slice(5)]))).toEqual({ lastRead: DAY, fresh: 3 });
  });

  it('a restamped date line with author names (byline + date in one block) is no update', async () => {
    const db = await freshHistory();
    const by = (t: string) => `By Jane Smith and Carlos Ortega, Reuters. Updated ${t} December 6, 2026`;
    await recordReport(db, reportFor(URL, [by('9:10 a.m. GMT'), ...body]), DAY);
    const v = await checkReport(db, reportFor(URL, [by('4:45 p.m. GMT'), ...body]), 2 * DAY);
    expect(v.updated).toBeNull();
  });


  it('a comment-count / ticker sentence inside the article is no update', async () => {
    const db = await freshHistory();
    const c = (n: number) => `Join the conversation: ${n} readers have already commented on this story.`;
    await recordReport(db, reportFor(URL, [...body, c(112)]), DAY);
    const v = await checkReport(db, reportFor(URL, [...body, c(487)]), 2 * DAY);
    expect(v.updated).toBeNull();
  });

  it('long article: an early paragraph removed brings one beyond the 5000-token window in: no update', async () => {
    const db = await freshHistory();
    const long = makeArticle(42, 160); // ~ 3 sentences each, beyond MAX_TOKENS
    await recordReport(db, reportFor(URL, long), DAY);
    const cut = [...long.slice(0, 5), ...long.slice(6)];
    const v = await checkReport(db, reportFor(URL, cut), 2 * DAY);
    expect(v.updated).toBeNull();
  });

  it('long article: a date line one token shorter brings one paragraph beyond the window in', async () => {
    const long = makeArticle(43, 160);
    const first = reportFor(URL, ['Updated December 6, 2026 at 9:05 a.m. EST', ...long]);
    // find the window end and check whether any single-token change can shift it
    let hits = 0;
    for (let seed = 0; seed < 40; seed++) {
      const arts = makeArticle(100 + seed, 160);
      const a = reportFor(URL, ['Updated December 6, 2026 at 9:05 a.m. EST', ...arts]);
      const b = reportFor(URL, ['Updated December 6, 2026 at 10 a.m. EST', ...arts]);
      if (updateOf({ paragraphs: a.paragraphs, lastSeen: DAY }, b)) hits++;
    }
    expect(first.paragraphs.length).toBeGreaterThan(0);
    expect(hits, 'pages of 40 told "updated" for a restamp').toBe(0);
  });

  it('a live blog past 200 paragraphs: an entry deleted brings paragraph 201 in: no update', () => {
    const blog = Array.from({ length: 260 }, (_, i) => `Entry ${i}: the council met again today and said little of note about it.`);
    const a = reportFor(URL, blog);
    const b = reportFor(URL, [...blog.slice(0, 10), ...blog.slice(11)]);
    expect(a.paragraphs.length).toBe(200);
    expect(updateOf({ paragraphs: a.paragraphs, lastSeen: DAY }, b)).toBeNull();
  });
});

describe('guards', () => {
  it('one shared paragraph is not enough: a mostly different extraction (comments, a teaser list) is no update', () => {
    const read = { paragraphs: reportFor(URL, body).paragraphs, lastSeen: DAY };
    const other = reportFor(URL, [body[0]!, ...makeArticle(61, 20)]); // lead kept, the rest is another container's text
    expect(updateOf(read, other)).toBeNull();
  });
});
