/**
 * One evaluation run over the corpus: extraction quality against gold texts, recognition by
 * replaying every page through the real store and decision code, and two exact-set baselines.
 */
import { readFile } from 'node:fs/promises';
import { parseHtmlDocument } from '../cli/parse-html.ts';
import { Readability } from '@mozilla/readability';
import { siteOf } from '../core/url.ts';
import type { Fingerprint } from '../core/fingerprint.ts';
import { MIN_WORDS, TEXT_BUDGET, extractArticle } from '../content/extract.ts';
import type { Visit } from '../cli/replay.ts';
import { NOT_TEXT } from '../content/text-budget.ts';
import { loadCorpus, type CorpusPage } from './corpus.ts';
import { articleRecall } from './recall.ts';
import { replayHere, type Replayer } from './replay-run.ts';
import { summariseConstructed } from './constructed-report.ts';
import { runConstructed } from './constructed-run.ts';
import type { ConstructedScorer } from './constructed-workers.ts';
import { storeView } from './diagnose.ts';
import { bagF1, FAILED, mean, textTokens } from './f1.ts';
import { agreement, type NodeExtraction } from './agreement.ts';
import type { BrowserExtraction, ServedPage } from './browser-extraction.ts';
import type { EvalResult, PageExtraction, PairDetail, ReportedPair, SourceExtraction } from './result.ts';
import { countLabels, pairKey, parsePairs, scoreMatches, scorePartial, splitKey, type Label } from './score.ts';
import { setOverlap, sharedPairs, wordShingles, type SetOverlap } from './shingles.ts';

export const BASELINE_THRESHOLD = 0.5;

interface Extracted {
  page: CorpusPage;
  /** Our article text's tokens, or null when the pipeline gives no article. */
  tokens: string[] | null;
  fingerprint: Fingerprint | null;
  reason: string | null;
  scores: PageExtraction | null;
  /** What the extraction found before the recording minimum, for the comparison with the browser. */
  node: NodeExtraction;
  /** Share of the gold text's words the page shows (shownText); null without gold. */
  shown?: number | null;
}

type Ours = ReturnType<typeof extractArticle>;

/**
 * Our extraction and Readability as it comes, from one parse of the page. Ours is what
 * src/cli/pages.ts extractHtml does (extractArticle works on a clone and leaves the document as
 * it was); Readability then parses the document itself, the last use of it, as it would a clone.
 */
export function extractBoth(html: string, url: string): { ours: Ours; raw: string | null; rawFailure?: string; shown?: string; cut?: boolean } {
  let document: Document;
  try {
    document = parseHtmlDocument(html);
  } catch (error) {
    const reason = `cannot parse the page: ${error instanceof Error ? error.message : String(error)}`;
    return { ours: { article: false, reason }, raw: null, rawFailure: reason };
  }
  const shown = shownText(document.body);
  // The extraction reads the page's first TEXT_BUDGET characters of text (cutAfterText).
  const cut = shown.split(/\s+/).join('').length > TEXT_BUDGET;
  let ours: Ours;
  try {
    // Extraction is scored on what the extractor finds; the recording minimum is applied after.
    ours = extractArticle(document, url, 1);
  } catch (error) {
    ours = { article: false, reason: `cannot parse the page: ${error instanceof Error ? error.message : String(error)}` };
  }
  try {
    const raw = new Readability(document).parse()?.textContent ?? null;
    return raw === null ? { ours, raw, shown, cut, rawFailure: 'no article found' } : { ours, raw, shown, cut };
  } catch (error) {
    return { ours, raw: null, shown, cut, rawFailure: `extraction failed: ${String(error)}` };
  }
}

/**
 * The gold text of the part of a page the extraction kept, for a page cut by the text budget:
 * the gold tokens up to where a run of the extraction's last tokens occurs in them (the last token
 * may be cut, so it is left out). The whole gold when no run is found.
 */
export function goldOfPartKept(gold: readonly string[], extracted: readonly string[], run = 6): readonly string[] {
  const at = new Map<string, number>();
  for (let i = 0; i + run <= gold.length; i++) {
    const key = gold.slice(i, i + run).join(' ');
    if (!at.has(key)) at.set(key, i);
  }
  for (let end = extracted.length - 1; end - run >= 0 && end > extracted.length - 200; end--) {
    const found = at.get(extracted.slice(end - run, end).join(' '));
    if (found !== undefined) return gold.slice(0, found + run);
  }
  return gold;
}

const UNSHOWN = new Set([...NOT_TEXT, 'TITLE']);

/** The text a browser shows of a page's body: every text node outside scripts, styles and the like. */
export function shownText(root: Node | null): string {
  const parts: string[] = [];
  const walk = (node: Node): void => {
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === 3) parts.push(child.nodeValue ?? '');
      else if (child.nodeType === 1 && !UNSHOWN.has((child as Element).tagName.toUpperCase())) walk(child);
    }
  };
  if (root) walk(root);
  return parts.join(' ');
}

