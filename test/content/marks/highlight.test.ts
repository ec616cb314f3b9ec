/**
 * The marks' order of work (src/content/marks/highlight.ts): Firefox checks every range of a
 * highlight at its first change after any change to the DOM, so the titles (a DOM change each) all
 * go before the ranges, and many links unmarked at once make the highlight anew rather than taking
 * out ranges one by one. Here the highlight is a stand-in that logs what is done to it, with the
 * links' titles as they were at each step.
 */
import { parseHTML } from 'linkedom';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { HIGHLIGHT, Marks } from '../../../src/content/marks/highlight.ts';

let log: string[] = [];
let anchors: HTMLAnchorElement[] = [];
const titled = () => anchors.filter((a) => a.hasAttribute('title')).length;

class FakeRange {
  constructor(readonly init: { startContainer: Node }) {}
}
class FakeHighlight {
  readonly ranges = new Set<FakeRange>();
  add(range: FakeRange) {
    log.push(`add (${titled()} titled)`);
    this.ranges.add(range);
  }
  delete(range: FakeRange) {
    log.push('delete');
    return this.ranges.delete(range);
  }
  clear() {
    log.push('clear');
    this.ranges.clear();
  }
}

function page(count: number) {
  const { document } = parseHTML(`<!DOCTYPE html><html><body>${Array.from({ length: count }, (_, i) => `<a href="/s${i}">Story ${i}</a>`).join('')}</body></html>`);
  anchors = [...document.querySelectorAll('a')] as unknown as HTMLAnchorElement[];
}

const highlights = new Map<string, FakeHighlight>();
beforeEach(() => {
  log = [];
  highlights.clear();
  vi.stubGlobal('Highlight', FakeHighlight);
  vi.stubGlobal('StaticRange', FakeRange);
  vi.stubGlobal('CSS', { highlights });
});
afterEach(() => vi.unstubAllGlobals());

describe('Marks', () => {
  it('gives every link its title before it adds the first range', () => {
    page(5);
    const marks = new Marks();
    marks.add(anchors.map((a, i) => [a, `Read on example.com · ${i} days ago`] as const));
    expect(log).toEqual(Array.from({ length: 5 }, () => 'add (5 titled)'));
    expect(highlights.get(HIGHLIGHT)?.ranges.size).toBe(5);
    expect(anchors.map((a) => a.getAttribute('title'))).toEqual(anchors.map((_, i) => `Read on example.com · ${i} days ago`));
  });

  it('changes only the title of a link marked already, adding no second range', () => {
    page(2);
    const marks = new Marks();
    marks.add([[anchors[0]!, 'Read on a.example · 1 day ago']]);
    log = [];
    marks.add([[anchors[0]!, 'Read on a.example · 2 days ago'], [anchors[1]!, 'Read on b.example · 1 day ago']]);
    expect(log).toEqual(['add (2 titled)']);
    expect(anchors[0]!.getAttribute('title')).toBe('Read on a.example · 2 days ago');
    expect(highlights.get(HIGHLIGHT)?.ranges.size).toBe(2);
  });

  it('takes a few marks off range by range, many by making the highlight anew; titles given back after the ranges', () => {
    page(40);
    const marks = new Marks();
    marks.add(anchors.map((a) => [a, 'Read on example.com · today'] as const));
    log = [];
    expect(marks.remove(anchors.slice(0, 3))).toHaveLength(3);
    expect(log).toEqual(['delete', 'delete', 'delete']);
    expect(anchors.slice(0, 3).map((a) => a.getAttribute('title'))).toEqual([null, null, null]);

    log = [];
    expect(marks.remove(anchors.slice(3, 23))).toHaveLength(20);
    // Cleared, then the 17 left added back, while the 20 still had their titles.
    expect(log).toEqual(['clear', ...Array.from({ length: 17 }, () => 'add (37 titled)')]);
    expect(highlights.get(HIGHLIGHT)?.ranges.size).toBe(17);
    expect(titled()).toBe(17);
  });
});
