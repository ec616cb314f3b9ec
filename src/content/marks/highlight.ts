/**
 * The marks themselves. The look is painted by the CSS Custom Highlight API (marks.css,
 * ::highlight(deja-lu-read), injected by the manifest): no element, class or style is added to the
 * page, so its layout, scripts and styles are untouched. What needs the DOM is the link's `title`
 * (the tooltip, and the screen readers' description of the link), restored on undo unless the page
 * has changed it since.
 */
export const HIGHLIGHT = 'deja-lu-read';

interface Mark {
  range: Range;
  /** The link's own title before the mark (null: it had none). */
  own: string | null;
  /** The title the mark gave it. */
  given: string;
}

export class Marks {
  private readonly highlight = new Highlight();
  private readonly marked = new Map<HTMLAnchorElement, Mark>();

  constructor() {
    CSS.highlights.set(HIGHLIGHT, this.highlight);
  }

  get size(): number {
    return this.marked.size;
  }

  /** Marks a link: its text highlighted, `label` added to its title. */
  add(anchor: HTMLAnchorElement, label: string): void {
    if (this.marked.has(anchor)) return;
    const own = anchor.getAttribute('title');
    // A copy of a marked link (a list rendered anew from its nodes) has the label already.
    const given = !own ? label : own === label || own.endsWith(`\n${label}`) ? own : `${own}\n${label}`;
    anchor.setAttribute('title', given);
    const range = document.createRange();
    range.selectNodeContents(anchor);
    this.highlight.add(range);
    this.marked.set(anchor, { range, own, given });
  }

  /**
   * Lets go of the links the page has taken out (a list rendered anew, a ticker): their ranges,
   * kept live by the browser through every change to the page, would otherwise pile up.
   */
  prune(): void {
    for (const [anchor, { range }] of this.marked) {
      if (anchor.isConnected) continue;
      this.highlight.delete(range);
      this.marked.delete(anchor);
    }
  }

  /** Takes every mark away: the highlight gone, each link's title as it was, unless the page has changed it since. */
  clear(): void {
    this.highlight.clear();
    CSS.highlights.delete(HIGHLIGHT);
    for (const [anchor, { own, given }] of this.marked) {
      if (anchor.getAttribute('title') !== given) continue;
      if (own === null) anchor.removeAttribute('title');
      else anchor.setAttribute('title', own);
    }
    this.marked.clear();
  }
}
