/** The report's sections on the content script's time, Firefox and the budgets. Pure. */
import type { BudgetResult } from '../budgets.ts';
import { fmt, mb, medianP95 as s, paddedTable as table } from '../format.ts';
import type { StageTimes } from '../page/api.ts';
import type { ContentScriptResult, FirefoxResult, Stages } from './results.ts';

/** The steps extractSteps yields (src/content/extract.ts), each its own task in the content script. */
const STEPS = ['size', 'copy', 'cut', 'readability', 'paragraphs', 'tokens', 'fingerprint', 'finish', 'serialiseReport'];

export function renderContentScript(cs: ContentScriptResult): string[] {
  const out = [
    `\n### Content script main-thread time (trace, tasks holding content-script code, until recorded; ${cs.traced} corpus pages)`,
    table(['measure', 'median', 'p95', 'max'], [
      ['total per page (ms)', fmt(cs.totalMs.median), fmt(cs.totalMs.p95), fmt(cs.totalMs.max)],
      ['longest task per page (ms)', fmt(cs.longestTaskMs.median), fmt(cs.longestTaskMs.p95), fmt(cs.longestTaskMs.max)],
      ['tasks per page', fmt(cs.tasksPerPage.median, 0), fmt(cs.tasksPerPage.p95, 0), fmt(cs.tasksPerPage.max, 0)],
    ]),
  ];
  const worst = cs.pages.flatMap((x) => (x.tasks ? [{ ...x, tasks: x.tasks }] : []))
    .sort((a, b) => b.tasks.longestMs - a.tasks.longestMs).slice(0, 6);
  out.push('\nLongest tasks:');
  out.push(table(['page', 'KB', 'verdict', 'longest ms', 'total ms'],
    worst.map((x) => [x.id, Math.round(x.bytes / 1024), x.verdict, fmt(x.tasks.longestMs), fmt(x.tasks.totalMs)])));

  const big = cs.bigArticle;
  const runs = (f: (t: NonNullable<(typeof big.runs)[number]>) => number) => big.runs.map((t) => fmt(t ? f(t) : Number.NaN)).join(' / ');
  out.push(`\n### Generated 1 MB article (${Math.round(big.bytes / 1024)} KB, ${big.stages?.cold.elements} elements,` +
    ` ${big.stages?.cold.words} words; verdict ${big.verdict})`);
  out.push(`Trace, ${big.runs.length} loads: longest extension task ${runs((t) => t.longestMs)} ms` +
    ` (median ${fmt(big.longestTaskMs.median)}, best ${fmt(big.longestTaskMs.min)}); total ${runs((t) => t.totalMs)} ms;` +
    ` first synchronous run of content.js ${runs((t) => t.evaluateMs)} ms.`);
  const pagesStaged = cs.pages.flatMap((x): [string, Stages][] => (x.stages ? [[x.id, x.stages]] : []));
  const staged: [string, Stages | null][] = [...pagesStaged, ['1 MB article', big.stages]];
  out.push('\nExtraction steps timed in the page with the content script\'s code (ms; first run, cold as on every page load' +
    ' → best of 2 later runs; size: element count and depth, copy: the page copied for Readability, cut: the copy cut to the text budget,' +
    ' tokens and fingerprint: the two halves of the fingerprint, finish: checks and metadata after the fingerprint):');
  const sum = (x: StageTimes) => STEPS.reduce((a, k) => a + (x.times[k] ?? 0), 0);
  const step = (x: StageTimes, k: string) => fmt(x.times[k] ?? Number.NaN);
  out.push(table(['page', 'KB', 'elements', 'words', ...STEPS, 'sum', 'extractArticle'], staged.flatMap(([id, st]) => {
    if (!st) return [];
    const { cold: c, best: b } = st;
    return [[id, Math.round(c.htmlChars / 1024), c.elements, c.words, ...STEPS.map((k) => `${step(c, k)} → ${step(b, k)}`),
      `${fmt(sum(c))} → ${fmt(sum(b))}`, fmt(b.extractMs)]];
  })));
  return out;
}

export function renderFirefox(ff: FirefoxResult | undefined): string[] {
  if (!ff) return [];
  const largest = ff.storage.after.disk.largest.map((f) => `${f.file.split('/').pop()} ${mb(f.bytes)}`).join(', ');
  const rate = fmt(ff.seeding.articles / (ff.seeding.writeMs / 1000), 0);
  return [
    `\n### Firefox: ${ff.browser} (--firefox; history only, no budget)`,
    `Seeded ${ff.seeding.articles.toLocaleString('en')} articles in ${fmt(ff.seeding.wallMs / 1000)} s wall` +
      ` (write ${fmt(ff.seeding.writeMs / 1000)} s, ${rate} articles/s).` +
      ` Storage per article: ${fmt(ff.storage.bytesPerArticleImmediate, 0)} B right after seeding (estimate),` +
      ` ${fmt(ff.storage.bytesPerArticle, 0)} B after a restart (estimate; files ${fmt(ff.storage.diskBytesPerArticle, 0)} B;` +
      ` largest files ${largest}). Firefox rounds performance.now() to 1 ms in extension pages, so small medians are coarse.`,
    table(
      ['stored', 'record ms', 'check ms', 'candidates read ms', 'site sample ms', 'decide ms', 'storiesPage(30) ms', 'load'],
      ff.lookups.map((l) => [
        l.articles.toLocaleString('en'), s(l.record, 2), s(l.check, 2), s(l.parts.candidatesMs, 2), s(l.parts.siteSampleMs, 2),
        s(l.parts.decideMs, 2), s(l.storiesPageMs, 1), l.load,
      ]),
    ),
  ];
}

export function renderBudgets(budgets: readonly BudgetResult[]): string[] {
  return [
    '\n### Budgets (Chromium)',
    table(['budget', 'actual', 'limit', 'result', 'held by'], budgets.map((b) => [
      b.label, `${fmt(b.actual, b.unit === '×' ? 2 : 1)} ${b.unit}`, `${b.limit} ${b.unit}`, b.pass ? 'PASS' : 'FAIL',
      b.stable ? '--check, --check-stable (CI)' : '--check',
    ])),
  ];
}
