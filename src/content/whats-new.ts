/**
 * "What's new": marks the paragraphs of the live page that the reader has not read in an earlier
 * copy, found by the same paragraph hashes the history stores. `undo()` puts every touched
 * attribute back exactly as it was.
 */
import { paragraphHash } from '../core/fingerprint.ts';

const BLOCKS = 'p, li, blockquote, h2, h3, h4, h5, h6, pre, dd, figcaption, td';
const MAX_BLOCKS = 5_000;
const MARK = 'background-color: rgba(255, 214, 0, 0.28) !important; box-shadow: -6px 0 0 rgba(255, 190, 0, 0.9) !important;';

export interface WhatsNew {
  fresh: number;
  total: number;
  undo: () => void;
}

export function highlightNew(doc: Document, articleParagraphs: readonly number[], read: readonly number[]): WhatsNew {
  const readSet = new Set(read);
  const wanted = new Set(articleParagraphs.filter((h) => !readSet.has(h)));
  const touched: { el: HTMLElement; style: string | null }[] = [];
  const blocks = doc.body?.querySelectorAll<HTMLElement>(BLOCKS) ?? [];
  for (let i = 0; i < blocks.length && i < MAX_BLOCKS; i++) {
    const el = blocks[i]!;
    const hash = paragraphHash(el.textContent ?? '');
    if (hash === null || !wanted.has(hash)) continue;
    touched.push({ el, style: el.getAttribute('style') });
    el.setAttribute('style', `${el.getAttribute('style') ?? ''};${MARK}`);
  }
  return {
    fresh: wanted.size,
    total: new Set(articleParagraphs).size,
    undo() {
      for (const { el, style } of touched) {
        if (style === null) el.removeAttribute('style');
        else el.setAttribute('style', style);
      }
      touched.length = 0;
    },
  };
}
