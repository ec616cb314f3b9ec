/**
 * Republished copies, edited as republishers edit them, must be recognised in every language and
 * in both reading orders (the copy may be read before the original).
 */
import { describe, expect, it } from 'vitest';
import { articlePage } from '../fixtures/html.ts';
import { EDITS, editCombinations } from '../fixtures/edits.ts';
import { freshHistory } from '../fixtures/db.ts';
import { STORIES } from '../fixtures/stories.ts';
import { read, visit } from '../fixtures/visit.ts';

const combinations = editCombinations();

describe.each(STORIES)('a $lang story', (story) => {
  it.each(combinations)('is recognised after: %s', async (_name, edit) => {
    const copy = edit(story.paragraphs);
    for (const [first, second] of [[story.paragraphs, copy], [copy, story.paragraphs]] as const) {
      const db = await freshHistory();
      await read(db, 'https://original.example/story', first);
      const verdict = await read(db, 'https://republisher.example/copy', second);
      expect(verdict.otherSites, `${verdict.sightings.length} sightings`).toBe(1);
      db.close();
    }
  });

  it.each(Object.entries(EDITS))('is recognised in a web page after: %s', async (_name, edit) => {
    const db = await freshHistory();
    const original = articlePage({ title: story.title, paragraphs: story.paragraphs, site: 'Original Times' });
    const copy = articlePage({ title: `Copy: ${story.title}`, paragraphs: edit(story.paragraphs), site: 'Republisher Daily', extra: '<p>Sign up for our morning newsletter and never miss a story again, it is free.</p>' });
    expect(await visit(db, 'https://original.example/story', original)).toMatchObject({ kind: 'recorded' });
    const verdict = await visit(db, 'https://republisher.example/copy', copy);
    expect(verdict).toMatchObject({ kind: 'seen', otherSites: 1 });
    db.close();
  });
});
