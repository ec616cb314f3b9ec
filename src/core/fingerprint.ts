import { clip } from './clip.ts';
import { isDateLine } from './date-line.ts';
import { normalise } from './normalise.ts';
import { countWords, tokenise } from './tokenise.ts';
import { hashString } from './hash.ts';
import { shingleHashes, sortedSet } from './shingle.ts';
import { bottomK, winnow } from './sketch.ts';
import { runSteps } from './steps.ts';

/**
 * Beyond this many tokens (about ten printed pages) the rest of a text is not fingerprinted: copies
 * of a story are compared on their first 5,000 words. Pages are cut to about as much text before
 * Readability (TEXT_BUDGET in src/content/extract.ts), which keeps its parse short.
 */
export const MAX_TOKENS = 5_000;
/**
 * Characters of one paragraph normalised, and of the normalised text tokenised: the page's text
 * budget (TEXT_BUDGET) holds inside a paragraph too (BENCHMARKS.md, "Text budget").
 */
export const MAX_PARAGRAPH_CHARS = 6 * MAX_TOKENS;
/** Paragraph hashes kept for "what's new"; a longer article keeps its first ones. */
export const MAX_PARAGRAPHS = 200;
/** Shorter paragraphs ("ADVERTISEMENT", a photo credit) are not hashed: they recur everywhere. */
export const MIN_PARAGRAPH_TOKENS = 8;
/**
 * Paragraph hashes keep this many bits: they are stored for every article, and only ever compared
 * with the paragraphs of one page (chance coincidences are allowed for: sharedParagraphs()).
 */
export const PARAGRAPH_BITS = 16;
/** A 32-bit paragraph hash (as stored before schema 4) as it is kept now. */
export const foldParagraph = (hash: number): number => hash & (2 ** PARAGRAPH_BITS - 1);

export interface Fingerprint {
  /** Words, as a reader counts them. */
  words: number;
  /** Every distinct shingle hash, sorted: the exact set, used when this text is compared now. */
  hashes: number[];
  /** Bottom-k sample of `hashes`: what is stored to compare against later texts. */
  sketch: number[];
  /** Winnowed fingerprints in text order: the look-up keys. */
  keys: number[];
  /** One PARAGRAPH_BITS-bit hash per paragraph of at least MIN_PARAGRAPH_TOKENS tokens, in order. */
  paragraphs: number[];
  /** Those of `paragraphs` that are only a date or time line (isDateLine): a new one is no update. */
  stamps: number[];
}

export function fingerprint(paragraphs: readonly string[]): Fingerprint {
  return runSteps(fingerprintSteps(paragraphs));
}

/** fingerprint() in two steps, for a page that runs each in its own task: it yields after tokenising. */
export function* fingerprintSteps(paragraphs: readonly string[]): Generator<'tokens', Fingerprint> {
  const tokens: string[] = [];
  const paragraphHashes: number[] = [];
  const stamps: number[] = [];
  for (const paragraph of paragraphs) {
    if (tokens.length >= MAX_TOKENS) break;
    const words = tokenise(clip(normalise(clip(paragraph, MAX_PARAGRAPH_CHARS)), MAX_PARAGRAPH_CHARS));
    if (words.length === 0) continue;
    if (words.length >= MIN_PARAGRAPH_TOKENS && paragraphHashes.length < MAX_PARAGRAPHS) {
      const hash = hashTokens(words);
      paragraphHashes.push(hash);
      if (isDateLine(words)) stamps.push(hash);
    }
    for (const word of words) tokens.push(word);
  }
  tokens.length = Math.min(tokens.length, MAX_TOKENS);
  yield 'tokens';
  const inOrder = shingleHashes(tokens);
  const hashes = sortedSet(inOrder);
  return {
    words: countWords(tokens),
    hashes,
    sketch: bottomK(hashes),
    keys: winnow(inOrder),
    paragraphs: paragraphHashes,
    stamps,
  };
}

const hashTokens = (tokens: readonly string[]) => foldParagraph(hashString(tokens.join(' ')));

/** The hash a paragraph is stored under, or null for one too short to be hashed. */
export function paragraphHash(text: string): number | null {
  const tokens = tokenise(normalise(text));
  return tokens.length >= MIN_PARAGRAPH_TOKENS ? hashTokens(tokens) : null;
}

/** Splits plain text into paragraphs on blank lines (or single newlines when there are none). */
export function splitParagraphs(text: string): string[] {
  const byBlank = text.split(/\n\s*\n/);
  const parts = byBlank.length > 1 ? byBlank : text.split(/\n/);
  return parts.map((p) => p.trim()).filter((p) => p.length > 0);
}
