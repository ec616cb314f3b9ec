/** Small builders for extension pages: every piece of text is set as text, never parsed as HTML. */
export function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  options: { className?: string; text?: string; label?: string } = {},
  children: (Node | string)[] = [],
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (options.className) node.className = options.className;
  if (options.text !== undefined) node.textContent = options.text;
  if (options.label) node.setAttribute('aria-label', options.label);
  node.append(...children);
  return node;
}

/**
 * Page data (a title, a site) in its own direction, whatever the UI's: a Latin title in a Hebrew
 * popup, a Hebrew title in an English one. <bdi> is dir=auto and isolated from the text around it,
 * while the element holding it keeps the UI's alignment (in both browsers: a block with dir=auto
 * aligns to its own start in Chromium, to its parent's in Firefox).
 */
export const pageText = (text: string): HTMLElement => element('bdi', { text });

/** A link to a page, its title or address as page text, opening in a new tab; only http(s) addresses become clickable. */
export function link(url: string, text: string): HTMLAnchorElement {
  const a = element('a', {}, [pageText(text || url)]);
  if (/^https?:\/\//i.test(url)) a.href = url;
  a.target = '_blank';
  a.rel = 'noopener noreferrer';
  return a;
}
