/**
 * Headlines as links show them: a link whose text is the headline of an article read is marked as
 * read. Both sides go through `headlineKey`, so a stored title and a link's text agree despite case,
 * typography, punctuation and a site's name after a separator. Short and generic headlines never
 * match ("Live updates", "Opinion", a site's name: many stories, or none, share them).
 */
import { hashString } from './hash.ts';
import { normalise } from './normalise.ts';
import { countWords, tokenise } from './tokenise.ts';

/** Fewer words than this never match by text: "Live updates", "Opinion", a site's name, "Read more". */
export const MIN_HEADLINE_WORDS = 5;
/** Link text longer than this is a teaser's whole card, not a headline. */
export const MAX_HEADLINE_LENGTH = 300;

/** Labels before the headline proper ("Opinion: …"): left out, so the rest must carry 5 words. */
const LABEL = /^(?:live updates?|live|updated|breaking(?: news)?|opinion|analysis|watch|video|photos?|exclusive|explainer|editorial|podcast)\s*[:|-]\s*/;
/** Generic headlines of 5 words or more, normalised: the same on many pages of one site. */
const GENERIC = new Set(['what we know so far', 'heres what you need to know', 'what you need to know today', 'the latest news and updates', 'everything you need to know']);
/** A separator before a site's or section's name: "Headline | Site", "Headline - Site". */
const SEPARATOR = / [|\-·•] /g;

/**
 * The normalised headline a title or link text stands for; null when it must never match by text
 * (too short, generic, or too long to be a headline).
 */
export function headlineKey(text: string): string | null {
  if (text.length > MAX_HEADLINE_LENGTH) return null;
  let folded = normalise(text).replace(LABEL, '');
  // The part before the first separator, when it is a headline on its own (a site's name cut off).
  for (const match of folded.matchAll(SEPARATOR)) {
    const before = folded.slice(0, match.index);
    if (countWords(tokenise(before)) >= MIN_HEADLINE_WORDS) {
      folded = before;
      break;
    }
  }
  // Unicode words, apostrophes dropped; a character of Chinese or Japanese counts as half a word.
  const words = tokenise(folded);
  const key = words.join(' ');
  return countWords(words) < MIN_HEADLINE_WORDS || GENERIC.has(key) ? null : key;
}

/** The 32-bit hash a headline is indexed under; null for one that never matches. */
export function headlineHash(text: string): number | null {
  const key = headlineKey(text);
  return key === null ? null : hashString(`\u0002${key}`);
}
