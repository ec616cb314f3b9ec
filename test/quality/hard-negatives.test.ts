/** Texts that share something but are not one story: none may be reported as the same story. */
import { describe, expect, it } from 'vitest';
import type { Verdict } from '../../src/protocol.ts';
import { articlePage } from '../fixtures/html.ts';
import { freshHistory } from '../fixtures/db.ts';
import { BRIEF, OTHER_STORIES, SAME_EVENT, SISTER_FOOTER, STORIES, TEMPLATE_BLOCK } from '../fixtures/stories.ts';
import { read, visit } from '../fixtures/visit.ts';
import { makeArticle } from '../fixtures/text.ts';

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

describe('different stories sharing a long block', () => {
  // Short stories (about 135 and 180 words) make the block most of each text: the hard case.
  const stories = [makeArticle(31, 3), makeArticle(32, 4), makeArticle(33, 3), makeArticle(34, 4)];
  const legal = makeArticle(41, 7); // about 320 words of "forward-looking statements" and "about us"
  const bio = makeArticle(42, 5); // about 225 words on the author

  it.each([
    ['a 320-word legal block under two releases', (story: string[]) => [...story, ...legal]],
    ['a 320-word legal block under two releases of one 60-90-word paragraph', (story: string[]) => [story.join(' ').split(' ').slice(0, 60 + (story.length * 7) % 30).join(' '), ...legal]],
    ['a 225-word author bio under two columns', (story: string[]) => [...story, ...bio]],
  ])('%s: never the same story, on two sites or one', async (_name, withBlock) => {
    for (const [a, b] of [[0, 1], [2, 3], [1, 2]] as const) {
      for (const sites of [['https://one.example/a', 'https://two.example/b'], ['https://one.example/a', 'https://one.example/b']]) {
        for (const [first, second] of [[a, b], [b, a]] as const) {
          const db = await freshHistory();
          await read(db, sites[0]!, withBlock(stories[first]!));
          const verdict = await read(db, sites[1]!, withBlock(stories[second]!));
          expect(verdict.sightings, `stories ${first} then ${second} at ${sites.join(' and ')}`).toEqual([]);
          db.close();
        }
      }
    }
  });
});

describe('different stories under one standard editor’s note', () => {
  const note = makeArticle(43, 6); // about 270 words
  it('are never the same story; a copy of one under the note is', async () => {
    for (const [a, b] of [[makeArticle(51, 4), makeArticle(52, 4)], [makeArticle(53, 5), makeArticle(54, 3)]] as const) {
      for (const [first, second] of [[a, b], [b, a]] as const) {
        const db = await freshHistory();
        await read(db, 'https://one.example/a', [...note, ...first]);
        expect((await read(db, 'https://two.example/b', [...note, ...second])).sightings).toEqual([]);
        // The same story under the note, cut after three paragraphs, is a copy of one of them only.
        const copy = await read(db, 'https://three.example/c', [...note, ...first.slice(0, 3)]);
        expect(copy.sightings.map((s) => s.url)).toEqual(['https://one.example/a']);
        db.close();
      }
    }
  });
});
