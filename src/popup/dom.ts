/** Small builders for extension pages: every piece of text is set as text, never parsed as HTML. */
export function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  options: { className?: string; text?: string; label?: string } = {},
  children: Node[] = [],
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (options.className) node.className = options.className;
  if (options.text !== undefined) node.textContent = options.text;
  if (options.label) node.setAttribute('aria-label', options.label);
  node.append(...children);
  return node;
}

/** A link that opens in a new tab; only http(s) addresses become clickable. */
export function link(url: string, text: string): HTMLAnchorElement {
  const a = element('a', { text: text || url });
  if (/^https?:\/\//i.test(url)) a.href = url;
  a.target = '_blank';
  a.rel = 'noopener noreferrer';
  return a;
}
