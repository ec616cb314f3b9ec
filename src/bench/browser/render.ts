/** The browser half's Markdown report, from its results. Pure. */
import { totalBytes } from '../bytes.ts';
import { fmt, mb, medianP95 as s, paddedTable as table } from '../format.ts';
import { SETTLE_QUIET_MS } from './disk.ts';
import { PARTS_LOOKUPS, PAUSE_MS } from './history.ts';
import { POPUP_OPENS } from './popup.ts';
import type { BrowserResults, CompleteResults } from './results.ts';
import { ROUND_TRIPS } from './round-trip.ts';
import { renderBudgets, renderContentScript, renderFirefox } from './render-pages.ts';
import { renderMarks } from './render-marks.ts';
import { renderPageLoad } from './render-page-load.ts';

export function render(r: CompleteResults): string {
  const out = [
    `\n## Déjà Lu in the browser — ${r.browser}, ${r.cpus}, ${r.date.slice(0, 16).replace('T', ' ')} UTC`,
    `Load average (1 min) at each phase: ${Object.entries(r.load).map(([k, v]) => `${k} ${v}`).join(' · ')}. Run ${fmt(r.runtimeS, 0)} s.`,
    `Corpus ${r.corpus}: ${r.corpusPages} pages, ${r.corpusArticles} articles.\n`,
    ...renderHistory(r),
    ...renderStorage(r),
    ...renderRoundTrip(r),
    ...renderPopup(r),
    ...renderContentScript(r.contentScript),
    ...renderPageLoad(r.pageLoad),
    ...renderMarks(r.marks),
    ...renderFirefox(r.firefox),
    ...renderBudgets(r.budgets),
  ];
  return out.join('\n');
}

/** The report of one phase run alone (--only): its section and its budgets. */
export function renderOnly(r: BrowserResults): string {
  return [
    `\n## Déjà Lu in the browser, one phase — ${r.browser ?? '?'}, ${r.cpus}, ${r.date.slice(0, 16).replace('T', ' ')} UTC`,
    `Load average (1 min) at each phase: ${Object.entries(r.load).map(([k, v]) => `${k} ${v}`).join(' · ')}. Run ${fmt(r.runtimeS ?? Number.NaN, 0)} s.`,
    ...renderPageLoad(r.pageLoad),
    ...renderMarks(r.marks),
    ...renderBudgets(r.budgets ?? []),
  ].join('\n');
}

function renderHistory(r: CompleteResults): string[] {
  const seed = r.seeding;
  const rate = fmt(seed.articles / (seed.writeMs / 1000), 0);
  const settled = r.lookups.map((l) => `${fmt(l.settledMs / 1000, 0)} s`).join(', ');
  return [
    '### History: seeding, look-up + record (recordReport in an extension tab, real IndexedDB)',
    `Seeded ${seed.articles.toLocaleString('en')} articles (${seed.copies} copies of corpus stories,` +
      ` the rest synthetic over ${seed.sites} sites) in ${fmt(seed.wallMs / 1000)} s wall:` +
      ` write ${fmt(seed.writeMs / 1000)} s (${rate} articles/s), generate ${fmt(seed.generateMs / 1000)} s.`,
    table(
      ['stored', 'look-ups', 'record ms', 'mean', 'seen / new', 'check ms', 'seen', 'candidates read ms', 'site sample ms', 'decide ms',
        'storiesPage(30) ms', 'load'],
      r.lookups.map((l) => [
        l.articles.toLocaleString('en'), l.lookups, s(l.record, 2), fmt(l.record.mean, 2),
        `${fmt(l.byKind.seen.median, 2)} / ${fmt(l.byKind.recorded.median, 2)}`, s(l.check, 2), l.seen,
        s(l.parts.candidatesMs, 2), s(l.parts.siteSampleMs, 2), s(l.parts.decideMs, 2), s(l.storiesPageMs, 1), l.load,
      ]),
    ),
    `(median / p95, timed once the database's files had not changed for ${SETTLE_QUIET_MS / 1000} s after each seeding stage` +
      ` (${settled}), each page after a ${PAUSE_MS} ms pause. record = recordReport, look-up + write, the budget` +
      ' (mean: with the filing of the pending postings, in one record in about 32;' +
      ' seen / new: medians of the look-ups that found the story already read, and of the others);' +
      ' check = checkReport, the read-only look-up the badge waits for;' +
      ` the real look-up's phases, from assess()'s timing hook on ${PARTS_LOOKUPS} look-ups:` +
      " candidates read (the page's own record, its keys' postings rows and the site's row of latest ids, then the candidates' articles)," +
      " site sample (the site's latest articles, when read after the candidates: 0 when read with them or not needed)," +
      " decide (comparing and judging); storiesPage: the popup's history query.)",
  ];
}

