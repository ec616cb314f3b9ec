/** The report's section on the extension's cost to page load. Pure. */
import { fmt, medianP95 as s, paddedTable as table } from '../format.ts';
import type { PageLoadResult } from './page-load-summary.ts';

export function renderPageLoad(pl: PageLoadResult | undefined): string[] {
  if (!pl) return [];
  const leftOut = (ids: readonly string[]) => (ids.length === 0 ? 'none' : `${ids.length} (${ids.join(', ')})`);
  return [
    `\n### Cost to page load (${pl.pages} corpus pages × ${pl.rounds} rounds, with and without the extension in turn;` +
      ' median / p95 ms)',
    table(['measure', 'with', 'without', 'with / without (medians)', 'per page, median of ratios', 'loads each'], [
      ['load event (loadEventEnd − startTime)', s(pl.with.loadMs), s(pl.without.loadMs), `${fmt(pl.loadRatio, 3)} ×`,
        `${fmt(pl.pairedLoadRatio, 3)} ×`, pl.with.loadMs.n],
      ['DOMContentLoaded (its end − startTime)', s(pl.with.dclMs), s(pl.without.dclMs),
        `${fmt(pl.with.dclMs.median / pl.without.dclMs.median, 3)} ×`, '', pl.with.dclMs.n],
      ['largest contentful paint', s(pl.with.lcpMs), s(pl.without.lcpMs), `${fmt(pl.lcpRatio, 3)} ×`,
        `${fmt(pl.pairedLcpRatio, 3)} ×`, pl.with.lcpMs.n],
    ]),
    'Two headless Chromiums alive at once, launched alike (fresh profiles, the same flags; the extension installed in one,' +
      ' its read delay off so each visit is checked and recorded), each page loaded in one then the other (in one tab each,' +
      ' about:blank between loads),' +
      ' the arm going first alternating by page and round. The pages are served hermetic from 127.0.0.4 (their own scripts' +
      ' and other hosts blocked by a CSP; every other host fails in DNS), read two frames after load (LCP: the last entry then,' +
      ' waiting up to 1 s for a first one); with the extension,' +
      ' the next load waits until the page\'s report reached the worker.' +
      ` The extension's report reached the worker on ${pl.ran} of ${pl.withLoads} loads.` +
      ` Left out of the load figures: ${leftOut(pl.loadLeftOut)}; of the LCP figures (no LCP entry in a load): ${leftOut(pl.lcpLeftOut)}.`,
  ];
}
