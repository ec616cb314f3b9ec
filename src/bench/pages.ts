/**
 * Per-page stages on the corpus, each timed on its own in the same run:
 *   parse        parseHtmlDocument (parse5, then linkedom)
 *   readability  raw Readability, as a reader view runs it: clone + new Readability(clone).parse()
 *                with default options (HTML serialisation of the content included)
 *   extract      our extractArticle() as the content script runs it, which itself includes the
 *                gate, Readability (identity serializer), the paragraph split, the fingerprint and
 *                the metadata: our whole per-page work
 *   fingerprint  fingerprint() of the page's paragraphs, once on the fresh strings as extractArticle
 *                does (a warm figure, repeated on the same strings, is kept for reference)
 *   extras       our extraction minus Readability, timed directly piece by piece: the gate
 *                (element count), articleParagraphs() and the metadata
 *                (canonicalUrl + field clean-up); cross-checked by subtraction:
 *                extract − Readability with extractArticle's own options − fingerprint
 * Every page is timed `reps` times with the order of the Readability runs and extractArticle
 * rotated; a page's figure is its median over the repetitions.
 */
import { parseHtmlDocument } from '../cli/parse-html.ts';
import { Readability } from '@mozilla/readability';
import {
  MAX_ELEMENTS, canonicalUrl, extractArticle, moreElementsThan, toReport, type Article, type NotArticle,
} from '../content/extract.ts';
import { articleParagraphs } from '../content/paragraphs.ts';
import { fingerprint } from '../core/fingerprint.ts';
import type { PageReport } from '../protocol.ts';
import type { BenchPage } from './corpus.ts';
import { median } from './stats.ts';
import { now } from './clock.ts';

export interface PageTiming {
  id: string;
  /** extractArticle ran Readability on it (not turned away by the gate). */
  ranReadability: boolean;
  article: boolean;
  reason: string | null;
  words: number;
  elements: number;
  parse: number;
  readability: number;
  /** Readability with extractArticle's options (identity serializer, maxElemsToParse). */
  readabilityOurOptions: number;
  extract: number;
  /** fingerprint() once on the page's fresh paragraph strings, as extractArticle calls it. */
  fingerprint: number;
  /** fingerprint() again on the same strings (median of a few): the warm, steady-state figure. */
  fingerprintWarm: number;
  gate: number;
  paragraphs: number;
  metadata: number;
  /** gate + paragraphs + metadata. */
  extras: number;
  /** extract − readabilityOurOptions − fingerprint (same page, medians over repetitions). */
  extrasBySubtraction: number;
}

export interface PagesResult {
  timings: PageTiming[];
  /** Reports of the pages that are articles, for the store benchmark. */
  reports: PageReport[];
  /** Pages whose run threw (a hostile or malformed page): listed, left out of the figures. */
  failures: PageFailure[];
}

export interface PageFailure {
  id: string;
  error: string;
}

/** Repeats of fingerprint() on strings it has already seen, for the warm reference figure. */
const WARM_REPS = 3;

export function benchPages(pages: readonly BenchPage[], reps: number, onProgress?: (done: number) => void): PagesResult {
  // Warm-up: the JIT compiles the hot paths before anything is timed.
  for (const page of pages.slice(0, Math.min(20, pages.length))) {
    try {
      timePage(page, 0);
    } catch {
      // Reported by its timed run below.
    }
  }
  const timings: PageTiming[] = [];
  const reports: PageReport[] = [];
  const failures: PageFailure[] = [];
  pages.forEach((page, index) => {
    let runs: Run[];
    try {
      runs = Array.from({ length: reps }, (_, rep) => timePage(page, rep));
    } catch (error) {
      failures.push({ id: page.id, error: error instanceof Error ? `${error.name}: ${error.message}` : String(error) });
      onProgress?.(index + 1);
      return;
    }
    const last = runs[runs.length - 1]!;
    const m = (pick: (run: Run) => number) => median(runs.map(pick));
    const timing: PageTiming = {
      id: page.id,
      ranReadability: last.ranReadability,
      article: last.found.article,
      reason: last.found.article ? null : last.found.reason,
      words: last.words,
      elements: last.elements,
      parse: m((r) => r.parse),
      readability: m((r) => r.readability),
      readabilityOurOptions: m((r) => r.readabilityOurOptions),
      extract: m((r) => r.extract),
      fingerprint: m((r) => r.fingerprint),
      fingerprintWarm: m((r) => r.fingerprintWarm),
      gate: m((r) => r.gate),
      paragraphs: m((r) => r.paragraphs),
      metadata: m((r) => r.metadata),
      extras: m((r) => r.gate + r.paragraphs + r.metadata),
      extrasBySubtraction: 0,
    };
    timing.extrasBySubtraction = timing.extract - timing.readabilityOurOptions - timing.fingerprint;
    timings.push(timing);
    const report = toReport(page.url, last.found);
    if (report.article) {
      const { article: _article, ...rest } = report;
      reports.push(rest);
    }
    onProgress?.(index + 1);
  });
  return { timings, reports, failures };
}

