import { describe, expect, it } from 'vitest';
import { unlinkArticle } from '../../src/history/commands.ts';
import { checkReport, recordReport } from '../../src/history/record-report.ts';
import { DEFAULT_THRESHOLDS } from '../../src/core/index.ts';
import { allArticles } from '../../src/history/articles.ts';
import type { HistoryDB } from '../../src/history/schema.ts';
import { freshHistory } from '../fixtures/db.ts';
import { reportFor } from '../fixtures/reports.ts';
import { makeArticle } from '../fixtures/text.ts';

const HOUR = 3_600_000;

async function storyOf(db: HistoryDB, url: string): Promise<number> {
  const found = (await allArticles(db)).find((a) => a.url === url);
  if (!found) throw new Error(`${url} is not recorded`);
  return found.story;
}

// Issue 14: the history keeps the reader's word and loses nothing.
describe('joining stories', () => {
  it('a page carrying two stories reports both but joins one: the two stay apart', async () => {
    const db = await freshHistory();
    const a = makeArticle(61, 4);
    const b = makeArticle(62, 3);
    await recordReport(db, reportFor('https://one.example/a', a), HOUR);
    await recordReport(db, reportFor('https://two.example/b', b), 2 * HOUR);
    const digest = await recordReport(db, reportFor('https://three.example/digest', [...a, ...b]), 3 * HOUR);
    // Both reported: the story it joins as sightings (counted on the badge), the other as text it shares.
    expect([...digest.sightings, ...digest.partial].map((s) => s.site).sort()).toEqual(['one.example', 'two.example']);
    expect(digest.sightings).toHaveLength(1);
    expect(digest.otherSites).toBe(1);
    expect(await storyOf(db, 'https://one.example/a')).not.toBe(await storyOf(db, 'https://two.example/b'));

    // A later copy of B is told about B, never about A, which shares none of it.
    const copy = await recordReport(db, reportFor('https://four.example/b', b), 4 * HOUR);
    expect(copy.sightings.map((s) => s.site)).toContain('two.example');
    expect(copy.sightings.map((s) => s.site)).not.toContain('one.example');
    expect(copy.otherSites).toBe(new Set(copy.sightings.map((s) => s.site)).size);
    for (const s of copy.sightings) expect(s.containment).toBeGreaterThan(0.5);
    expect(await storyOf(db, 'https://one.example/a')).not.toBe(await storyOf(db, 'https://two.example/b'));
    expect(await storyOf(db, 'https://four.example/b')).toBe(await storyOf(db, 'https://two.example/b'));
  });

  it('still merges two stories whose texts are one story both ways', async () => {
    const db = await freshHistory();
    const story = makeArticle(63, 14);
    // Kept apart at first by the strict sensitivity: 6 paragraphs of 10 shared, both ways.
    await recordReport(db, reportFor('https://one.example/a', story.slice(0, 10)), HOUR);
    await recordReport(db, reportFor('https://two.example/b', story.slice(4)), 2 * HOUR, { ...DEFAULT_THRESHOLDS, sameStory: 0.7 });
    expect(await storyOf(db, 'https://one.example/a')).not.toBe(await storyOf(db, 'https://two.example/b'));
    const full = await recordReport(db, reportFor('https://three.example/c', story), 3 * HOUR);
    expect(full.otherSites).toBe(2);
    expect(new Set((await allArticles(db)).map((r) => r.story)).size).toBe(1);
  });

  it('"Not the same story" holds when a later page matches both', async () => {
    const db = await freshHistory();
    const a = makeArticle(71, 10);
    await recordReport(db, reportFor('https://one.example/a', a), HOUR);
    const b = await recordReport(db, reportFor('https://two.example/b', a.slice(0, 7)), 2 * HOUR);
    expect(b.otherSites).toBe(1);
    expect(await unlinkArticle(db, b.articleId!)).toBe(true);

    const c = await recordReport(db, reportFor('https://three.example/c', a), 3 * HOUR);
    expect([...c.sightings, ...c.partial].map((s) => s.site).sort()).toEqual(['one.example', 'two.example']);
    expect(c.sightings.map((s) => s.site)).toEqual(['one.example']);
    const storyA = await storyOf(db, 'https://one.example/a');
    const storyB = await storyOf(db, 'https://two.example/b');
    expect(storyB).toBe(b.articleId);
    expect(storyA).not.toBe(storyB);
    expect(await storyOf(db, 'https://three.example/c')).toBe(storyA);

    // A copy of B joins B's story, not A's, and B is still told nothing of A.
    await recordReport(db, reportFor('https://four.example/b', a.slice(0, 7)), 4 * HOUR);
    expect(await storyOf(db, 'https://one.example/a')).not.toBe(await storyOf(db, 'https://two.example/b'));
    const again = await checkReport(db, reportFor('https://two.example/b', a.slice(0, 7)), 5 * HOUR);
    expect(again.sightings.map((s) => s.site)).not.toContain('one.example');
    expect(again.otherSites).toBe(again.sightings.filter((s) => s.relation === 'other-site').length);
  });

  it('a digest read first does not carry its stories into one: a copy of B is not told of a copy of A', async () => {
    for (const k of [1, 2]) {
      const db = await freshHistory();
      const a = makeArticle(61, 6);
      const b = makeArticle(62, 6);
      await recordReport(db, reportFor('https://three.example/digest', [...a.slice(0, k), ...b.slice(0, 4)]), HOUR);
      await recordReport(db, reportFor('https://one.example/a', a.slice(0, k)), 2 * HOUR);
      const copyOfB = await recordReport(db, reportFor('https://two.example/b', b.slice(0, 4)), 3 * HOUR);
      expect(copyOfB.sightings.map((s) => s.site)).not.toContain('one.example');
      expect(await storyOf(db, 'https://one.example/a')).not.toBe(await storyOf(db, 'https://two.example/b'));
    }
  });
});
