import { describe, expect, it } from 'vitest';
import { loadOrder, summarisePageLoad, type Arm, type PageLoadSample } from '../../src/bench/browser/page-load-summary.ts';
import { spreadOverSources } from '../../src/bench/browser/corpus.ts';

const sample = (page: string, round: number, arm: Arm, loadMs: number, lcpMs: number | null = loadMs / 2): PageLoadSample =>
  ({ page, round, arm, loadMs, dclMs: loadMs / 4, lcpMs, ran: arm === 'with' ? true : null });

describe('loadOrder', () => {
  it('loads every page in every round in every arm, back to back, the order taken in turn by page and by round', () => {
    const steps = loadOrder(3, 2);
    expect(steps).toHaveLength(6);
    expect(steps.map((s) => `${s.round}:${s.page}:${s.order.join('/')}`)).toEqual([
      '0:0:with/without/empty', '0:1:without/empty/with', '0:2:empty/with/without',
      '1:0:without/empty/with', '1:1:empty/with/without', '1:2:with/empty/without',
    ]);
    for (const step of loadOrder(30, 3)) expect([...step.order].sort()).toEqual(['empty', 'with', 'without']);
  });

  it('over the phase\'s 30 pages × 3 rounds, puts each arm first, and right after each other arm, equally often', () => {
    const steps = loadOrder(30, 3);
    const first = new Map<string, number>();
    const after = new Map<string, number>();
    const count = (map: Map<string, number>, key: string) => map.set(key, (map.get(key) ?? 0) + 1);
    for (const { order } of steps) {
      count(first, order[0]!);
      for (let i = 1; i < order.length; i++) count(after, `${order[i - 1]}>${order[i]}`);
    }
    expect([...first.values()]).toEqual([30, 30, 30]);
    // Six ordered pairs, each 30 times (90 steps × 2 pairs each).
    expect(after.size).toBe(6);
    expect(new Set(after.values())).toEqual(new Set([30]));
  });
});

describe('summarisePageLoad', () => {
  it('gives each arm the median over its loads, and the ratios with / without', () => {
    const samples = [
      sample('a', 0, 'with', 110), sample('a', 0, 'without', 100),
      sample('b', 0, 'with', 210), sample('b', 0, 'without', 200),
      sample('c', 0, 'with', 330), sample('c', 0, 'without', 300),
    ];
    const r = summarisePageLoad(samples);
    expect(r.pages).toBe(3);
    expect(r.rounds).toBe(1);
    expect(r.with.loadMs.median).toBe(210);
    expect(r.without.loadMs.median).toBe(200);
    expect(r.without.dclMs.median).toBe(50);
    expect(r.loadRatio).toBeCloseTo(1.05);
    expect(r.lcpRatio).toBeCloseTo(1.05);
    // Per page: 1.1, 1.05, 1.1.
    expect(r.pairedLoadRatio).toBeCloseTo(1.1);
    expect(r.withLoads).toBe(3);
    expect(r.ran).toBe(3);
  });

  it('leaves a page without an LCP entry out of both arms\' LCP figures, and a failed load out of everything', () => {
    const samples = [
      sample('a', 0, 'with', 100, 50), sample('a', 0, 'without', 100, 40),
      sample('a', 1, 'with', 100, 60), sample('a', 1, 'without', 100, 40),
      sample('b', 0, 'with', 100, null), sample('b', 0, 'without', 100, 900),
      sample('b', 1, 'with', 100, 900), sample('b', 1, 'without', 100, 900),
      sample('c', 0, 'with', Number.NaN, null), sample('c', 0, 'without', 100, 10),
      sample('c', 1, 'with', 100, 10), sample('c', 1, 'without', 100, 10),
    ];
    const r = summarisePageLoad(samples);
    expect(r.rounds).toBe(2);
    expect(r.loadLeftOut).toEqual(['c']);
    expect(r.lcpLeftOut).toEqual(['b', 'c']);
    expect(r.with.loadMs.n).toBe(4);
    expect(r.without.lcpMs.n).toBe(2);
    expect(r.with.lcpMs.median).toBe(55);
    expect(r.lcpRatio).toBeCloseTo(55 / 40);
    expect(r.loadRatio).toBe(1);
  });

  it('gives the empty content script\'s arm its medians and its ratios to the arm without', () => {
    const samples = [
      sample('a', 0, 'with', 120), sample('a', 0, 'without', 100), sample('a', 0, 'empty', 104),
      sample('b', 0, 'with', 230), sample('b', 0, 'without', 200), sample('b', 0, 'empty', 206),
      sample('c', 0, 'with', 330), sample('c', 0, 'without', 300, null), sample('c', 0, 'empty', Number.NaN),
    ];
    const r = summarisePageLoad(samples);
    // Page c's failed load in the empty arm leaves it out of every arm's figures.
    expect(r.loadLeftOut).toEqual(['c']);
    expect(r.empty.loadMs.n).toBe(2);
    expect(r.empty.loadMs.median).toBe(155);
    expect(r.emptyLoadRatio).toBeCloseTo(155 / 150);
    expect(r.emptyLcpRatio).toBeCloseTo(155 / 150);
    expect(r.loadRatio).toBeCloseTo(175 / 150);
  });

  it('counts the loads whose report did not reach the worker', () => {
    const r = summarisePageLoad([{ ...sample('a', 0, 'with', 100), ran: false }, sample('a', 0, 'without', 100)]);
    expect(r.withLoads).toBe(1);
    expect(r.ran).toBe(0);
  });

  it('gives NaN ratios when no page is left', () => {
    const r = summarisePageLoad([sample('a', 0, 'with', 100, null), sample('a', 0, 'without', 100, null)]);
    expect(r.lcpRatio).toBeNaN();
    expect(r.lcpLeftOut).toEqual(['a']);
  });
});

describe('spreadOverSources', () => {
  const pages = [
    ...Array.from({ length: 60 }, (_, i) => ({ id: `l3s-${String(i).padStart(2, '0')}` })),
    ...Array.from({ length: 30 }, (_, i) => ({ id: `msv-${String(i).padStart(2, '0')}` })),
    ...Array.from({ length: 10 }, (_, i) => ({ id: `rdb-${i}` })),
  ];

  it('gives each source its share, spread through its list, the same every time', () => {
    const chosen = spreadOverSources(pages, 20);
    expect(chosen.map((p) => p.id)).toEqual(spreadOverSources(pages, 20).map((p) => p.id));
    const count = (prefix: string) => chosen.filter((p) => p.id.startsWith(prefix)).length;
    expect([count('l3s-'), count('msv-'), count('rdb-')]).toEqual([12, 6, 2]);
    expect(chosen.filter((p) => p.id.startsWith('l3s-')).map((p) => p.id)[0]).toBe('l3s-02');
  });

  it('takes at least one page of a small source', () => {
    expect(spreadOverSources([...pages, { id: 'aeb-only' }], 10).map((p) => p.id)).toContain('aeb-only');
  });
});
