/** The results as a terminal report and as the Markdown block of BENCHMARKS.md. Pure. */
import type { BudgetResult } from './budgets.ts';
import { int, markdownTable, ms, ratio, textTable, type Row } from './format.ts';
import type { BenchResults } from './results.ts';
import type { Summary } from './stats.ts';

const HEADER: Row = ['stage', 'n', 'median ms', 'p95 ms'];

export function stageRows(r: BenchResults): Row[] {
  const s = r.pages.stages;
  const row = (label: string, x: Summary): Row => [label, x.n, ms(x.median), ms(x.p95)];
  const rows: Row[] = [
    row('HTML parse (parse5, then linkedom)', s.parse),
    row('Readability alone (clone + parse, default options)', s.readability),
    row('  Readability with extractArticle\'s options (reference)', s.readabilityOurOptions),
    row('Extraction extras, timed directly', s.extras),
    row('  gate: element count', s.gate),
    row('  paragraph split (articleParagraphs)', s.paragraphs),
    row('  metadata (canonical link, fall-backs)', s.metadata),
    row('  extras by subtraction (cross-check)', s.extrasBySubtraction),
    row('Fingerprint (once per page, fresh strings)', s.fingerprint),
    row('  fingerprint repeated on the same strings (warm)', s.fingerprintWarm),
    row('Our whole per-page work (extractArticle)', s.extract),
  ];
  for (const l of r.lookup) rows.push(row(`Look-up + record, ${int(l.articles)} stored`, l.latency));
  if (r.history) rows.push(row(`History list (popup's first page: storiesPage, ${r.history.limit} stories), ${int(r.history.articles)} stored`, r.history.latency));
  return rows;
}

export function figureLines(r: BenchResults): string[] {
  const p = r.pages;
  const f = p.fingerprint;
  const b = r.bytes;
  const top = (record: Record<string, number>) =>
    Object.entries(record).sort((x, y) => y[1] - x[1]).map(([k, v]) => `${k} ${int(v)}`).join(', ');
  const lines = [
    `Our per-page work / Readability alone: ${ratio(p.work.ratio)} (sum over the ${p.fullPipeline} pages where extractArticle ran Readability; ` +
      `median page ${ratio(p.work.medianPageRatio)}; against Readability with extractArticle's options ${ratio(p.work.ratioVsOurOptions)})`,
    `Fingerprint throughput: ${int(f.wordsPerSecond)} words/s = ${ms(f.msPer1000Words)} ms per 1,000 words (${int(f.words)} words on ${f.pages} pages, ` +
      `one call per page on its fresh strings); warm ${int(f.warm.wordsPerSecond)} words/s = ${ms(f.warm.msPer1000Words)} ms per 1,000 words`,
  ];
  lines.push(r.failures.length === 0
    ? `Pages that threw: none of ${r.corpus.pages}`
    : `Pages that threw, left out of every figure: ${r.failures.length} of ${r.corpus.pages}: ${r.failures.map((f) => `${f.id} (${f.error})`).join('; ')}`);
  if (r.lookupGrowth) {
    lines.push(`Look-up + record growth ${int(r.lookupGrowth.from)} → ${int(r.lookupGrowth.to)} stored: ${ratio(r.lookupGrowth.ratio)} (medians, in fake-indexeddb: reported, budgeted in Chromium)`);
  }
  for (const l of r.lookup) {
    lines.push(
      `  ${int(l.articles)} stored: seeded in ${(l.seedMs / 1000).toFixed(1)} s; ${l.seen} of ${l.latency.n} look-ups found the story already read; ` +
        `articles stored from the page's own site: median ${int(l.sameSite.median)}, max ${int(l.sameSite.max)}`,
    );
  }
  lines.push(
    `Bytes per stored article: mean ${int(b.total.mean)} (median ${int(b.total.median)}, p95 ${int(b.total.p95)}) over ${b.articles} corpus records; ` +
      `synthetic seeds ${int(b.syntheticMean)}`,
    `  value ${int(b.value.mean)} + primary key ${int(b.primary)} + indexes: ${top(b.indexes)}`,
    `  value by field: ${top(b.fields)}`,
    `  in Chromium (31-bit small integers) about ${int(b.chromiumSmiExtra)} more per article (arrays with values ≥ 2^30 stored as doubles)`,
    `Content script ${r.contentScript.path}: ${int(r.contentScript.bytes)} B (${int(r.contentScript.gzipBytes)} B gzipped)`,
    `Marks script ${r.marksScript.path}: ${int(r.marksScript.bytes)} B (${int(r.marksScript.gzipBytes)} B gzipped)`,
  );
  return lines;
}

