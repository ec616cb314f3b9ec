/**
 * Scores the constructed pairs (constructed.ts) as the extension would see them: each text is a
 * simple article page, extracted by the content script's extractArticle on the Node DOM, and each
 * pair is replayed through the real store and decision code (recordReport) in a fresh history, in
 * both orders. The two exact-set baselines score the same pairs on the constructed texts.
 */
import { IDBFactory } from 'fake-indexeddb';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { recordReport } from '../history/record-report.ts';
import { extractArticle, MIN_WORDS, toReport } from '../content/extract.ts';
import { parseHtmlDocument } from '../cli/parse-html.ts';
import { openHistory } from '../history/open.ts';
import type { PageReport } from '../protocol.ts';
import { wordCount } from './constructed-edits.ts';
import { buildConstructed, goldParagraphs, type ConstructedPage, type ConstructedPair, type Story } from './constructed.ts';
import type { CorpusPage } from './corpus.ts';
import { bagF1, textTokens } from './f1.ts';
import { setOverlap, wordShingles, type SetOverlap } from './shingles.ts';

/** The corpus's `l3s-` gold texts with their human-labelled headline (meta.json's gold_title). */
export async function loadStories(pages: readonly CorpusPage[]): Promise<Story[]> {
  const l3s = pages.filter((p) => p.prefix === 'l3s-' && p.gold !== null);
  return Promise.all(l3s.map(async (p) => {
    const meta = JSON.parse(await readFile(join(p.source, '..', 'meta.json'), 'utf8')) as { gold_title?: unknown };
    const title = typeof meta.gold_title === 'string' && meta.gold_title.trim() ? meta.gold_title.trim() : p.id;
    return { id: p.id, title, paragraphs: goldParagraphs(p.gold ?? '') };
  }));
}

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** A plain article page: the title, then each paragraph in a `<p>`. */
export function renderPage(page: ConstructedPage): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escape(page.title)}</title>
<meta property="og:type" content="article"></head>
<body><header><nav><a href="/">Home</a> <a href="/news">News</a></nav></header>
<main><article><h1>${escape(page.title)}</h1>
${page.paragraphs.map((p) => `<p>${escape(p)}</p>`).join('\n')}
</article></main></body></html>`;
}

export interface PairOutcome {
  variant: string;
  kind: ConstructedPair['kind'];
  stories: string[];
  /** The second visit found the first as the same story: [a then b, b then a]. */
  found: [boolean, boolean];
  /** ... or flagged it as partial reuse. */
  partial: [boolean, boolean];
  /** Pages of the pair not recorded as articles, with why. */
  notRecorded: string[];
  /** Exact word 5-grams of the constructed texts. */
  texts: SetOverlap;
  /** Token F1 of each page's extracted text against its constructed text. */
  extractionF1: [number, number];
  /** Words of each constructed text (which copies are missed: the long stories, the short ones?). */
  words: [number, number];
}

interface Extracted {
  report: PageReport | null;
  reason: string | null;
  f1: number;
}

function extractPage(page: ConstructedPage, tokens: string[]): Extracted {
  let found: ReturnType<typeof extractArticle>;
  try {
    // Scored on what the extractor finds; the recording minimum is applied after, as the eval does.
    found = extractArticle(parseHtmlDocument(renderPage(page)), page.url, 1);
  } catch (error) {
    found = { article: false, reason: `extraction failed: ${String(error)}` };
  }
  if (!found.article) return { report: null, reason: found.reason, f1: 0 };
  const f1 = bagF1(textTokens(found.paragraphs.join('\n\n')), tokens).f1;
  if (found.fingerprint.words < MIN_WORDS) return { report: null, reason: `too short (${found.fingerprint.words} words)`, f1 };
  const report = toReport(page.url, found);
  return { report: report.article ? report : null, reason: null, f1 };
}

let histories = 0;

/** A fresh history on its own fake IndexedDB factory; the global one is left as it was. */
async function freshHistory() {
  const saved = globalThis.indexedDB;
  globalThis.indexedDB = new IDBFactory();
  const opening = openHistory(`constructed-${++histories}`); // opens on the factory at call time
  globalThis.indexedDB = saved;
  return opening;
}

const START = Date.UTC(2026, 0, 1);

/** Records `first` then `second` in a fresh history: what the second visit says of the first. */
async function replayPair(first: PageReport, second: PageReport): Promise<{ found: boolean; partial: boolean }> {
  const db = await freshHistory();
  try {
    await recordReport(db, first, START);
    const verdict = await recordReport(db, second, START + 60_000);
    return { found: verdict.sightings.length > 0, partial: verdict.partial.length > 0 };
  } finally {
    db.close();
  }
}

/** Scores pairs; each distinct page is extracted once (the original of a story serves every copy). */
export async function scorePairs(pairs: readonly ConstructedPair[]): Promise<PairOutcome[]> {
  const cache = new Map<string, { extracted: Extracted; shingles: Set<string> }>();
  const prepare = (page: ConstructedPage) => {
    const key = `${page.url}\n${page.title}\n${page.paragraphs.join('\n')}`;
    let entry = cache.get(key);
    if (!entry) {
      const tokens = textTokens(page.paragraphs.join('\n\n'));
      entry = { extracted: extractPage(page, tokens), shingles: wordShingles(tokens) };
      cache.set(key, entry);
    }
    return entry;
  };
  const out: PairOutcome[] = [];
  for (const pair of pairs) {
    const [a, b] = [prepare(pair.a), prepare(pair.b)];
    const notRecorded = ([[pair.a, a], [pair.b, b]] as const).flatMap(([page, e]) => (e.extracted.report ? [] : [`${page.url}: ${e.extracted.reason}`]));
    let orders = [{ found: false, partial: false }, { found: false, partial: false }];
    if (a.extracted.report && b.extracted.report) {
      orders = [await replayPair(a.extracted.report, b.extracted.report), await replayPair(b.extracted.report, a.extracted.report)];
    }
    out.push({
      variant: pair.variant, kind: pair.kind, stories: pair.stories,
      found: [orders[0]!.found, orders[1]!.found], partial: [orders[0]!.partial, orders[1]!.partial],
      notRecorded, texts: setOverlap(a.shingles, b.shingles), extractionF1: [a.extracted.f1, b.extracted.f1],
      words: [wordCount(pair.a.paragraphs), wordCount(pair.b.paragraphs)],
    });
  }
  return out;
}



export interface ConstructedRun {
  seed: number;
  /** l3s- gold texts read, those long enough to copy, those short enough to pair as negatives. */
  stories: { all: number; copied: number; short: number };
  seconds: number;
  pairs: PairOutcome[];
}

/** Reads the stories, builds the pairs and scores them, here or as `score` does (constructed-workers.ts). */
export async function runConstructed(
  pages: readonly CorpusPage[], seed = 1, log: (line: string) => void = () => {},
  score: (stories: readonly Story[], seed: number) => Promise<PairOutcome[]> = (stories) => scorePairs(buildConstructed(stories, seed)),
): Promise<ConstructedRun> {
  const started = performance.now();
  const stories = await loadStories(pages);
  const pairs = buildConstructed(stories, seed);
  const copied = new Set(pairs.filter((p) => p.kind === 'copy').flatMap((p) => p.stories)).size;
  const short = new Set(pairs.filter((p) => p.kind === 'negative').flatMap((p) => p.stories)).size;
  log(`constructed: ${pairs.length} pairs from ${stories.length} l3s- gold texts (${copied} copied, ${short} short ones in negatives)`);
  const outcomes = await score(stories, seed);
  if (outcomes.length !== pairs.length) throw new Error(`constructed: ${outcomes.length} outcomes for ${pairs.length} pairs`);
  return { seed, stories: { all: stories.length, copied, short }, seconds: Math.round((performance.now() - started) / 100) / 10, pairs: outcomes };
}
