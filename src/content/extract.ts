/**
 * Pulls the article out of a document: Mozilla Readability on a copy (parse() mutates the
 * document it is given) cut to the page's first TEXT_BUDGET characters of text, the article's
 * paragraphs as plain text, and the page's metadata.
 * Works on any DOM implementation (the browser's, linkedom in the command line).
 */
// Readability alone: the package's index also bundles isProbablyReaderable, which is not used.
import Readability from '@mozilla/readability/Readability.js';
import { fingerprint, fingerprintSteps, MAX_TOKENS, type Fingerprint } from '../core/fingerprint.ts';
import { runSteps } from '../core/steps.ts';
import type { Report } from '../protocol.ts';
import { holdsProse, notArticleReason, PROSE_CHARS, PROSE_CHECK_FROM, PROSE_RUNS } from './article-test.ts';
import { bodyParagraphs, jsonLdArticleBody } from './json-ld.ts';
import { articleParagraphs } from './paragraphs.ts';
import { readingCopy } from './reading-copy.ts';
import { cutAfterText } from './text-budget.ts';

/** Fewer words than this is a brief, a teaser or a listing, not an article to remember. */
export const MIN_WORDS = 120;
/** Pages with more elements than this are not parsed (Readability would take seconds). */
export const MAX_ELEMENTS = 60_000;
/**
 * Pages nested deeper than this are not parsed either: Readability's work grows with the square of
 * the depth, and HTML parsers stop nesting at 512 (BENCHMARKS.md, "Reading depth").
 */
export const MAX_DEPTH = 512;
/** Text with a larger share of control characters is binary data served as a page, not prose. */
export const MAX_CONTROL_SHARE = 0.01;
/**
 * Characters of page text Readability is given, in document order and menus included: the rest of
 * the page is cut off its copy first (cutAfterText), as Readability's one parse grows with the page.
 * Six characters a word make it the fingerprint's MAX_TOKENS words (BENCHMARKS.md, "Text budget").
 */
export const TEXT_BUDGET = 6 * MAX_TOKENS;
/** Below this multiple of the minimum length, the page's declared JSON-LD body is looked at too. */
export const TEASER_FACTOR = 3;
/**
 * A page with fewer characters of text than this (scripts and styles aside) cannot hold MIN_WORDS
 * words, two characters a word at the least (a letter and a space; a Chinese character is half a
 * word): an app's shell or an empty page is turned away before Readability, which would retry it
 * four times.
 */
export const MIN_TEXT_CHARS = 2 * MIN_WORDS;

export interface Article {
  article: true;
  title: string;
  siteName: string | null;
  byline: string | null;
  published: string | null;
  lang: string | null;
  canonical: string | null;
  paragraphs: string[];
  fingerprint: Fingerprint;
}

export interface NotArticle {
  article: false;
  reason: string;
}

/** What extractSteps yields: the name of the step just done (the benchmark times them apart). */
export type Step = 'size' | 'copy' | 'cut' | 'readability' | 'paragraphs' | 'tokens' | 'fingerprint';

/** The article of a page, or why it is not one, at once: the command line and the evaluation. */
export function extractArticle(doc: Document, url: string, minWords = MIN_WORDS): Article | NotArticle {
  return runSteps(extractSteps(doc, url, minWords));
}

/**
 * The extraction as steps of bounded work: the content script runs each in its own task
 * (runStepsInTasks), Node runs them back to back (extractArticle).
 */
