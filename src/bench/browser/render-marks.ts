/** The report's section on the link marks' main-thread cost (marks.ts). Pure. */
import { fmt, paddedTable as table } from '../format.ts';
import type { Summary } from '../stats.ts';
import type { MarksResult, MarksStep, MarksSummary } from './results.ts';

const range = (values: readonly number[], digits = 1) => {
  const finite = values.filter(Number.isFinite);
  return finite.length === 0 ? '–' : `${fmt(Math.min(...finite), digits)}–${fmt(Math.max(...finite), digits)}`;
};

/** "median (min–max)" of a summary. */
const spread = (x: Summary) => `${fmt(x.median)} (${fmt(x.min)}–${fmt(x.max)})`;

function rows(label: string, s: MarksSummary, steps: readonly MarksStep[]): (string | number)[][] {
  const cpu = (f: (t: NonNullable<MarksStep['tasks']>) => number) => steps.map((x) => (x.tasks ? f(x.tasks) : Number.NaN));
  const sorted = (values: number[]) => values.sort((a, b) => a - b);
  const median = (values: number[]) => sorted(values)[Math.floor((values.length - 1) / 2)] ?? Number.NaN;
  return [
    [`${label}: main-thread time of marks.js tasks (ms)`, spread(s.totalMs), fmt(median(cpu((t) => t.cpuMs)))],
    [`${label}: longest such task (ms; thread time: the most in one task)`, spread(s.longestMs), fmt(median(cpu((t) => t.longestCpuMs)))],
    [`${label}: tasks`, `${fmt(s.tasks.median, 0)} (${fmt(s.tasks.min, 0)}–${fmt(s.tasks.max, 0)})`, ''],
    [`${label}: frames rendered after them (ms)`, spread(s.framesMs), fmt(median(steps.map((x) => x.tasks?.frames.cpuMs ?? Number.NaN)))],
    [`${label}: until every mark was seen (ms)`, spread(s.doneMs), ''],
  ];
}

export function renderMarks(m: MarksResult | undefined): string[] {
  if (!m) return [];
  const loads = m.runs.map((r) => r.load);
  const scrolls = m.runs.map((r) => r.scroll);
  const content = loads.map((x) => x.content?.totalMs ?? Number.NaN);
  const recorded = Object.entries(m.recorded).map(([kind, n]) => `${n} ${kind}`).join(', ');
  const unexpected = m.runs.reduce((sum, r) => sum + r.unexpected, 0);
  const least = m.least.runs;
  const ratio = (f: (s: MarksSummary) => number) => fmt(f(m.load) / f(m.least.load), 2);
  return [
    `\n### Link marks on a front page (${m.links.toLocaleString('en')} links, ${m.runs.length} loads in a fresh tab each; median (min–max))`,
    table(['measure', 'duration', 'thread (CPU) time, median'], [
      ...rows('load', m.load, loads), ...rows(`${m.moreLinks} links added`, m.scroll, scrolls),
      ...rows('the reference script (least-marks), load', m.least.load, least).slice(0, 2),
    ]),
    `marks.js against a script that marks a page's links and does nothing else (src/bench/least-marks: once the page has` +
      ` loaded, every link's href and headline read in one pass, one message, the answers marked as marks.js marks them),` +
      ` loading the same page in turn in a second Chromium with the same history: ${ratio((s) => s.totalMs.median)} × its` +
      ` main-thread time, ${ratio((s) => s.longestMs.median)} × its longest task (medians); load average at its loads` +
      ` ${range(least.map((x) => x.loadAverage), 2)}. What the reference costs is what marking 1,000 links costs this` +
      ` machine before any of marks.js's own work (the settings, what each link was asked with, following their texts,` +
      ` checking each answer).`,
    `Load average (1 min) at each load: ${range(loads.map((x) => x.loadAverage), 2)}; when the links were added: ${range(scrolls.map((x) => x.loadAverage), 2)}.` +
      ` The page: a generated news front page served from 127.0.0.4 (menus, cards, headlines with teasers, lists; its own links` +
      ` relative, others to other sites, some with tracking parameters or a fragment), linking to ${m.planned.byUrl} pages read and` +
      ` ${m.planned.byHeadline} headlines of articles read elsewhere; then ${m.moreLinks} links added in one task as an infinite scroll does` +
      ` (${m.planned.moreByUrl} and ${m.planned.moreByHeadline} of them read). The history: ${m.articles.toLocaleString('en')} articles,` +
      ` ${m.otherArticles.toLocaleString('en')} synthetic and the read ones (corpus pages, their reports made with the content script's` +
      ` code) recorded with the background's recordReport (${recorded}). The worker's own code (linkMarks) marks ${m.expected.links}` +
      ` of the page's links and ${m.expected.more} of those added; every load marked them all` +
      (unexpected === 0 ? ' and nothing else.' : `, and ${unexpected} links leading to nothing read (summed over the loads).`) +
      ' Each load is traced until every expected mark is in the highlight, then 300 ms more;' +
      ' the tasks holding marks.js code are summed (trace.ts: their whole duration, the rendering of the highlight not included).' +
      ` content.js on the same page, for comparison: ${range(content)} ms.`,
  ];
}
