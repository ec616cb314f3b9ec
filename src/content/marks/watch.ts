/**
 * What the page changes after the first look, handed over together once the page is idle, so a
 * page changing nodes one at a time costs one batch, and the rest of the page is never walked
 * again: the elements added (infinite scroll, a "related stories" box filled late), the nodes
 * whose children changed (a badge taken out of a link's heading), the links pointed elsewhere
 * (a list that reuses its elements for other stories) and those whose text was written in place. A link whose own children changed (its
 * text written anew) is handed over at once, before the page is painted again: Firefox paints a
 * new text in a marked link unmarked until its range is made anew.
 */
export interface Watch {
  stop(): void;
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

export function watchChanges(onChanges: (changes: Changes) => void, onLinkChildren: (anchor: HTMLAnchorElement) => void): Watch {
  let added: Element[] = [];
  let changed = new Set<Node>();
  let links = new Set<HTMLAnchorElement>();
  let scheduled = false;
  const flush = () => {
    scheduled = false;
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
      // A text written in place (a framework updating the text it rendered): the link's range,
      // around its children, still holds it; whether it reads otherwise is for the batch.
      if (record.type === 'characterData') {
        const anchor = record.target.parentElement?.closest('a');
        if (anchor instanceof HTMLAnchorElement) links.add(anchor);
        continue;
      }
      if (record.target instanceof HTMLAnchorElement) {
        links.add(record.target);
        if (record.type === 'childList') respan.add(record.target);
      } else if (record.type === 'childList') changed.add(record.target);
      for (const node of record.addedNodes) if (node instanceof Element) added.push(node);
    }
    for (const anchor of respan) onLinkChildren(anchor);
    if ((added.length === 0 && changed.size === 0 && links.size === 0) || scheduled) return;
    scheduled = true;
    if (typeof requestIdleCallback === 'function') requestIdleCallback(flush, { timeout: IDLE_TIMEOUT_MS });
    else setTimeout(flush, 50);
  });
  observer.observe(document.documentElement, { childList: true, subtree: true, characterData: true, attributes: true, attributeFilter: ['href'] });
  return { stop: () => observer.disconnect() };
}
