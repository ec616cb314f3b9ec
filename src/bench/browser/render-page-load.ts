/** The report's section on the extension's cost to page load. Pure. */
import { fmt, medianP95 as s, paddedTable as table } from '../format.ts';
import type { PageLoadResult } from './page-load-summary.ts';

export function renderPageLoad(pl: PageLoadResult | undefined): string[] {
  if (!pl) return [];
  const leftOut = (ids: readonly string[]) => (ids.length === 0 ? 'none' : `${ids.length} (${ids.join(', ')})`);
  return [
    `\n### Cost to page load (${pl.pages} corpus pages × ${pl.rounds} rounds, with and without the extension, and with an empty` +
      ' content script, in turn; median / p95 ms)',
    table(['measure', 'with', 'without', 'with / without (medians)', 'per page, median of ratios', 'empty content script', 'empty / without', 'loads each'], [
      ['load event (loadEventEnd − startTime)', s(pl.with.loadMs), s(pl.without.loadMs), `${fmt(pl.loadRatio, 3)} ×`,
        `${fmt(pl.pairedLoadRatio, 3)} ×`, s(pl.empty.loadMs), `${fmt(pl.emptyLoadRatio, 3)} ×`, pl.with.loadMs.n],
      ['DOMContentLoaded (its end − startTime)', s(pl.with.dclMs), s(pl.without.dclMs),
        `${fmt(pl.with.dclMs.median / pl.without.dclMs.median, 3)} ×`, '', s(pl.empty.dclMs),
        `${fmt(pl.empty.dclMs.median / pl.without.dclMs.median, 3)} ×`, pl.with.dclMs.n],
      ['largest contentful paint', s(pl.with.lcpMs), s(pl.without.lcpMs), `${fmt(pl.lcpRatio, 3)} ×`,
        `${fmt(pl.pairedLcpRatio, 3)} ×`, s(pl.empty.lcpMs), `${fmt(pl.emptyLcpRatio, 3)} ×`, pl.with.lcpMs.n],
    ]),
    'Three headless Chromiums alive at once, launched alike (fresh profiles, the same flags; the extension installed in one,' +
      ' its read delay off so each visit is checked and recorded; in another, an extension whose one content script, injected' +
      ' as the extension\'s are (http and https pages, document idle), does nothing: what the browser charges any content' +
      ' script, its isolated world and its injection), each page loaded in each in turn (in one tab each, about:blank between loads),' +
      ' the arms taking all six orders in turn by page and round. The pages are served hermetic from 127.0.0.4 (their own scripts' +
      ' and other hosts blocked by a CSP; every other host fails in DNS), read two frames after load (LCP: the last entry then,' +
      ' waiting up to 1 s for a first one); with the extension,' +
      ' the next load waits until the page\'s report reached the worker.' +
      ` The extension's report reached the worker on ${pl.ran} of ${pl.withLoads} loads; the empty content script ran on` +
      ` ${pl.emptyRan} of ${pl.emptyLoads} (it sets an attribute on the page's root element, which no style reads, and nothing else).` +
      ` Left out of the load figures: ${leftOut(pl.loadLeftOut)}; of the LCP figures (no LCP entry in a load): ${leftOut(pl.lcpLeftOut)}.`,
  ];
}
