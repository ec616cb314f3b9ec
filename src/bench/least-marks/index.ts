/**
 * The least a script marking a page's read links can do: the benchmark's reference, measured beside
 * marks.js on the same front page (bench/browser/marks.ts), never shipped. Once the page has loaded
 * (page-loaded.ts, as marks.js waits), every link's `href` attribute and headline text (collect.ts)
 * read in one pass, one message to the worker, and the links it answers given their title and a
 * range in the highlight, as highlight.ts gives them. Nothing else marks.js does: no settings read,
 * nothing remembered or watched, no link left out, nothing checked again when the answer comes.
 */
import { headlineText } from '../../content/marks/collect.ts';
import { HIGHLIGHT } from '../../content/marks/highlight.ts';
import { pageLoaded } from '../../content/page-loaded.ts';
import { send } from '../../platform/lean.ts';

async function markPage(): Promise<void> {
  await pageLoaded();
  const anchors: HTMLAnchorElement[] = [];
  const hrefs: string[] = [];
  const texts: string[] = [];
  for (const anchor of document.querySelectorAll('a[href]')) {
    if (!(anchor instanceof HTMLAnchorElement)) continue;
    anchors.push(anchor);
    hrefs.push(anchor.getAttribute('href') ?? '');
    texts.push(headlineText(anchor));
  }
  const page = location.href.split('#', 1)[0]!;
  const answers = await send('links/read', { page, base: page, hrefs, texts });
  const highlight = new Highlight();
  CSS.highlights.set(HIGHLIGHT, highlight);
  for (const { index, title } of answers) {
    const anchor = anchors[index]!;
    anchor.setAttribute('title', title);
    highlight.add(new StaticRange({ startContainer: anchor, startOffset: 0, endContainer: anchor, endOffset: anchor.childNodes.length }));
  }
}

markPage().catch((error: unknown) => console.debug('deja-lu bench: least marks script failed:', error));
