/**
 * The marks themselves. The look is painted by the CSS Custom Highlight API (marks.css,
 * ::highlight(deja-lu-read), injected by the manifest): no element, class or style is added to the
 * page, so its layout, scripts and styles are untouched. What needs the DOM is the link's `title`
 * (the tooltip, and the screen readers' description of the link), restored on undo unless the page
 * has changed it since.
 */
export const HIGHLIGHT = 'deja-lu-read';

interface Mark {
  range: StaticRange;
  /** The link's own title before the mark (null: it had none). */
  own: string | null;
  /** The title the mark gave it. */
  given: string;
}

/** The whole of what a link holds. */
const spanOf = (anchor: HTMLAnchorElement) =>
  new StaticRange({ startContainer: anchor, startOffset: 0, endContainer: anchor, endOffset: anchor.childNodes.length });

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
    // A static range: a live one is kept up to date by the browser through every change the page
    // makes to its DOM (a cost to each, for each mark); this one is spanned anew when the link's
    // children change (refresh).
    const range = spanOf(anchor);
    this.highlight.add(range);
    this.marked.set(anchor, { range, own, given });
  }

  /**
   * Spans anew the marked links among or around `changed` (nodes whose children the page changed):
   * a link whose text was written anew would otherwise lose its highlight, or keep a part of it.
   */
  refresh(changed: readonly Node[]): void {
    for (const node of changed) {
      const anchor = (node instanceof Element ? node : node.parentElement)?.closest('a');
      const mark = anchor && this.marked.get(anchor);
      if (!anchor || !mark) continue;
      this.highlight.delete(mark.range);
      mark.range = spanOf(anchor);
      this.highlight.add(mark.range);
    }
  }

  /** Lets go of the links the page has taken out (a list rendered anew, a ticker): they would otherwise pile up. */
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
