/**
 * Whether a paragraph is only a date or time line ("Updated Saturday, December 6, 2026 at 10:45
 * a.m. EST", "Publié le 6 décembre 2026 à 10 h 45"): news pages rewrite it on every edit, so a
 * new one alone never makes a page "updated since you read it". Tokens as tokenise() gives them.
 *
 * A date line holds a number, and besides numbers and short words (at, a.m., GMT, le, um, de…)
 * (in any script's digits) at most four words: "last updated", a weekday and a month, or a place. No list of names (the
 * content script's size budget): prose that passes is not counted as news either, so the test
 * errs towards telling no update, never towards a false one.
 */
const LONGER_WORDS = 4;

export function isDateLine(tokens: readonly string[]): boolean {
  let longer = 0;
  let dated = false;
  for (const token of tokens) {
    if (/^\p{Nd}+$/u.test(token)) dated = true;
    else if (token.length > 3 && ++longer > LONGER_WORDS) return false;
  }
  return dated;
}
