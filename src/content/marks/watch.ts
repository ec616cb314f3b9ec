/**
 * Links added after the first look (infinite scroll, a "related stories" box filled late): the
 * elements added since the last batch, handed over together once the page is idle, so a page
 * adding nodes one at a time costs one batch, and the rest of the page is never walked again.
 */
export interface Watch {
  stop(): void;
}

/** Longest wait for an idle moment before the batch goes anyway. */
const IDLE_TIMEOUT_MS = 500;

export function watchAdded(onAdded: (roots: Element[]) => void): Watch {
  let added: Element[] = [];
  let scheduled = false;
  const flush = () => {
    scheduled = false;
    const roots = added.filter((el) => el.isConnected);
    added = [];
    if (roots.length > 0) onAdded(roots);
  };
  const observer = new MutationObserver((records) => {
    for (const record of records) for (const node of record.addedNodes) if (node instanceof Element) added.push(node);
    if (added.length === 0 || scheduled) return;
    scheduled = true;
    if (typeof requestIdleCallback === 'function') requestIdleCallback(flush, { timeout: IDLE_TIMEOUT_MS });
    else setTimeout(flush, 50);
  });
  observer.observe(document.documentElement, { childList: true, subtree: true });
  return { stop: () => observer.disconnect() };
}
