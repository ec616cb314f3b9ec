/**
 * The look-up sees the whole text: a copy sharing any long passage with a story, wherever the
 * passage sits in either text, finds it through the stored keys, in both reading orders, among
 * other stories. (Containment decides once the candidate is found: these copies hold all of the
 * shorter text.)
 */
import { describe, expect, it } from 'vitest';
import { freshHistory } from '../fixtures/db.ts';
import { makeArticle } from '../fixtures/text.ts';
import { read } from '../fixtures/visit.ts';

type Copy = (story: string[]) => string[];

const words = (paragraphs: readonly string[]) => paragraphs.join(' ').split(' ').length;
/** A preface of about `count` words of other prose, as an editor's note is. */
const preface = (count: number, seed: number): Copy => (story) => {
  const note = makeArticle(seed, Math.ceil(count / 45));
  while (words(note) > count + 20) note.pop();
  return [...note, ...story];
};
const half = (story: string[]) => Math.ceil(story.length / 2);

const COPIES: Record<string, Copy> = {
  'a 300-word preface first': preface(300, 7_001),
  'a 600-word preface first': preface(600, 7_002),
  'its second half first': (story) => [...story.slice(half(story)), ...story.slice(0, half(story))],
  'its second half alone': (story) => story.slice(half(story)),
  'a 300-word preface, then its first 60%': (story) => preface(300, 7_004)(story.slice(0, Math.ceil(story.length * 0.6))),
  'its middle 40% alone': (story) => story.slice(Math.floor(story.length * 0.3), Math.ceil(story.length * 0.7)),
};

// About 180, 450, 900 and 2,250 words.
const LENGTHS = [4, 10, 20, 50];

describe.each(LENGTHS)('a story of %i paragraphs', (paragraphs) => {
  it.each(Object.entries(COPIES))('is found by a copy with %s, read before or after it', async (_name, copy) => {
    for (let seed = 0; seed < 5; seed++) {
      const story = makeArticle(1_000 + paragraphs * 10 + seed, paragraphs);
      const copied = copy(story);
      for (const [first, second] of [[story, copied], [copied, story]] as const) {
        const db = await freshHistory();
        for (let other = 0; other < 5; other++) await read(db, `https://other${other}.example/a`, makeArticle(9_000 + other, 12));
        await read(db, 'https://original.example/story', first);
        const verdict = await read(db, 'https://republisher.example/copy', second);
        expect(verdict.sightings.map((s) => s.url), `seed ${seed}, ${words(first)} words then ${words(second)}`).toEqual(['https://original.example/story']);
        db.close();
      }
    }
  });
});

describe('a digest of ten stories', () => {
  // The other way round, a story read after the digest finds it only when the story holds one of
  // the digest's 8 stored keys (a fifth of the digest or more holds one; a tenth may not).
  it('finds each story read before it', async () => {
    for (let seed = 0; seed < 4; seed++) {
      const stories = Array.from({ length: 10 }, (_, i) => makeArticle(20_000 + seed * 100 + i, 10));
      const digest = stories.flat();
      const db = await freshHistory();
      for (const [i, story] of stories.entries()) await read(db, `https://site${i}.example/story`, story);
      const verdict = await read(db, 'https://digest.example/today', digest);
      const told = [...verdict.sightings, ...verdict.partial].map((s) => s.url).sort();
      expect(told, `seed ${seed}: the digest read last`).toEqual(stories.map((_, i) => `https://site${i}.example/story`).sort());
      db.close();
    }
  });
});

// A story of a fifth of a stored digest or less may hold none of its anchors (README, known limits).
describe('a digest of three stories read first', () => {
  it('is found by each of its stories read after it', async () => {
    for (let seed = 0; seed < 12; seed++) {
      // Stories of unequal length, so that they sit anywhere along the digest.
      const stories = [6, 9, 12].map((n, i) => makeArticle(30_000 + seed * 10 + i, n + ((seed * (i + 1)) % 5)));
      const db = await freshHistory();
      await read(db, 'https://digest.example/today', stories.flat());
      for (const [i, story] of stories.entries()) {
        // Each story is its own: the digest is shown as a sighting, or as text shared once another story joined it.
        const verdict = await read(db, `https://site${i}.example/story`, story);
        expect([...verdict.sightings, ...verdict.partial].map((s) => s.url), `seed ${seed}, story ${i}`).toContain('https://digest.example/today');
      }
      db.close();
    }
  });
});