async function extractPage(page: CorpusPage): Promise<Extracted> {
  let html: string;
  try {
    html = await readFile(page.source, 'utf8');
  } catch (error) {
    const reason = `cannot read source.html: ${(error as NodeJS.ErrnoException).code ?? String(error)}`;
    const scores = page.gold === null ? null : { id: page.id, ours: FAILED, raw: FAILED, oursFailure: reason, rawFailure: reason };
    return { page, tokens: null, fingerprint: null, reason, scores, node: { reason } };
  }
  const { ours, raw, rawFailure, shown, cut } = extractBoth(html, page.url);
  const extracted = ours.article ? textTokens(ours.paragraphs.join('\n\n')) : null;
  const short = ours.article && ours.fingerprint.words < MIN_WORDS ? ours.fingerprint.words : null;
  const article = ours.article && short === null;
  const base = {
    page,
    node: extracted ? { tokens: extracted } : { reason: ours.article ? 'no text' : ours.reason },
    tokens: article ? extracted : null,
    fingerprint: article && ours.article ? ours.fingerprint : null,
    reason: article ? null : short !== null ? `too short (${short} words)` : ours.article ? null : ours.reason,
    shown: page.gold === null || shown === undefined ? null : bagF1(textTokens(shown), textTokens(page.gold)).recall,
  };
  if (page.gold === null) return { ...base, scores: null };
  const whole = textTokens(page.gold);
  // A page cut by the text budget is scored against the gold text of the part kept (Readability's
  // own text, of the whole page, against the whole gold).
  const gold = cut && extracted ? goldOfPartKept(whole, extracted) : whole;
  const scores: PageExtraction = {
    id: page.id,
    ours: extracted ? bagF1(extracted, gold) : FAILED,
    raw: raw === null ? FAILED : bagF1(textTokens(raw), whole),
    ...(gold !== whole ? { cutGold: { kept: gold.length, of: whole.length } } : {}),
    ...(ours.article ? {} : { oursFailure: ours.reason }),
    ...(short !== null ? { belowMinimum: short } : {}),
    ...(rawFailure ? { rawFailure } : {}),
  };
  return { ...base, scores };
}

function summarise(prefix: string, pages: readonly PageExtraction[]): SourceExtraction {
  const avg = (pick: (p: PageExtraction) => number) => mean(pages.map(pick)) ?? 0;
  const articles = pages.filter((p) => !p.oursFailure);
  return {
    prefix,
    pages: pages.length,
    ours: { f1: avg((p) => p.ours.f1), precision: avg((p) => p.ours.precision), recall: avg((p) => p.ours.recall) },
    raw: { f1: avg((p) => p.raw.f1), precision: avg((p) => p.raw.precision), recall: avg((p) => p.raw.recall) },
    oursFailed: pages.filter((p) => p.oursFailure).length,
    rawFailed: pages.filter((p) => p.rawFailure).length,
    onArticles: {
      pages: articles.length,
      ours: mean(articles.map((p) => p.ours.f1)),
      raw: mean(articles.map((p) => p.raw.f1)),
    },
  };
}

export interface RunOptions {
  corpus: string;
  /** The corpus as the user gave it, for the record. */
  corpusLabel: string;
  command: string;
  machine: EvalResult['machine'];
  now?: Date;
  log?: (line: string) => void;
  /** How the replay is run: here by default, or in a worker beside the extraction. */
  replayer?: Replayer;
  /**
   * The content script's extraction in a real browser, with the pages' scripts on or off, to compare
   * with the command line's; none skips it.
   */
  inBrowser?: (pages: ServedPage[], scripts: boolean) => Promise<ReadonlyMap<string, BrowserExtraction>>;
  /** Seed of the constructed copies (constructed.ts); 1 by default. */
  seed?: number;
  /** How the constructed pairs are scored: here by default, or in workers (constructed-workers.ts). */
  scoreConstructed?: ConstructedScorer;
}

