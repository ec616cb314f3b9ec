/**
 * The contents of the notice's closed shadow root. A page cannot reach it, and neither can
 * puppeteer's selectors; Chromium's DevTools protocol can (DOM.getDocument with pierce). Firefox's
 * WebDriver BiDi has no such door, so there the notice is checked from outside only.
 */
import type { Page } from 'puppeteer-core';

interface DomNode {
  nodeType: number;
  nodeName: string;
  nodeValue: string;
  children?: DomNode[];
  shadowRoots?: DomNode[];
}

export interface NoticeContents {
  /** Every text node inside the shadow root, in order (the style sheet's text left out). */
  text: string;
  /** Every element name inside the shadow root. */
  elements: string[];
}

/** Chromium only: the notice's text and elements, or null when the page shows no notice. */
export async function noticeContents(page: Page): Promise<NoticeContents | null> {
  const session = await page.createCDPSession();
  try {
    const { root } = (await session.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: DomNode };
    const host = find(root, (node) => node.nodeName === 'DEJA-LU-NOTICE');
    const shadow = host?.shadowRoots?.[0];
    if (!shadow) return null;
    const texts: string[] = [];
    const elements: string[] = [];
    walk(shadow, (node, parent) => {
      if (node.nodeType === 1) elements.push(node.nodeName);
      if (node.nodeType === 3 && parent?.nodeName !== 'STYLE') texts.push(node.nodeValue);
    });
    return { text: texts.join(' '), elements };
  } finally {
    await session.detach().catch(() => undefined);
  }
}

function find(node: DomNode, test: (node: DomNode) => boolean): DomNode | null {
  let found: DomNode | null = null;
  walk(node, (n) => {
    if (!found && test(n)) found = n;
  });
  return found;
}

function walk(node: DomNode, visit: (node: DomNode, parent: DomNode | null) => void, parent: DomNode | null = null): void {
  const stack: [DomNode, DomNode | null][] = [[node, parent]];
  while (stack.length > 0) {
    const [current, above] = stack.pop()!;
    visit(current, above);
    const next = [...(current.shadowRoots ?? []), ...(current.children ?? [])];
    for (let i = next.length - 1; i >= 0; i--) stack.push([next[i]!, current]);
  }
}
