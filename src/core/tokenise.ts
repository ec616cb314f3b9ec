/**
 * Splits normalised text into tokens: Unicode words (letters, marks and digits, with inner
 * apostrophes dropped so "don't" and "dont" agree), and single characters for scripts written
 * without spaces between words (Han, Hiragana, Katakana, Thai, Lao, Khmer, Myanmar), where
 * character n-grams stand in for word n-grams.
 */

const WORD = /[\p{L}\p{M}\p{N}]+(?:['\u2019][\p{L}\p{M}\p{N}]+)*/gu;
const UNSPACED_SCRIPTS = ['Han', 'Hiragana', 'Katakana', 'Thai', 'Lao', 'Khmer', 'Myanmar'].map((s) => `\\p{Script=${s}}`).join('');
/**
 * A character of an unspaced script, and a run of them split off: made on first use, since their
 * Unicode classes cost milliseconds to build, and a content script that loads this module may not
 * need them before the page has loaded.
 */
let unspaced: { one: RegExp; run: RegExp } | undefined;
const unspacedScripts = () => (unspaced ??= {
  one: new RegExp(`[${UNSPACED_SCRIPTS}]`, 'u'),
  run: new RegExp(`([${UNSPACED_SCRIPTS}]\\p{M}*)`, 'u'),
});

/** WORD for text without a character beyond ASCII (most paragraphs, once normalised): the same words, found faster. */
const ASCII_WORD = /[A-Za-z0-9]+(?:'[A-Za-z0-9]+)*/g;
const BEYOND_ASCII = /[^\x00-\x7f]/;

export function tokenise(normalised: string): string[] {
  if (!BEYOND_ASCII.test(normalised)) {
    const words = normalised.match(ASCII_WORD) ?? [];
    for (let i = 0; i < words.length; i++) if (words[i]!.includes("'")) words[i] = words[i]!.replace(/'/g, '');
    return words;
  }
  const tokens: string[] = [];
  // match() rather than matchAll(): the words alone, without a match object for each.
  for (const found of normalised.match(WORD) ?? []) {
    const word = found.includes("'") || found.includes('\u2019') ? found.replace(/['\u2019]/g, '') : found;
    // Unspaced scripts all start above U+0E00: a cheap test before the Unicode one.
    if (!hasCodeAbove(word, 0x0e00) || !unspacedScripts().one.test(word)) {
      tokens.push(word);
      continue;
    }
    // Mixed runs such as "iphone发布" keep the Latin part whole and split the rest per character.
    for (const part of word.split(unspacedScripts().run)) if (part) tokens.push(part);
  }
  return tokens;
}

function hasCodeAbove(word: string, limit: number): boolean {
  for (let i = 0; i < word.length; i++) if (word.charCodeAt(i) >= limit) return true;
  return false;
}

/**
 * Words as a reader would count them: a character of an unspaced script counts as half a word,
 * about the ratio of characters to words in Chinese and Japanese prose.
 */
export function countWords(tokens: readonly string[]): number {
  let words = 0;
  for (const token of tokens) words += token.length === 1 && unspacedScripts().one.test(token) ? 0.5 : 1;
  return Math.round(words);
}
