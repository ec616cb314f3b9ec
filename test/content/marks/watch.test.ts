/**
 * What the marks watch (src/content/marks/watch.ts) asks the browser to report: the whole page's
 * children and links' addresses, but text written in place only inside the links followed (those
 * asked about). Every text a page writes elsewhere would otherwise cost a record: a page writing
 * 5,000 texts took 12 to 25 times the CPU. Here MutationObserver is a stand-in that keeps what it
 * was asked to observe.
 */
import { parseHTML } from 'linkedom';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { watchChanges } from '../../../src/content/marks/watch.ts';

interface Observed {
  target: Node;
  options: MutationObserverInit;
}
let observers: { observed: Observed[]; disconnected: boolean }[] = [];

class FakeObserver {
  private readonly state = { observed: [] as Observed[], disconnected: false };
  constructor() {
    observers.push(this.state);
  }
  observe(target: Node, options: MutationObserverInit) {
    this.state.observed.push({ target, options });
  }
  disconnect() {
    this.state.disconnected = true;
  }
}

let document: Document;
beforeEach(() => {
  observers = [];
  ({ document } = parseHTML('<!DOCTYPE html><html><body><p>Text <a href="/a">A story</a></p></body></html>'));
  vi.stubGlobal('document', document);
  vi.stubGlobal('MutationObserver', FakeObserver);
});
afterEach(() => vi.unstubAllGlobals());

describe('watchChanges', () => {
  it('watches the whole page without its texts, and a followed link with them', () => {
    const watch = watchChanges(() => undefined, () => undefined);
    const pageWide = observers.flatMap((o) => o.observed).filter((o) => o.target === document.documentElement);
    expect(pageWide).toHaveLength(1);
    expect(pageWide[0]!.options).toMatchObject({ childList: true, subtree: true, attributeFilter: ['href'] });
    expect(pageWide[0]!.options.characterData).toBeFalsy();

    const anchor = document.querySelector('a') as unknown as HTMLAnchorElement;
    watch.follow(anchor);
    const followed = observers.flatMap((o) => o.observed).filter((o) => o.target === anchor);
    expect(followed).toEqual([{ target: anchor, options: { characterData: true, subtree: true } }]);

    watch.stop();
    expect(observers.every((o) => o.disconnected)).toBe(true);
  });
});
