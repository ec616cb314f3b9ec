/**
 * The extension's cost to page load, from loads of the same pages with and without it, and with an
 * extension whose one content script does nothing (what any extension with a content script costs,
 * the reference): the order of the loads and the figures made of them. Pure: numbers in, numbers out.
 */
import { median, summarise, type Summary } from '../stats.ts';

export type Arm = 'with' | 'without' | 'empty';

/** One load of one page in one arm. */
export interface PageLoadSample {
  page: string;
  round: number;
  arm: Arm;
  /** loadEventEnd - startTime of the navigation entry; NaN when the load failed */
  loadMs: number;
  /** domContentLoadedEventEnd - startTime: where the load event's time goes (the content script runs after DOMContentLoaded) */
  dclMs: number;
  /** the last largest-contentful-paint entry's startTime, or null when the page reported none */
  lcpMs: number | null;
  /**
   * with the extension: whether the content script's report reached the worker; with the empty
   * content script: whether it ran (null without an extension)
   */
  ran: boolean | null;
}

export interface ArmFigures {
  loadMs: Summary;
  dclMs: Summary;
  lcpMs: Summary;
}

export interface PageLoadResult {
  pages: number;
  rounds: number;
  with: ArmFigures;
  without: ArmFigures;
  /** An extension whose one content script, injected as the extension's are (document idle), does nothing. */
  empty: ArmFigures;
  /** median load-event time and LCP with the empty content script / without */
  emptyLoadRatio: number;
  emptyLcpRatio: number;
  /** median load-event time with / without */
  loadRatio: number;
  /** median LCP with / without, over the pages that reported one in every load */
  lcpRatio: number;
  /** per page, its median with / its median without, then the median of those */
  pairedLoadRatio: number;
  pairedLcpRatio: number;
  /** pages left out of the load figures (a load failed) and of the LCP figures (no entry, or a failed load) */
  loadLeftOut: string[];
  lcpLeftOut: string[];
  /** loads with the extension, and those whose report reached the worker */
  withLoads: number;
  ran: number;
  /** loads with the empty content script, and those in which it ran */
  emptyLoads: number;
  emptyRan: number;
  /** every load, in the order made */
  samples: PageLoadSample[];
}

export interface LoadStep {
  page: number;
  round: number;
  /** the arms in the order they load this page in this round, back to back */
  order: Arm[];
}

export const ARMS: readonly Arm[] = ['with', 'without', 'empty'];

/**
 * Every order of the three arms: each arm goes first, and comes right after each other arm, in as
 * many of them (the work one arm's load leaves behind, its worker recording the visit, falls on
 * the next load as often in each arm).
 */
const ORDERS: readonly Arm[][] = [
  ['with', 'without', 'empty'], ['without', 'empty', 'with'], ['empty', 'with', 'without'],
  ['with', 'empty', 'without'], ['without', 'with', 'empty'], ['empty', 'without', 'with'],
];

/**
 * Every page of every round loaded in every arm back to back, the arms' order taken in turn from
 * ORDERS by page and by round: drift in the machine's load falls on all arms alike, and no arm
 * follows another more often than the others.
 */
export function loadOrder(pages: number, rounds: number): LoadStep[] {
  const steps: LoadStep[] = [];
  for (let round = 0; round < rounds; round++) {
    for (let page = 0; page < pages; page++) steps.push({ page, round, order: [...ORDERS[(page + round) % ORDERS.length]!] });
  }
  return steps;
}

/** The figures of a run: each median over the loads (pages × rounds) of the pages kept in every arm (a load failed in one leaves its page out of all). */
export function summarisePageLoad(samples: readonly PageLoadSample[]): PageLoadResult {
  const pages = [...new Set(samples.map((s) => s.page))];
  const of = (page: string) => samples.filter((s) => s.page === page);
  const loadKept = pages.filter((p) => of(p).every((s) => Number.isFinite(s.loadMs)));
  const lcpKept = loadKept.filter((p) => of(p).every((s) => s.lcpMs !== null && Number.isFinite(s.lcpMs)));
  const values = (kept: readonly string[], arm: Arm, pick: (s: PageLoadSample) => number) =>
    samples.filter((s) => s.arm === arm && kept.includes(s.page)).map(pick);
  const load = (s: PageLoadSample) => s.loadMs;
  const lcp = (s: PageLoadSample) => s.lcpMs ?? Number.NaN;
  const figures = (arm: Arm): ArmFigures => ({
    loadMs: summarise(values(loadKept, arm, load)),
    dclMs: summarise(values(loadKept, arm, (s) => s.dclMs)),
    lcpMs: summarise(values(lcpKept, arm, lcp)),
  });
  const [withArm, withoutArm, emptyArm] = ARMS.map(figures) as [ArmFigures, ArmFigures, ArmFigures];
  const paired = (kept: readonly string[], pick: (s: PageLoadSample) => number) => median(kept.map((p) => {
    const arm = (a: Arm) => median(of(p).filter((s) => s.arm === a).map(pick));
    return arm('with') / arm('without');
  }));
  const withSamples = samples.filter((s) => s.arm === 'with');
  return {
    pages: pages.length,
    rounds: new Set(samples.map((s) => s.round)).size,
    with: withArm,
    without: withoutArm,
    empty: emptyArm,
    emptyLoadRatio: emptyArm.loadMs.median / withoutArm.loadMs.median,
    emptyLcpRatio: emptyArm.lcpMs.median / withoutArm.lcpMs.median,
    loadRatio: withArm.loadMs.median / withoutArm.loadMs.median,
    lcpRatio: withArm.lcpMs.median / withoutArm.lcpMs.median,
    pairedLoadRatio: paired(loadKept, load),
    pairedLcpRatio: paired(lcpKept, lcp),
    loadLeftOut: pages.filter((p) => !loadKept.includes(p)),
    lcpLeftOut: pages.filter((p) => !lcpKept.includes(p)),
    withLoads: withSamples.length,
    ran: withSamples.filter((s) => s.ran === true).length,
    emptyLoads: samples.filter((s) => s.arm === 'empty').length,
    emptyRan: samples.filter((s) => s.arm === 'empty' && s.ran === true).length,
    samples: [...samples],
  };
}