export function* extractSteps(doc: Document, url: string, minWords = MIN_WORDS): Generator<Step, Article | NotArticle> {
  if (!doc.body) return { article: false, reason: 'no body' };
  if (moreElementsThan(doc, MAX_ELEMENTS)) return { article: false, reason: 'page too large' };
  if (deeperThan(doc.documentElement, MAX_DEPTH)) return { article: false, reason: 'page too deep' };
  yield 'size';
  // The page's JSON-LD article body, read at most once (each read parses its JSON-LD scripts).
  let declaredText: string | null | undefined;
  const declared = () => (declaredText === undefined ? (declaredText = jsonLdArticleBody(doc)) : declaredText);
  let parsed: ReturnType<Readability<Element>['parse']>;
  try {
    const copy = readingCopy(doc);
    yield 'copy';
    // JSON-LD (title, author, date for Readability) often comes last in the body: keep it.
    for (const script of copy.body.querySelectorAll('script[type="application/ld+json" i]')) copy.head?.append(script);
    const text = cutAfterText(copy.body, TEXT_BUDGET);
    if (text < MIN_TEXT_CHARS && !declared()) return { article: false, reason: `too little text (${text} characters)` };
    if (text >= PROSE_CHECK_FROM && !holdsProse(copy.body) && !declared()) return { article: false, reason: `no prose (fewer than ${PROSE_RUNS} runs of ${PROSE_CHARS} characters of text)` };
    yield 'cut';
    // keepClasses: class attributes are never read after Readability; removing them costs time.
    parsed = new Readability<Element>(copy, { serializer: (node) => node as Element, maxElemsToParse: MAX_ELEMENTS, keepClasses: true }).parse();
  } catch (error) {
    return { article: false, reason: `extraction failed: ${String(error)}` };
  }
  yield 'readability';
  const linked: number[] = [];
  let paragraphs = parsed?.content ? articleParagraphs(parsed.content, linked) : [];
  yield 'paragraphs';
  let print = yield* fingerprintSteps(paragraphs);
  yield 'fingerprint';
  // Readability sometimes keeps only a teaser (or nothing) of a page that declares its full body.
  let declaredBody = false;
  if (print.words < minWords * TEASER_FACTOR) {
    const body = declared();
    if (body) {
      const declaredParagraphs = bodyParagraphs(body);
      const declaredPrint = fingerprint(declaredParagraphs);
      if (declaredPrint.words > print.words) [paragraphs, print, declaredBody] = [declaredParagraphs, declaredPrint, true];
    }
  }
  if (print.words === 0) return { article: false, reason: 'no article found' };
  if (isBinary(paragraphs)) return { article: false, reason: 'not text' };
  if (print.words < minWords) return { article: false, reason: `too short (${print.words} words)` };
  // A body the page declares as its article's is one; what Readability kept of a page may be a listing.
  const listing = declaredBody ? null : notArticleReason(paragraphs, linked, print.words);
  if (listing) return { article: false, reason: listing };
  return {
    article: true,
    title: clean(parsed?.title) ?? clean(doc.title) ?? url,
    siteName: clean(parsed?.siteName),
    byline: clean(parsed?.byline),
    published: clean(parsed?.publishedTime),
    lang: clean(parsed?.lang) ?? clean(doc.documentElement?.getAttribute('lang')),
    canonical: canonicalUrl(doc, url),
    paragraphs,
    fingerprint: print,
  };
}

/** `link rel=canonical`, else `og:url`, made absolute against the page URL. */
export function canonicalUrl(doc: Document, url: string): string | null {
  const candidates = [
    doc.querySelector('link[rel~="canonical" i]')?.getAttribute('href'),
    doc.querySelector('meta[property="og:url" i]')?.getAttribute('content'),
  ];
  for (const href of candidates) {
    if (!href) continue;
    try {
      return new URL(href.trim(), url).href;
    } catch {
      // a malformed canonical link is ignored, not fatal
    }
  }
  return null;
}

/** Whether an element lies more than `limit` levels below `root`: a walk that allocates nothing and stops early. */
function deeperThan(root: Element, limit: number): boolean {
  let depth = 0;
  for (let element: Element | null = root; element; ) {
    if (depth > limit) return true;
    const child: Element | null = element.firstElementChild;
    if (child) {
      element = child;
      depth++;
      continue;
    }
    while (element !== root && !element.nextElementSibling) {
      element = element.parentElement!;
      depth--;
    }
    if (element === root) return false;
    element = element.nextElementSibling;
  }
  return false;
}

// White space is already collapsed to plain spaces in paragraphs: any control character left is not text.
const CONTROL = /\p{Cc}/gu;

function isBinary(paragraphs: readonly string[]): boolean {
  const sample = paragraphs.join(' ').slice(0, 100_000);
  return (sample.match(CONTROL)?.length ?? 0) > sample.length * MAX_CONTROL_SHARE;
}

/**
 * Whether a document or subtree has more than `limit` elements. The live collection's length is
 * cheap in browsers; linkedom (the command line) answers 0 for "*", and there a selector query
 * counts them (one pass over its node list, where a walk from child to sibling costs twice that).
 */
export function moreElementsThan(root: Document | Element, limit: number): boolean {
  const live = root.getElementsByTagName('*').length;
  return (live > 0 ? live : root.querySelectorAll('*').length) > limit;
}

function clean(value: string | null | undefined): string | null {
  const text = value?.replace(/\s+/g, ' ').trim().slice(0, 500);
  return text ? text : null;
}

/** The message a page sends: its metadata and fingerprint, never its text. */
export function toReport(url: string, found: Article | NotArticle): Report {
  if (!found.article) return { article: false, url, reason: found.reason };
  const { fingerprint: print } = found;
  return {
    article: true, url, canonical: found.canonical, title: found.title, siteName: found.siteName,
    byline: found.byline, published: found.published, lang: found.lang, words: print.words,
    hashes: print.hashes, sketch: print.sketch, keys: print.keys, paragraphs: print.paragraphs,
    stamps: print.stamps,
  };
}
