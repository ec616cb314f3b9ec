/**
 * The marks themselves. The look is painted by the CSS Custom Highlight API (marks.css,
 * ::highlight(deja-lu-read), injected by the manifest): no element, class or style is added to the
 * page, so its layout, scripts and styles are untouched. What needs the DOM is the link's `title`
 * (the tooltip, and the screen readers' description of the link), restored exactly on undo.
 */
export const HIGHLIGHT = 'deja-lu-read';

export class Marks {
  private readonly highlight = new Highlight();
  /** Each marked link's own title before the mark (null: it had none). */
  private readonly titles = new Map<HTMLAnchorElement, string | null>();

  constructor() {
    CSS.highlights.set(HIGHLIGHT, this.highlight);
  }

  get size(): number {
    return this.titles.size;
  }

  /** Marks a link: its text highlighted, `label` added to its title. */
  add(anchor: HTMLAnchorElement, label: string): void {
    if (this.titles.has(anchor)) return;
    const own = anchor.getAttribute('title');
    this.titles.set(anchor, own);
    anchor.setAttribute('title', own ? `${own}\n${label}` : label);
    const range = document.createRange();
    range.selectNodeContents(anchor);
    this.highlight.add(range);
  }

  /** Takes every mark away: the highlight gone, each link's title as it was. */
  clear(): void {
    this.highlight.clear();
    CSS.highlights.delete(HIGHLIGHT);
    for (const [anchor, own] of this.titles) {
      if (own === null) anchor.removeAttribute('title');
      else anchor.setAttribute('title', own);
    }
    this.titles.clear();
  }
}