export async function runEval(options: RunOptions): Promise<EvalResult> {
  const log = options.log ?? (() => {});
  const clock = performance.now();
  const lap = (() => {
    let last = clock;
    return () => {
      const now = performance.now();
      const seconds = (now - last) / 1000;
      last = now;
      return round1(seconds);
    };
  })();
  const warnings: string[] = [];

  const corpus = await loadCorpus(options.corpus);
  const { labels, problems } = parsePairs(corpus.pairsTsv);
  warnings.push(...problems.map((p) => `pairs.tsv ${p}`));
  const known = new Set(corpus.pages.map((p) => p.id));
  for (const key of labels.keys()) {
    for (const id of splitKey(key)) if (!known.has(id)) warnings.push(`pairs.tsv names ${id}, which is not in MANIFEST.tsv`);
  }
  const byUrl = new Map<string, string>();
  for (const page of corpus.pages) {
    const other = byUrl.get(page.url);
    if (other) warnings.push(`${page.id} has the same URL as ${other}: the store sees a revisit`);
    else byUrl.set(page.url, page.id);
  }
  const load = lap();
  log(`corpus: ${corpus.pages.length} pages, ${labels.size} labelled pairs`);

  // b starts first: the replay may run in a worker while this thread measures extraction.
  const visits: Visit[] = corpus.pages.map((page) => ({ url: page.url, path: page.source }));
  const replaying = (options.replayer ?? replayHere)(visits);
  replaying.catch(() => {}); // awaited below; this only keeps an early failure from going unhandled

  // a. Extraction quality.
  const extracted: Extracted[] = [];
  for (const page of corpus.pages) extracted.push(await extractPage(page));
  const scored = extracted.flatMap((e) => (e.scores ? [e.scores] : []));
  const prefixOfId = new Map(corpus.pages.map((p) => [p.id, p.prefix]));
  const prefixes = [...new Set(scored.map((s) => prefixOfId.get(s.id) ?? ''))].sort();
  const bySource = prefixes.map((prefix) => summarise(prefix, scored.filter((s) => prefixOfId.get(s.id) === prefix)));
  const recall = articleRecall(extracted.map((e) => ({ id: e.page.id, prefix: e.page.prefix, gold: e.page.gold, reason: e.reason, shown: e.shown })));
  const extraction = lap();
  log(`extraction: ${extraction}s`);
  const browser = options.inBrowser ? await compareWithBrowser(extracted, options.inBrowser) : null;
  const browserSeconds = lap();

  // b. Recognition through the real replay.
  const { lines, seconds: replaySeconds } = await replaying;
  const replayWait = lap();
  log(`replay: ${round1(replaySeconds)}s (${replayWait}s after the extraction)`);
  const reported = new Map<string, ReportedPair>();
  const flagged = new Map<string, ReportedPair>();
  const notArticles: { id: string; reason: string }[] = [];
  let articles = 0;
  const seenLines = new Set<string>();
  for (const line of lines) {
    const id = byUrl.get(line.url);
    if (!id) {
      warnings.push(`replay reported an unknown URL ${line.url}`);
      continue;
    }
    seenLines.add(id);
    if (!line.article) {
      notArticles.push({ id, reason: line.error ?? line.reason ?? 'not an article' });
      continue;
    }
    articles++;
    const collect = (into: Map<string, ReportedPair>, list: typeof line.matches) => {
      for (const m of list) {
        const other = byUrl.get(m.url);
        if (!other) {
          warnings.push(`${id} was matched with an unknown URL ${m.url}`);
          continue;
        }
        const key = pairKey(id, other);
        if (!into.has(key)) into.set(key, { key, at: id, relation: m.relation, containment: m.containment, resemblance: m.resemblance });
      }
    };
    collect(reported, line.matches);
    collect(flagged, line.partial);
  }
  for (const page of corpus.pages) if (!seenLines.has(page.id)) warnings.push(`replay gave no line for ${page.id}`);
  const replayScore = scoreMatches(reported.keys(), labels);
  const partialScore = scorePartial(flagged.keys(), labels);

  // c. Baselines on exact word 5-gram sets of our extracted text, every pair of article pages.
  const sets = new Map<string, Set<string>>();
  for (const e of extracted) if (e.tokens) sets.set(e.page.id, wordShingles(e.tokens));
  const overlaps = new Map<string, SetOverlap>();
  for (const o of sharedPairs(sets)) overlaps.set(pairKey(o.a, o.b), o);
  const baselineKeys = (pick: (o: SetOverlap) => number) =>
    [...overlaps].filter(([, o]) => pick(o) >= BASELINE_THRESHOLD).map(([key]) => key);
  const baselines = [
    { name: `Jaccard ≥ ${BASELINE_THRESHOLD}`, score: scoreMatches(baselineKeys((o) => o.jaccard), labels) },
    { name: `containment ≥ ${BASELINE_THRESHOLD}`, score: scoreMatches(baselineKeys((o) => o.containment), labels) },
  ];
  const baselineSeconds = lap();

  // Details: every same pair, every false or related match, every partial flag outside related.
  const byId = new Map(extracted.map((e) => [e.page.id, e]));
  const order = new Map(corpus.pages.map((p, i) => [p.id, i]));
  /** The store's comparison of a pair, the later visit against the earlier record. */
  const storeOf = (key: string) => {
    const [a, b] = splitKey(key);
    const [ea, eb] = [byId.get(a), byId.get(b)];
    const [first, second] = (order.get(a) ?? 0) <= (order.get(b) ?? 0) ? [ea, eb] : [eb, ea];
    if (!first?.fingerprint || !second?.fingerprint) return null;
    return storeView(first.fingerprint, second.fingerprint, siteOf(first.page.url) === siteOf(second.page.url));
  };
  const goldSets = new Map<string, Set<string>>();
  const goldSet = (id: string) => {
    let set = goldSets.get(id);
    const gold = byId.get(id)?.page.gold;
    if (!set && gold) goldSets.set(id, (set = wordShingles(textTokens(gold))));
    return set ?? null;
  };
  const detailKeys = new Set<string>([
    ...[...labels].filter(([, label]) => label === 'same').map(([key]) => key),
    ...[replayScore, ...baselines.map((b) => b.score)].flatMap((s) => [...s.related, ...s.falseDifferent, ...s.falseUnlabelled]),
    ...partialScore.same, ...partialScore.different, ...partialScore.unlabelled,
  ]);
  const details: PairDetail[] = [...detailKeys].sort().map((key) => {
    const [a, b] = splitKey(key);
    const [ea, eb] = [byId.get(a), byId.get(b)];
    const [ga, gb] = [goldSet(a), goldSet(b)];
    const match = reported.get(key) ?? flagged.get(key);
    return {
      key,
      label: labels.get(key) ?? null,
      sites: [siteOf(ea?.page.url ?? a), siteOf(eb?.page.url ?? b)],
      extracted: ea?.tokens && eb?.tokens ? (overlaps.get(key) ?? { shared: 0, containment: 0, jaccard: 0 }) : null,
      gold: ga && gb ? setOverlap(ga, gb) : null,
      replay: reported.has(key) ? 'match' : flagged.has(key) ? 'partial' : 'none',
      replayFigures: match ? { containment: match.containment, resemblance: match.resemblance } : null,
      store: storeOf(key),
      notArticle: [ea, eb].flatMap((e) => (e && e.reason ? [`${e.page.id}: ${e.reason}`] : [])),
    };
  });

  // d. Constructed copies and hard negatives of the l3s- gold texts.
  const constructed = summariseConstructed(await runConstructed(corpus.pages, options.seed ?? 1, log, options.scoreConstructed));
  log(`constructed: ${constructed.seconds}s`);

  const total = round1((performance.now() - clock) / 1000);
  return {
    command: options.command,
    date: (options.now ?? new Date()).toISOString(),
    machine: options.machine,
    corpus: options.corpusLabel,
    seconds: { load, extraction, browser: browserSeconds, replay: round1(replaySeconds), baselines: baselineSeconds, total },
    synthetic: corpus.pages.filter((p) => p.synthetic).map((p) => ({ id: p.id, url: p.url })),
    warnings,
    extraction: { bySource, all: summarise('all', scored), pages: scored },
    recall,
    browser,
    recognition: {
      pages: corpus.pages.length,
      articles,
      notArticles,
      labels: countLabels(labels) as Record<Label, number>,
      replay: replayScore,
      partial: partialScore,
      baselines,
      reported: [...reported.values()],
      flaggedPartial: [...flagged.values()],
      relatedUnflagged: [...labels]
        .filter(([key, label]) => label === 'related' && !reported.has(key) && !flagged.has(key))
        .map(([key]) => {
          const [a, b] = splitKey(key);
          const articles = sets.has(a) && sets.has(b);
          return { key, overlap: articles ? (overlaps.get(key) ?? { shared: 0, containment: 0, jaccard: 0 }) : null, store: storeOf(key) };
        })
        .sort((x, y) => (y.overlap?.shared ?? -1) - (x.overlap?.shared ?? -1)),
      details,
    },
    constructed,
  };
}

const round1 = (x: number) => Math.round(x * 10) / 10;

/**
 * The command line against the content script in Chromium, the pages' scripts on as for a reader;
 * each page that differs is extracted again with its scripts off, which tells a difference of the
 * parsers from one the page's own scripts make.
 */
async function compareWithBrowser(extracted: readonly Extracted[], inBrowser: NonNullable<RunOptions['inBrowser']>) {
  const node = new Map(extracted.map((e) => [e.page.id, e.node]));
  const served = extracted.map(({ page }) => ({ id: page.id, url: page.url, source: page.source }));
  const result = agreement(node, await inBrowser(served, true), textTokens);
  const differing = new Set(result.differing.map((d) => d.id));
  if (differing.size === 0) return result;
  const again = served.filter((p) => differing.has(p.id));
  const off = agreement(new Map(again.map((p) => [p.id, node.get(p.id)!])), await inBrowser(again, false), textTokens);
  const offF1 = new Map([...off.differing].map((d) => [d.id, d.f1]));
  return { ...result, differing: result.differing.map((d) => ({ ...d, scriptsOffF1: offF1.get(d.id) ?? 1 })) };
}
