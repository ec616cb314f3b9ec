/** Texts that share something but are not one story: none may be reported as the same story. */
import { describe, expect, it } from 'vitest';
import type { Verdict } from '../../src/messages.ts';
import { articlePage } from '../fixtures/html.ts';
import { freshHistory } from '../fixtures/db.ts';
import { BRIEF, OTHER_STORIES, SAME_EVENT, SISTER_FOOTER, STORIES, TEMPLATE_BLOCK } from '../fixtures/stories.ts';
import { read, visit } from '../fixtures/visit.ts';

const [politics, science, sport] = OTHER_STORIES as [typeof OTHER_STORIES[0], typeof OTHER_STORIES[0], typeof OTHER_STORIES[0]];
const withBlock = (paragraphs: readonly string[]) => [...paragraphs.slice(0, 3), TEMPLATE_BLOCK, ...paragraphs.slice(3)];

function expectNothingReported(verdict: Verdict) {
  expect(verdict.kind).toBe('recorded');
  expect(verdict.sightings).toEqual([]);
  expect(verdict.partial).toEqual([]);
}

type Reading = readonly [url: string, paragraphs: readonly string[]];

async function bothOrders(a: Reading, b: Reading) {
  for (const [first, second] of [[a, b], [b, a]] as const) {
    const db = await freshHistory();
    await read(db, first[0], first[1]);
    expectNothingReported(await read(db, second[0], second[1]));
    db.close();
  }
}

describe('hard negatives', () => {
  it('two stories in one site template sharing a 60-word block inside the article body', async () => {
    await bothOrders(['https://site.example/a', withBlock(politics.paragraphs)], ['https://site.example/b', withBlock(science.paragraphs)]);
  });

  it('two stories on the same event sharing a 40-word quote', async () => {
    expect(SAME_EVENT.quote.split(/\s+/)).toHaveLength(40);
    await bothOrders(['https://one.example/a', SAME_EVENT.a.paragraphs], ['https://two.example/b', SAME_EVENT.b.paragraphs]);
  });

  it("two sister sites' different articles sharing a long footer", async () => {
    await bothOrders(
      ['https://news.sister.example/a', [...science.paragraphs, ...SISTER_FOOTER]],
      ['https://sport.sister.example/b', [...sport.paragraphs, ...SISTER_FOOTER]],
    );
  });

  it('a listing page carrying the story’s lead among other teasers', async () => {
    const [lead = ''] = STORIES[0]!.paragraphs;
    const teasers = [lead, ...OTHER_STORIES.flatMap((s) => s.paragraphs.slice(0, 1)), SAME_EVENT.a.paragraphs[0]!, SAME_EVENT.b.paragraphs[0]!];
    await bothOrders(['https://one.example/story', STORIES[0]!.paragraphs], ['https://two.example/latest', teasers]);
  });

  it('a 60-word brief is not an article and records nothing', async () => {
    const db = await freshHistory();
    await visit(db, 'https://one.example/story', articlePage({ title: STORIES[0]!.title, paragraphs: STORIES[0]!.paragraphs }));
    expect(await visit(db, 'https://two.example/brief', articlePage({ title: BRIEF.title, paragraphs: BRIEF.paragraphs }))).toBe('not-article');
    expect(await db.count('articles')).toBe(1);
  });

  it('unrelated stories in every language stay apart', async () => {
    const db = await freshHistory();
    for (const [i, story] of [...STORIES, ...OTHER_STORIES].entries()) {
      expectNothingReported(await read(db, `https://site${i}.example/x`, story.paragraphs));
    }
  });
});
