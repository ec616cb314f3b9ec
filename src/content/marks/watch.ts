/**
 * What the page changes after the first look, handed over together once the page is idle, so a
 * page changing nodes one at a time costs one batch, and the rest of the page is never walked
 * again: the elements added (infinite scroll, a "related stories" box filled late), the nodes
 * whose children changed (a badge taken out of a link's heading), the links pointed elsewhere
 * (a list that reuses its elements for other stories) and those whose text was written in place.
 * A link whose own children changed (its text written anew) is handed over at once, before the
 * page is painted again: Firefox paints a new text in a marked link unmarked until its range is
 * made anew. Batches come at most every MIN_GAP_MS: a page that changes without pause (a counter,
 * prices in links) costs two messages a second, not one a frame.
 */
export interface Watch {
  stop(): void;
  /**
   * Hears of the link's text written in place from now on. Only the links asked about are followed:
   * watching every text of the page made each text the page writes cost a record (a page writing
   * 5,000 texts took 12-25 times the CPU).
   */
  follow(anchor: HTMLAnchorElement): void;
}

export interface Changes {
  /** Elements added. */
  added: Element[];
  /** Other nodes whose children changed. */
  changed: Node[];
  /** Links whose own children, address or text changed. */
  links: HTMLAnchorElement[];
}

/** Longest wait for an idle moment before the batch goes anyway. */
const IDLE_TIMEOUT_MS = 500;
/** Shortest time between two batches (a link holding a counter changed 60-170 times a second). */
const MIN_GAP_MS = 500;

export function watchChanges(onChanges: (changes: Changes) => void, onLinkChildren: (anchor: HTMLAnchorElement) => void): Watch {
  let added: Element[] = [];
  let changed = new Set<Node>();
  let links = new Set<HTMLAnchorElement>();
  let scheduled = false;
  let last = -Infinity;
  const flush = () => {
    scheduled = false;
    last = performance.now();
    const batch = {
      added: added.filter((el) => el.isConnected),
      changed: [...changed].filter((node) => node.isConnected),
      links: [...links].filter((anchor) => anchor.isConnected),
    };
    added = [];
    changed = new Set();
    links = new Set();
    if (batch.added.length > 0 || batch.changed.length > 0 || batch.links.length > 0) onChanges(batch);
  };
  const observer = new MutationObserver((records) => {
    // Each link once, however many changes the page made to it at once.
    const respan = new Set<HTMLAnchorElement>();
    for (const record of records) {
      if (record.target instanceof HTMLAnchorElement) {
        links.add(record.target);
        if (record.type === 'childList') respan.add(record.target);
      } else if (record.type === 'childList') changed.add(record.target);
      for (const node of record.addedNodes) if (node instanceof Element) added.push(node);
    }
    for (const anchor of respan) onLinkChildren(anchor);
    schedule();
  });
  const schedule = () => {
    if ((added.length === 0 && changed.size === 0 && links.size === 0) || scheduled) return;
    scheduled = true;
    const idle = () => void (typeof requestIdleCallback === 'function' ? requestIdleCallback(flush, { timeout: IDLE_TIMEOUT_MS }) : setTimeout(flush, 50));
    const wait = last + MIN_GAP_MS - performance.now();
    if (wait > 0) setTimeout(idle, wait);
    else idle();
  };
  // A text written in place (a framework updating the text it rendered), heard of in the links
  // followed only: the link's range, around its children, still holds it; whether it reads
  // otherwise is for the batch.
  const texts = new MutationObserver((records) => {
    for (const record of records) {
      const anchor = record.target.parentElement?.closest('a');
      if (anchor instanceof HTMLAnchorElement) links.add(anchor);
    }
    schedule();
  });
  observer.observe(document.documentElement, { childList: true, subtree: true, attributes: true, attributeFilter: ['href'] });
  return {
    stop: () => {
      observer.disconnect();
      texts.disconnect();
    },
    follow: (anchor) => texts.observe(anchor, { characterData: true, subtree: true }),
  };
}