/** One timed run of a page: its timings before the per-page summary adds the derived ones. */
type Run = Omit<PageTiming, 'id' | 'article' | 'reason' | 'extras' | 'extrasBySubtraction'> & { found: Article | NotArticle };

const collectGarbage = () => (globalThis as { gc?: () => void }).gc?.();

/** Reasons extractArticle gives before it runs Readability. */
const GATED = new Set(['no body', 'page too large', 'page too deep']);

function timePage(page: BenchPage, rep: number): Run {
  let t = now();
  const document = parseHtmlDocument(page.html);
  const parse = now() - t;

  let readability = 0;
  let readabilityOurOptions = 0;
  let extract = 0;
  let found: Article | NotArticle = { article: false, reason: 'not run' };
  let content: Element | null = null;
  const steps = [
    () => {
      t = now();
      const clone = document.cloneNode(true) as Document;
      new Readability(clone).parse();
      readability = now() - t;
    },
    () => {
      t = now();
      const clone = document.cloneNode(true) as Document;
      const parsed = new Readability<Element>(clone, { serializer: (node) => node as Element, maxElemsToParse: MAX_ELEMENTS }).parse();
      readabilityOurOptions = now() - t;
      content = parsed?.content ?? null;
    },
    () => {
      t = now();
      found = extractArticle(document, page.url);
      extract = now() - t;
    },
  ];
  // Each step starts from a collected heap (when Node runs with --expose-gc, as `npm run bench` does):
  // none pays for the garbage another left, as a page's own run in a browser would not.
  for (let i = 0; i < steps.length; i++) {
    collectGarbage();
    steps[(i + rep) % steps.length]!();
  }

  // The gate as extractArticle runs it before its copy of the page: the element bound.
  t = now();
  moreElementsThan(document, MAX_ELEMENTS);
  const gate = now() - t;
  const elements = document.querySelectorAll('*').length;

  let paragraphsTime = 0;
  let fingerprintTime = 0;
  let words = 0;
  let fingerprintWarm = 0;
  if (content) {
    t = now();
    const paragraphs = articleParagraphs(content);
    paragraphsTime = now() - t;
    // Once on the fresh strings, as extractArticle does; then again on the same strings (warm).
    t = now();
    words = fingerprint(paragraphs).words;
    fingerprintTime = now() - t;
    const times: number[] = [];
    for (let i = 0; i < WARM_REPS; i++) {
      t = now();
      fingerprint(paragraphs);
      times.push(now() - t);
    }
    fingerprintWarm = median(times);
  }

  t = now();
  metadataLikeExtract(document, page.url);
  const metadata = now() - t;

  const done = found as Article | NotArticle;
  return {
    found: done,
    ranReadability: done.article || !(GATED.has(done.reason) || done.reason.startsWith('too little text')),
    words,
    elements,
    parse,
    readability,
    readabilityOurOptions,
    extract,
    fingerprint: fingerprintTime,
    fingerprintWarm,
    gate,
    paragraphs: paragraphsTime,
    metadata,
  };
}

/** What extractArticle does for metadata besides Readability: the canonical link, the fall-backs and clean-up. */
function metadataLikeExtract(doc: Document, url: string): unknown {
  const clean = (value: string | null | undefined) => value?.replace(/\s+/g, ' ').trim().slice(0, 500) || null;
  return [canonicalUrl(doc, url), clean(doc.title), clean(doc.documentElement?.getAttribute('lang'))];
}
