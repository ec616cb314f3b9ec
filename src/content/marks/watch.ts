/**
 * Links added after the first look (infinite scroll, a "related stories" box filled late): the
 * elements added since the last batch, handed over together once the page is idle, so a page
 * adding nodes one at a time costs one batch, and the rest of the page is never walked again.
 * With them, the nodes whose children changed (a marked link's text written anew).
 */
export interface Watch {
  stop(): void;
}

/** Longest wait for an idle moment before the batch goes anyway. */
const IDLE_TIMEOUT_MS = 500;

export function watchAdded(onAdded: (roots: Element[], changed: Node[]) => void): Watch {
  let added: Element[] = [];
  let changed = new Set<Node>();
  let scheduled = false;
  const flush = () => {
    scheduled = false;
    const roots = added.filter((el) => el.isConnected);
    const parents = [...changed].filter((node) => node.isConnected);
    added = [];
    changed = new Set();
    if (roots.length > 0 || parents.length > 0) onAdded(roots, parents);
  };
  const observer = new MutationObserver((records) => {
    for (const record of records) {
      if (record.addedNodes.length > 0) changed.add(record.target);
      for (const node of record.addedNodes) if (node instanceof Element) added.push(node);
    }
    if (changed.size === 0 || scheduled) return;
    scheduled = true;
    if (typeof requestIdleCallback === 'function') requestIdleCallback(flush, { timeout: IDLE_TIMEOUT_MS });
    else setTimeout(flush, 50);
  });
  observer.observe(document.documentElement, { childList: true, subtree: true });
  return { stop: () => observer.disconnect() };
}