const budgetHeader: Row = ['budget', 'limit', 'measured', 'result', 'held by'];

function budgetRows(budgets: readonly BudgetResult[]): Row[] {
  const show = (b: BudgetResult, x: number) =>
    b.unit === '×' ? ratio(x) : b.unit === 'B' ? `${int(x)} B` : `${ms(x)} ${b.unit}`;
  return budgets.map((b) =>
    [b.label, `≤ ${show(b, b.limit)}`, show(b, b.actual), b.pass ? 'PASS' : 'FAIL', b.stable ? '--check, --check-stable (CI)' : '--check'],
  );
}

export function renderText(r: BenchResults): string {
  const m = r.machine;
  return [
    `Node ${m.node} · ${m.cpu} × ${m.cores} · load average ${m.loadAverage} · clock: ${r.clock} · ${r.corpus.pages} pages × ${r.corpus.reps}`,
    '',
    textTable(HEADER, stageRows(r)),
    '',
    ...figureLines(r),
    '',
    textTable(budgetHeader, budgetRows(r.budgets)),
    ...r.notes.map((n) => `note: ${n}`),
  ].join('\n');
}

export function renderMarkdown(r: BenchResults): string {
  const m = r.machine;
  return [
    `Command: \`${r.command}\` · date: ${r.date} · run time ${r.durationS.toFixed(0)} s`,
    '',
    `Machine: Node ${m.node}, ${m.cpu}, ${m.cores} cores, ${m.platform}, ${m.memoryGiB} GiB; load average at start ${m.loadAverage}`,
    '',
    `Clock: ${r.clock === 'wall' ? 'wall (elapsed time)' : 'cpu (CPU time of the process, all threads; time spent waiting for a core left out)'}`,
    '',
    `Corpus: ${r.corpus.pages} pages from \`${r.corpus.dir}\`, each timed ${r.corpus.reps} times (a page's figure is its median)` +
      (r.corpus.placeholderUrls ? `; ${r.corpus.placeholderUrls} pages without an absolute URL in meta.json got a made-up one, each its own site` : ''),
    '',
    markdownTable(HEADER, stageRows(r).map(([label, ...rest]) => [String(label).replace(/^ {2}/, '↳ '), ...rest])),
    '',
    ...figureLines(r).map((line) => (line.startsWith('  ') ? `  - ${line.trim()}` : `- ${line}`)),
    '',
    markdownTable(budgetHeader, budgetRows(r.budgets)),
    '',
    'Method:',
    '- Per-page stages run in one process on the same parsed document; Readability alone, Readability with extractArticle\'s options and extractArticle are run in rotated order. ' +
      'Extraction extras are timed directly (the gate, articleParagraphs on Readability\'s content, the metadata look-ups), and cross-checked by subtraction.',
    '- Look-up + record: recordReport in fake-indexeddb, seeded directly with synthetic articles (hash distributions of real fingerprints, sites Zipf-distributed) ' +
      'and a truncated copy of every other corpus article; the recorded pages are kept to the end of each pass over the reports (their postings pending, then filed, as in use), then deleted so every pass starts from the seeded size. Its budgets (5 ms at 100,000 articles, 2× the 1,000-article figure) apply to the real IndexedDB in Chromium (the in-browser part).',
    `- Bytes: ${r.bytes.method}.`,
    ...r.notes.map((n) => `- Note: ${n}`),
  ].join('\n');
}
