/**
 * The edits that make a constructed copy of a story, as pure functions of its paragraphs and a
 * seeded random generator: what republishers do to a syndicated story (test/fixtures/edits.ts has
 * the fixed versions the margin tests use). An edit that cannot apply to a text gives null.
 */
import { HEADLINES, INSERTED_LINES, fill } from './constructed-text.ts';
import { seededRandom } from '../bench/random.ts';

/** A deterministic generator of floats in [0, 1) (mulberry32, the benchmark's). */
export type Random = () => number;

export const mulberry32: (seed: number) => Random = seededRandom;

/** A generator for one labelled use of a seed: its draws do not depend on any other label's. */
export function seeded(seed: number, label: string): Random {
  let h = 0x811c9dc5;
  for (let i = 0; i < label.length; i++) h = Math.imul(h ^ label.charCodeAt(i), 0x01000193);
  return mulberry32((h ^ Math.imul(seed, 0x9e3779b1)) >>> 0);
}

export const below = (random: Random, n: number) => Math.floor(random() * n);
export const pick = <T>(random: Random, items: readonly T[]): T => items[below(random, items.length)]!;

export function shuffled<T>(random: Random, items: readonly T[]): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = below(random, i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

export const words = (text: string) => text.split(/\s+/).filter((w) => w !== '');
export const wordCount = (paragraphs: readonly string[]) => paragraphs.reduce((n, p) => n + words(p).length, 0);

/** Sentences, each with its closing punctuation (and quote); a text without any is one sentence. */
export function sentences(paragraph: string): string[] {
  return paragraph.split(/(?<=[.!?]["'”’)]?)\s+(?=["'“‘(]?[\p{Lu}\p{N}])/u).map((s) => s.trim()).filter((s) => s !== '');
}

/**
 * The extension records no page under 120 words (MIN_WORDS in src/content/extract.ts): a copy cut
 * shorter could never be found, so truncations keep at least this many words (a margin over 120
 * for the tokens a word such as "-" does not make).
 */
export const MIN_COPY_WORDS = 130;

/** The first `share` of the words, at least MIN_COPY_WORDS, the last paragraph cut mid-way as a teaser is. */
export function truncate(paragraphs: readonly string[], share: number): string[] | null {
  const total = wordCount(paragraphs);
  let left = Math.max(Math.round(total * share), MIN_COPY_WORDS);
  if (left >= total) return null;
  const out: string[] = [];
  for (const p of paragraphs) {
    if (left <= 0) break;
    const w = words(p);
    out.push(w.slice(0, left).join(' '));
    left -= w.length;
  }
  return out;
}

export const dateline = ([first = '', ...rest]: readonly string[]) => [`WASHINGTON (Reuters) - ${first}`, ...rest];

export function newHeadline(title: string, random: Random): string {
  const others = HEADLINES.filter((h) => h !== title);
  return pick(random, others);
}

/** Two to four lines ("Advertisement", "Read more: …") between paragraphs, or after a lone one. */
export function insertLines(paragraphs: readonly string[], random: Random): string[] {
  const gaps = Math.max(paragraphs.length - 1, 1);
  const count = Math.min(2 + below(random, 3), gaps);
  const at = new Set(shuffled(random, [...Array(gaps).keys()]).slice(0, count));
  const line = () => fill([pick(random, INSERTED_LINES)], { Title: pick(random, HEADLINES) })[0]!;
  return paragraphs.flatMap((p, i) => (at.has(i) ? [p, line()] : [p]));
}

const LIGATURES: [RegExp, string][] = [[/fi/g, '\ufb01'], [/fl/g, '\ufb02'], [/ff/g, '\ufb00']];

/**
 * Quotes curly where straight and straight where curly, dashes for hyphens between spaces,
 * ligatures, a non-breaking space for one space in five, and a few words in another case.
 */
export function typography(paragraphs: readonly string[], random: Random): string[] {
  return paragraphs.map((p) => {
    let text = p
      .replace(/[“”]/g, '\u0001').replace(/"([^"]*)"/g, '\u201c$1\u201d').replace(/\u0001/g, '"')
      .replace(/’/g, '\u0002').replace(/'/g, '\u2019').replace(/\u0002/g, "'")
      .replace(/ -{1,2} /g, () => (random() < 0.5 ? ' \u2014 ' : ' \u2013 '));
    for (const [pattern, ligature] of LIGATURES) text = text.replace(pattern, ligature);
    return text
      .split(' ')
      .map((w, i) => {
        const r = random();
        const cased = r < 0.04 ? w.toUpperCase() : r < 0.08 ? w.charAt(0).toUpperCase() + w.slice(1) : w;
        return i === 0 ? cased : (random() < 0.2 ? '\u00a0' : ' ') + cased;
      })
      .join('');
  });
}

/** The same sentences in paragraphs of one to four sentences: split and merged differently. */
export function resplit(paragraphs: readonly string[], random: Random): string[] {
  const all = paragraphs.flatMap(sentences);
  const out: string[] = [];
  for (let i = 0; i < all.length;) {
    const n = 1 + below(random, 4);
    out.push(all.slice(i, i + n).join(' '));
    i += n;
  }
  return out;
}

/**
 * One paragraph removed, neither the first nor the last, leaving at least MIN_COPY_WORDS; null
 * when none can be.
 */
export function dropParagraph(paragraphs: readonly string[], random: Random): string[] | null {
  const total = wordCount(paragraphs);
  const middle = [...paragraphs.keys()].slice(1, -1).filter((i) => total - words(paragraphs[i]!).length >= MIN_COPY_WORDS);
  if (middle.length === 0) return null;
  const drop = pick(random, middle);
  return paragraphs.filter((_, i) => i !== drop);
}

/**
 * The text cut in two near its middle word: at the paragraph boundary closest to it, or for a lone
 * paragraph at the sentence boundary closest to it.
 */
export function halves(paragraphs: readonly string[]): [string[], string[]] {
  const units = paragraphs.length > 1 ? [...paragraphs] : paragraphs.flatMap(sentences);
  const total = wordCount(units);
  let best = 1;
  let bestDistance = Infinity;
  let sum = 0;
  for (let i = 1; i < units.length; i++) {
    sum += words(units[i - 1]!).length;
    const distance = Math.abs(sum - total / 2);
    if (distance < bestDistance) [best, bestDistance] = [i, distance];
  }
  const join = (part: string[]) => (paragraphs.length > 1 ? part : [part.join(' ')]);
  return [join(units.slice(0, best)), join(units.slice(best))];
}

export const reorder = (paragraphs: readonly string[]) => {
  const [first, second] = halves(paragraphs);
  return first.length === 0 || second.length === 0 ? null : [...second, ...first];
};

export const secondHalf = (paragraphs: readonly string[]) => {
  const [, second] = halves(paragraphs);
  return wordCount(second) >= MIN_COPY_WORDS ? second : null;
};

/**
 * An editor's note of `target` words before the story, made of other stories' sentences (distinct
 * prose for every preface), in paragraphs of about 100 words.
 */
export function preface(donors: readonly (readonly string[])[], target: number): string[] {
  const taken: string[] = [];
  for (const donor of donors) {
    for (const w of donor.flatMap(words)) {
      if (taken.length >= target) break;
      taken.push(w);
    }
  }
  taken[0] = `Editor's note: ${taken[0] ?? ''}`;
  const out: string[] = [];
  for (let i = 0; i < taken.length; i += 100) out.push(taken.slice(i, i + 100).join(' '));
  return out;
}