function renderStorage(r: CompleteResults): string[] {
  const st = r.storage;
  const before = mb(st.before.estimate.details?.indexedDB ?? 0);
  const out = [
    '\n### Storage (navigator.storage.estimate usageDetails.indexedDB, and the files of the profile)',
    table(['measure', 'before', 'after', 'per article'], [
      ['estimate, right after seeding', before, mb(st.immediate?.details?.indexedDB ?? 0), `${fmt(st.bytesPerArticleImmediate, 0)} B`],
      ['estimate after restart (from disk)', before, mb(st.after.estimate.details?.indexedDB ?? 0), `${fmt(st.bytesPerArticle, 0)} B`],
      ['files, browser closed', mb(st.before.disk.bytes), mb(st.diskWhenClosed.bytes), `${fmt(st.diskBytesPerArticleClosed, 0)} B`],
      ['files, after restart', mb(st.before.disk.bytes), mb(st.after.disk.bytes), `${fmt(st.diskBytesPerArticle, 0)} B`],
    ]),
    'The budget uses the estimate after the restart: Chromium then recomputes usage from the files, and it equals them.' +
      ' Right after writing, the estimate still counts bytes the database has since compacted.',
  ];
  const bb = r.bytesBreakdown;
  if (bb) {
    const raw = totalBytes(bb.shipped);
    const scale = st.bytesPerArticle / raw;
    const shape = bb.shape;
    out.push(
      `\nWhere the bytes go: ${bb.n.toLocaleString('en')} stored records read back, modelled as Chromium lays them out in LevelDB` +
        ` (src/bench/bytes.ts): ${fmt(raw, 0)} B raw per article, ${fmt(st.bytesPerArticle, 0)} B measured on disk` +
        ` (×${fmt(scale, 2)}: Snappy and key prefix sharing).` +
        ` Mean record: ${fmt(shape.keys)} keys, ${fmt(shape.paragraphs)} paragraph hashes,` +
        ` ${fmt(shape.sketch, 0)} sketch values (16 bits each: the folded hashes, and the high half of a full sketch's threshold),` +
        ` URL ${fmt(shape.urlChars, 0)} chars, title ${fmt(shape.titleChars, 0)} (characters, or UTF-8 bytes where that is shorter).`,
    );
    const parts = Object.entries(bb.shipped).sort((a, b) => b[1] - a[1]);
    out.push(table(['part', 'raw B', 'share'], parts.map(([k, v]) => [k, fmt(v, 0), `${fmt((100 * v) / raw, 0)}%`])));
  }
  return out;
}

function renderRoundTrip(r: CompleteResults): string[] {
  const rt = r.roundTrip;
  return [
    `\n### Report round trip at ${r.storage.articles.toLocaleString('en')} articles (fixture story, ${ROUND_TRIPS} runs, median / p95 ms)`,
    table(['visit', 'from response end', 'from DOMContentLoaded'], [
      ['first reading: verdict stored, badge set (empty)', s(rt.firstVerdictFromResponse), s(rt.firstVerdictFromDcl)],
      ['first reading: recorded (check + record)', s(rt.firstRecordedFromResponse), '–'],
      ['copy: verdict "seen" stored', s(rt.copyVerdictFromResponse), s(rt.copyVerdictFromDcl)],
      ['copy: badge "1" shown', s(rt.copyBadgeFromResponse), s(rt.copyBadgeFromDcl)],
    ]),
  ];
}

function renderPopup(r: CompleteResults): string[] {
  const p = r.popup;
  if (!p) return [];
  const row = (label: string, x: CompleteResults['roundTrip']['copyBadgeFromDcl']) => [label, s(x), fmt(x.min), fmt(x.max)];
  return [
    `\n### Popup first render at ${p.stories.toLocaleString('en')} articles` +
      ` (${POPUP_OPENS} opens, median / p95 ms; ${p.listed} stories listed)`,
    table(['from', 'median / p95', 'min', 'max'], [
      row('navigation start → body[data-ready]', p.fromNavigationStart),
      row('navigation start → response end', p.navigationToResponseEnd),
      row('DOMContentLoaded → body[data-ready]', p.fromDomContentLoaded),
    ]),
  ];
}
