import { describe, expect, it } from 'vitest';
import * as edit from '../../src/eval/constructed-edits.ts';
import { buildConstructed, COPIES, goldParagraphs, NEGATIVES, SAME_SITE, type Story } from '../../src/eval/constructed.ts';
import { LEGAL_BLOCK, INSERTED_LINES, fill } from '../../src/eval/constructed-text.ts';

/** A made-up story of `n` paragraphs of three sentences each (sixteen words a sentence). */
function story(id: string, n: number, title = `Headline of ${id}`): Story {
  const paragraphs = Array.from({ length: n }, (_, p) =>
    [0, 1, 2].map((s) => `The council of ${id} said "it's paragraph ${p} sentence ${s}" - first filed in Flint today.`).join(' '));
  return { id, title, paragraphs };
}

const long = story('alpha', 8); // 8 × 3 × 16 = 384 words
const count = edit.wordCount;

describe('constructed edits', () => {
  it('truncates to a share of the words, never under the recording floor, cutting mid-paragraph', () => {
    expect(count(long.paragraphs)).toBe(384);
    const cut = edit.truncate(long.paragraphs, 0.6)!;
    expect(count(cut)).toBe(230);
    expect(long.paragraphs.join(' ').startsWith(cut.join(' '))).toBe(true);
    expect(count(edit.truncate(long.paragraphs, 1 / 3)!)).toBe(edit.MIN_COPY_WORDS);
    expect(edit.truncate(story('short', 2).paragraphs, 0.4)).toBeNull(); // 96 words: nothing to cut
  });

  it('adds a dateline before the first paragraph', () => {
    expect(edit.dateline(long.paragraphs)).toEqual([`WASHINGTON (Reuters) - ${long.paragraphs[0]}`, ...long.paragraphs.slice(1)]);
  });

  it('inserts two to four boilerplate lines between paragraphs, keeping every paragraph in order', () => {
    const out = edit.insertLines(long.paragraphs, edit.mulberry32(7));
    const inserted = out.filter((p) => !long.paragraphs.includes(p));
    expect(inserted.length).toBeGreaterThanOrEqual(2);
    expect(inserted.length).toBeLessThanOrEqual(4);
    expect(out.filter((p) => long.paragraphs.includes(p))).toEqual(long.paragraphs);
    expect(out[0]).toBe(long.paragraphs[0]);
    const shapes = INSERTED_LINES.map((l) => l.replace('{Title}', ''));
    for (const line of inserted) expect(shapes.some((s) => line.startsWith(s))).toBe(true);
  });

  it('changes typography only: the same text once normalised', () => {
    const out = edit.typography(long.paragraphs, edit.mulberry32(3));
    const text = out.join('\n');
    expect(text).toMatch(/[“”]/);
    expect(text).toMatch(/[—–]/);
    expect(text).toContain('\u00a0');
    expect(text).toContain('\ufb01'); // "filed" with a ligature
    expect(text).toContain('’');
    const plain = (s: string) => s.normalize('NFKC').toLowerCase().replace(/[“”]/g, '"').replace(/’/g, "'").replace(/[—–]/g, '-').replace(/\s+/g, ' ');
    expect(plain(text)).toBe(plain(long.paragraphs.join('\n')));
    expect(text).not.toBe(long.paragraphs.join('\n'));
  });

  it('splits and merges paragraphs differently, the sentences unchanged', () => {
    const out = edit.resplit(long.paragraphs, edit.mulberry32(5));
    expect(out).not.toEqual(long.paragraphs);
    expect(out.join(' ')).toBe(long.paragraphs.join(' '));
  });

  it('drops one middle paragraph', () => {
    const out = edit.dropParagraph(long.paragraphs, edit.mulberry32(1))!;
    expect(out).toHaveLength(7);
    expect(out[0]).toBe(long.paragraphs[0]);
    expect(out[6]).toBe(long.paragraphs[7]);
    expect(edit.dropParagraph(long.paragraphs.slice(0, 2), edit.mulberry32(1))).toBeNull();
  });

  it('puts the second half first, or alone, cut at the middle paragraph or sentence', () => {
    expect(edit.reorder(long.paragraphs)).toEqual([...long.paragraphs.slice(4), ...long.paragraphs.slice(0, 4)]);
    expect(edit.secondHalf(long.paragraphs)).toEqual(long.paragraphs.slice(4));
    const one = [long.paragraphs.join(' ')];
    const [first, second] = edit.halves(one);
    expect(`${first![0]} ${second![0]}`).toBe(one[0]);
    expect(Math.abs(count(first!) - count(second!))).toBeLessThanOrEqual(15);
    expect(edit.secondHalf(story('short', 4).paragraphs)).toBeNull(); // 96 words in halves of 48
  });

  it('makes an editor\'s note of the asked length from other stories', () => {
    const note = edit.preface([story('beta', 4).paragraphs, story('gamma', 4).paragraphs], 300);
    expect(count(note)).toBe(302); // "Editor's note:" adds two words
    expect(note[0]).toMatch(/^Editor's note: The council of beta/);
    expect(note.join(' ')).toContain('gamma');
  });

  it('splits gold text into paragraphs on single or blank lines', () => {
    expect(goldParagraphs('One  two.\n\nThree.\r\nFour.\n   \n')).toEqual(['One two.', 'Three.', 'Four.']);
  });
});

describe('constructed pairs', () => {
  const stories = [long, story('beta', 9), story('gamma', 4), story('delta', 3), story('epsilon', 3), story('zeta', 3)];

  it('is the same for a seed and differs for another', () => {
    expect(buildConstructed(stories, 1)).toEqual(buildConstructed(stories, 1));
    expect(buildConstructed(stories, 2)).not.toEqual(buildConstructed(stories, 1));
  });

  it('copies every long enough story in every variant that applies, on another site', () => {
    const copies = buildConstructed(stories, 1).filter((p) => p.kind === 'copy');
    expect(new Set(copies.map((p) => p.variant))).toEqual(new Set(Object.keys(COPIES)));
    for (const p of copies) {
      expect(p.a.paragraphs).toEqual(stories.find((s) => s.id === p.stories[0])!.paragraphs);
      expect(new URL(p.a.url).hostname).not.toBe(new URL(p.b.url).hostname);
    }
    const headline = copies.find((p) => p.variant === 'new headline')!;
    expect(headline.b.title).not.toBe(headline.a.title);
    expect(headline.b.paragraphs[0]).toBe(headline.b.title);
    for (const p of copies.filter((c) => c.variant.includes("editor's note"))) {
      const note = p.b.paragraphs.slice(0, p.b.paragraphs.length - p.a.paragraphs.length);
      expect(p.b.paragraphs.slice(note.length)).toEqual(p.a.paragraphs);
      expect(count(note)).toBeGreaterThanOrEqual(250);
      expect(count(note)).toBeLessThanOrEqual(352);
      expect(note.join(' ')).not.toContain(`of ${p.stories[0]} said`);
    }
  });

  it('pairs short stories for the negatives, each with the same block, one site only for the template', () => {
    const negatives = buildConstructed(stories, 1).filter((p) => p.kind === 'negative');
    const short = stories.filter((s) => count(s.paragraphs) >= 130 && count(s.paragraphs) <= 200).length;
    expect(short).toBe(4); // gamma (192 words), delta, epsilon and zeta (144): a ring of four pairs
    expect(negatives).toHaveLength(Object.keys(NEGATIVES).length * 4);
    for (const id of ['gamma', 'delta', 'epsilon', 'zeta']) {
      expect(negatives.filter((p) => p.variant === SAME_SITE && p.stories.includes(id))).toHaveLength(2);
    }
    const legal = negatives.find((p) => p.variant.startsWith('shared legal block'))!;
    expect(legal.stories[0]).not.toBe(legal.stories[1]);
    const tail = (ps: string[]) => ps.slice(-LEGAL_BLOCK.length);
    expect(tail(legal.a.paragraphs)).toEqual(tail(legal.b.paragraphs));
    expect(tail(legal.a.paragraphs)).toEqual(fill(LEGAL_BLOCK, { Company: 'Northwind Systems Inc.', Ticker: 'NWSY', City: 'Austin, Texas' }));
    const site = negatives.find((p) => p.variant === SAME_SITE)!;
    expect(new URL(site.a.url).hostname).toBe(new URL(site.b.url).hostname);
    expect(new URL(legal.a.url).hostname).not.toBe(new URL(legal.b.url).hostname);
  });
});
