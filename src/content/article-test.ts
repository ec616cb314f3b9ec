/**
 * Whether what Readability kept of a page is an article, judged on its paragraphs after the fact:
 * Readability returns its best block of any page, and on a front page, a section, search results,
 * an inbox or a shop that block is a list of teasers. An article is a passage of running text;
 * a listing is short items, each cut apart from the next by a link (its headline, "Read more").
 * Each limit is set on the corpus's articles (BENCHMARKS.md, "The article gate").
 */
import { NOT_TEXT } from './text-budget.ts';

/** The longest passage of an article without a link-dominated paragraph is at least this many words. */
export const MIN_RUN_WORDS = 65;
/** Link text above this share of all text is a list of links. */
export const MAX_LINK_DENSITY = 0.5;
/** Paragraphs cut short with an ellipsis above this share are snippets (search results, an inbox, excerpts). */
export const MAX_SNIPPET_SHARE = 0.5;
/**
 * Runs of text of PROSE_CHARS characters or more (text between two block boundaries: inline
 * elements such as links and emphasis do not end a run) that a page must hold, in the part kept for
 * Readability, before Readability is run: prose has sentences that long; a data table, a grid of
 * figures or a list of links has none, and Readability would take hundreds of milliseconds to find
 * that out.
 */
export const PROSE_CHARS = 60;
export const PROSE_RUNS = 3;
/** Pages with less text than this are not asked for prose: Readability takes a few milliseconds on them. */
export const PROSE_CHECK_FROM = 6_000;

const INLINE = new Set(['A', 'ABBR', 'B', 'BDI', 'BDO', 'CITE', 'CODE', 'DFN', 'EM', 'FONT', 'I', 'KBD', 'MARK', 'Q', 'S', 'SAMP', 'SMALL', 'SPAN', 'STRONG', 'SUB', 'SUP', 'TIME', 'U', 'VAR', 'WBR']);

/** Whether `root` holds PROSE_RUNS runs of PROSE_CHARS characters of text (a walk that stops there). */
export function holdsProse(root: Node): boolean {
  let found = 0;
  let run = 0;
  const end = () => {
    if (run >= PROSE_CHARS) found++;
    run = 0;
    return found >= PROSE_RUNS;
  };
  const walk = (node: Node): boolean => {
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === 3) {
        run += (child.nodeValue ?? '').trim().length;
        continue;
      }
      if (child.nodeType !== 1) continue;
      const tag = (child as Element).tagName.toUpperCase();
      if (NOT_TEXT.has(tag)) continue;
      const inline = INLINE.has(tag);
      if (!inline && end()) return true;
      if (walk(child)) return true;
      if (!inline && end()) return true;
    }
    return false;
  };
  return walk(root) || end();
}

/** Paragraphs shorter than this (datelines, prices, "Reply") are not counted as snippets or not. */
const SNIPPET_MIN_CHARS = 40;
const ELLIPSIS = /(\.\.\.|…)$/;

/**
 * Why a text is not an article, or null when it is one. `paragraphs` as articleParagraphs gives
 * them, `linked` the characters of link text in each, `words` the words of the whole.
 */
export function notArticleReason(paragraphs: readonly string[], linked: readonly number[], words: number): string | null {
  let chars = 0;
  let linkChars = 0;
  let run = 0;
  let longest = 0;
  let counted = 0;
  let snippets = 0;
  paragraphs.forEach((paragraph, i) => {
    const link = linked[i] ?? 0;
    chars += paragraph.length;
    linkChars += link;
    // A paragraph mostly of link text (a headline, "Read more", a related story) ends a passage.
    run = link * 2 > paragraph.length ? 0 : run + paragraph.length;
    if (run > longest) longest = run;
    if (paragraph.length >= SNIPPET_MIN_CHARS) {
      counted++;
      if (ELLIPSIS.test(paragraph)) snippets++;
    }
  });
  if (linkChars > chars * MAX_LINK_DENSITY) return `mostly links (${Math.round((100 * linkChars) / chars)}% of the text)`;
  // Characters to words at the text's own ratio: no second tokenisation, and right for unspaced scripts.
  const runWords = Math.round((longest * words) / Math.max(chars, 1));
  if (runWords < MIN_RUN_WORDS) return `a listing (longest text between links: ${runWords} words)`;
  if (snippets > counted * MAX_SNIPPET_SHARE) return `snippets (${snippets} of ${counted} paragraphs end in an ellipsis)`;
  return null;
}
