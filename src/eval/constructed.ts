/**
 * Constructed pairs for the evaluation (issue 15): copies of real stories (the corpus's gold
 * texts) that must be recognised as the same story, and hard negatives (different stories sharing
 * boilerplate) that must not. Deterministic for a seed; each pair has its own generator, so a pair
 * does not change when stories are added or removed.
 */
import * as edit from './constructed-edits.ts';
import { below, seeded, shuffled, wordCount, type Random } from './constructed-edits.ts';
import { AUTHOR_BIO, COMPANIES, EDITORS_NOTE, LEGAL_BLOCK, OUTLETS, PEOPLE, SITE_FOOTER, SITE_HEADER, fill } from './constructed-text.ts';

export interface Story {
  id: string;
  title: string;
  paragraphs: string[];
}

export interface ConstructedPage {
  url: string;
  title: string;
  paragraphs: string[];
}

export type Kind = 'copy' | 'negative';

export interface ConstructedPair {
  variant: string;
  kind: Kind;
  /** The story (copies) or the two stories (negatives) the pair is made of. */
  stories: string[];
  /** The original (copies), or the first story. */
  a: ConstructedPage;
  b: ConstructedPage;
}

/** Stories this long or longer are copied. */
export const COPY_MIN_WORDS = 150;
/** Negatives pair short stories: shared boilerplate weighs most against a short text. */
export const SHORT_WORDS: [number, number] = [130, 200];

type Copy = (story: Story, random: Random, donors: () => Story[]) => { title?: string; paragraphs: string[] | null };

export const COPIES: Record<string, Copy> = {
  'truncated to 60 %': (s) => ({ paragraphs: edit.truncate(s.paragraphs, 0.6) }),
  'truncated to 40 %': (s) => ({ paragraphs: edit.truncate(s.paragraphs, 0.4) }),
  'truncated to a third': (s) => ({ paragraphs: edit.truncate(s.paragraphs, 1 / 3) }),
  dateline: (s) => ({ paragraphs: edit.dateline(s.paragraphs) }),
  'new headline': (s, r) => {
    const title = edit.newHeadline(s.title, r);
    return { title, paragraphs: [title, ...s.paragraphs] };
  },
  'inserted lines': (s, r) => ({ paragraphs: edit.insertLines(s.paragraphs, r) }),
  typography: (s, r) => ({ paragraphs: edit.typography(s.paragraphs, r) }),
  'paragraphs split and merged': (s, r) => ({ paragraphs: edit.resplit(s.paragraphs, r) }),
  'middle paragraph dropped': (s, r) => ({ paragraphs: edit.dropParagraph(s.paragraphs, r) }),
  "250-350-word editor's note first": (s, r, donors) => ({
    paragraphs: [...edit.preface(donors().map((d) => d.paragraphs), 250 + below(r, 101)), ...s.paragraphs],
  }),
  'second half first': (s) => ({ paragraphs: edit.reorder(s.paragraphs) }),
  'second half alone': (s) => ({ paragraphs: edit.secondHalf(s.paragraphs) }),
};

type Negative = (a: Story, b: Story, index: number) => [string[], string[]];

const around = (before: readonly string[], story: Story, after: readonly string[]) => [...before, ...story.paragraphs, ...after];

export const NEGATIVES: Record<string, Negative> = {
  'shared legal block (~310 words) after': (a, b, i) => {
    const [Company, Ticker, City] = COMPANIES[i % COMPANIES.length]!;
    const block = fill(LEGAL_BLOCK, { Company, Ticker, City });
    return [around([], a, block), around([], b, block)];
  },
  'shared author bio (~170 words) after': (a, b, i) => {
    const bio = fill(AUTHOR_BIO, { Name: PEOPLE[i % PEOPLE.length]! });
    return [around([], a, bio), around([], b, bio)];
  },
  "shared editor's note (~250 words) first": (a, b, i) => {
    const note = fill(EDITORS_NOTE, { Outlet: OUTLETS[i % OUTLETS.length]! });
    return [around(note, a, []), around(note, b, [])];
  },
  'same site, shared header and footer (~80 words)': (a, b, i) => {
    const slots = { Outlet: OUTLETS[i % OUTLETS.length]! };
    return [around(fill(SITE_HEADER, slots), a, fill(SITE_FOOTER, slots)), around(fill(SITE_HEADER, slots), b, fill(SITE_FOOTER, slots))];
  },
};

export const SAME_SITE = 'same site, shared header and footer (~80 words)';

const slug = (id: string) => id.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
const variantSlug = (variant: string) => slug(variant.replace(/%/g, 'pc').replace(/'/g, ''));

/** Every copy of every long enough story, then every negative over pairs of short stories. */
export function buildConstructed(stories: readonly Story[], seed = 1): ConstructedPair[] {
  const pairs: ConstructedPair[] = [];
  const long = stories.filter((s) => wordCount(s.paragraphs) >= COPY_MIN_WORDS);
  for (const [variant, copy] of Object.entries(COPIES)) {
    for (const story of long) {
      const random = seeded(seed, `${variant}\t${story.id}`);
      const donors = () => shuffled(random, stories.filter((s) => s.id !== story.id)).slice(0, 4);
      const made = copy(story, random, donors);
      if (!made.paragraphs) continue;
      const id = slug(story.id);
      pairs.push({
        variant, kind: 'copy', stories: [story.id],
        a: { url: `https://a-${id}.example/story/${id}`, title: story.title, paragraphs: story.paragraphs },
        b: { url: `https://b-${id}.example/${variantSlug(variant)}/${id}`, title: made.title ?? story.title, paragraphs: made.paragraphs },
      });
    }
  }
  const short = stories.filter((s) => {
    const n = wordCount(s.paragraphs);
    return n >= SHORT_WORDS[0] && n <= SHORT_WORDS[1];
  });
  // Each short story with the next of a seeded ring: every story in two pairs, no pair twice.
  const ring = shuffled(seeded(seed, 'negatives'), short);
  const couples = ring.length < 2 ? [] : ring.length === 2 ? [[ring[0]!, ring[1]!]] : ring.map((s, i) => [s, ring[(i + 1) % ring.length]!]);
  for (const [variant, negative] of Object.entries(NEGATIVES)) {
    couples.forEach(([a, b], i) => {
      const [pa, pb] = negative(a!, b!, i);
      const [ia, ib] = [slug(a!.id), slug(b!.id)];
      const [hostA, hostB] = variant === SAME_SITE ? [`site-${ia}-${ib}`, `site-${ia}-${ib}`] : [`a-${ia}`, `b-${ib}`];
      pairs.push({
        variant, kind: 'negative', stories: [a!.id, b!.id],
        a: { url: `https://${hostA}.example/${variantSlug(variant)}/${ia}`, title: a!.title, paragraphs: pa },
        b: { url: `https://${hostB}.example/${variantSlug(variant)}/${ib}`, title: b!.title, paragraphs: pb },
      });
    });
  }
  return pairs;
}

/** A gold text's paragraphs: its non-empty lines (blank lines and single newlines both separate). */
export const goldParagraphs = (gold: string) => gold.split(/\r?\n/).map((line) => line.replace(/\s+/g, ' ').trim()).filter((line) => line !== '');
