/**
 * The marks themselves. The look is painted by the CSS Custom Highlight API (marks.css,
 * ::highlight(deja-lu-read), injected by the manifest): no element, class or style is added to the
 * page, so its layout, scripts and styles are untouched. What needs the DOM is the link's `title`
 * (the tooltip, and the screen readers' description of the link), restored on undo unless the page
 * has changed it since.
 */
export const HIGHLIGHT = 'deja-lu-read';

interface Mark {
  /** None while the link holds nothing. */
  range: StaticRange | null;
  /** The link's own title before the mark (null: it had none). */
  own: string | null;
  /** The title the mark gave it. */
  given: string;
}

/** More links than this spanned anew at once: the highlight is made anew rather than changed range by range. */
const REBUILD_FROM = 16;

/** The whole of what a link holds, none when it holds nothing. */
function spanOf(anchor: HTMLAnchorElement): StaticRange | null {
  const end = anchor.childNodes.length;
  return end === 0 ? null : new StaticRange({ startContainer: anchor, startOffset: 0, endContainer: anchor, endOffset: end });
}

/**
 * Every label the marks have given on this page, across the option turned off and on: a copy of a
 * marked link (a list rendered anew from its nodes) carries one in its title, which is not the
 * link's own. Words such as "3 minutes ago" change over a page's life, so it is no single label.
 */
const labels = new Set<string>();

/** A link's title without a label the marks gave it (its last line), null when none is left. */
function ownTitle(title: string | null): string | null {
  if (title === null) return null;
  const newline = title.lastIndexOf('\n');
  if (!labels.has(title.slice(newline + 1))) return title;
  return newline < 0 ? null : title.slice(0, newline);
}

export class Marks {
  private readonly highlight = new Highlight();
  private readonly marked = new Map<HTMLAnchorElement, Mark>();

  constructor() {
    CSS.highlights.set(HIGHLIGHT, this.highlight);
  }

  has(anchor: Element): boolean {
    return this.marked.has(anchor as HTMLAnchorElement);
  }

  /**
   * Marks links: each one's text highlighted, its label added to its title (a marked link's label
   * replaced). Every title is set before any range is added: Firefox, at the first change to a
   * highlight after any change to the DOM, checks every range it holds and their order (a title
   * set between two adds made each add cost as much as the whole highlight: a page of 20,000
   * links read was marked after 70–130 s, against about 1 s in one go).
   */
  add(links: Iterable<readonly [HTMLAnchorElement, string]>): void {
    const spans: StaticRange[] = [];
    for (const [anchor, label] of links) {
      labels.add(label);
      const mark = this.marked.get(anchor);
      if (mark) {
        const given = mark.own ? `${mark.own}\n${label}` : label;
        if (given === mark.given || anchor.getAttribute('title') !== mark.given) continue;
        anchor.setAttribute('title', given);
        mark.given = given;
        continue;
      }
      const own = ownTitle(anchor.getAttribute('title'));
      const given = own ? `${own}\n${label}` : label;
      anchor.setAttribute('title', given);
      // A static range: a live one is kept up to date by the browser through every change the page
      // makes to its DOM (a cost to each, for each mark); this one is spanned anew when the link's
      // children change (refresh).
      const range = spanOf(anchor);
      if (range) spans.push(range);
      this.marked.set(anchor, { range, own, given });
    }
    for (const range of spans) this.highlight.add(range);
  }

  /**
   * Spans anew those of `anchors` that are marked (links whose children the page changed): a link
   * whose text was written anew, or a child taken out, would otherwise lose its highlight, or keep
   * a part of it.
   */
  refresh(anchors: Iterable<Element>): void {
    const respan = new Map<HTMLAnchorElement, Mark>();
    for (const anchor of anchors) {
      const mark = this.marked.get(anchor as HTMLAnchorElement);
      if (mark) respan.set(anchor as HTMLAnchorElement, mark);
    }
    // Firefox takes a range out of a highlight in time that grows with the highlight: past a few
    // links, the highlight is made anew at once (BENCHMARKS.md, "Link marks on a front page").
    const rebuild = respan.size > REBUILD_FROM;
    for (const [anchor, mark] of respan) {
      if (mark.range && !rebuild) this.highlight.delete(mark.range);
      mark.range = spanOf(anchor);
      if (mark.range && !rebuild) this.highlight.add(mark.range);
    }
    if (rebuild) this.rebuild();
  }

  /** The highlight made anew from the marks' ranges. */
  private rebuild(): void {
    this.highlight.clear();
    for (const { range } of this.marked.values()) if (range) this.highlight.add(range);
  }

  /**
   * Takes the mark off `anchors` (a link the page pointed elsewhere): its title as it was. Returns
   * those that were marked.
   */
  remove(anchors: Iterable<HTMLAnchorElement>): HTMLAnchorElement[] {
    const removed: [HTMLAnchorElement, Mark][] = [];
    for (const anchor of anchors) {
      const mark = this.marked.get(anchor);
      if (!mark) continue;
      this.marked.delete(anchor);
      removed.push([anchor, mark]);
    }
    // Past a few links, the highlight is made anew, as in refresh: each delete costs Firefox time
    // that grows with the highlight (5,000 deletes from 5,000 ranges took 3–9 s, making the 2,500
    // left anew 60 ms).
    if (removed.length > REBUILD_FROM) this.rebuild();
    else for (const [, mark] of removed) if (mark.range) this.highlight.delete(mark.range);
    // The titles after every range is out, as in add.
    for (const [anchor, mark] of removed) giveBack(anchor, mark);
    return removed.map(([anchor]) => anchor);
  }

  /**
   * Lets go of the links the page has taken out (a list rendered anew, a tab panel), their titles
   * given back: they would otherwise pile up, and one put back later is looked at anew. Returns them.
   */
  prune(): HTMLAnchorElement[] {
    return this.remove([...this.marked.keys()].filter((anchor) => !anchor.isConnected));
  }

  /** Takes every mark away: the highlight gone, each link's title as it was, unless the page has changed it since. */
  clear(): void {
    this.highlight.clear();
    CSS.highlights.delete(HIGHLIGHT);
    for (const [anchor, mark] of this.marked) giveBack(anchor, mark);
    this.marked.clear();
  }
}

/** The link's title as it was before the mark, unless the page has changed it since. */
function giveBack(anchor: HTMLAnchorElement, { own, given }: Mark): void {
  if (anchor.getAttribute('title') !== given) return;
  if (own === null) anchor.removeAttribute('title');
  else anchor.setAttribute('title', own);
}
