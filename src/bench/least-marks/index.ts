/**
 * A script that marks a page's read links and does nothing else: the benchmark's reference, measured
 * beside marks.js on the same front page (bench/browser/marks.ts), never shipped. Once the page has
 * loaded (page-loaded.ts, as marks.js waits), every link's `href` attribute and headline text
 * (collect.ts's headlineText) read in one pass, one message to the worker (lean.ts, as marks.js
 * sends; asked again once after a second if it fails, as marks.js does), and the links it answers
 * given their titles, then their ranges in the highlight, as highlight.ts gives them. None of the
 * rest of marks.js: no settings read, nothing remembered or watched, no link left out, nothing
 * checked again when the answer comes. Built from the tree the benchmark runs from, whatever build
 * it measures.
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
  const batch = { page, base: page, hrefs, texts };
  const answers = await send('links/read', batch).catch(async () => {
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    return send('links/read', batch);
  });
  const highlight = new Highlight();
  CSS.highlights.set(HIGHLIGHT, highlight);
  // Every title first, then every range (Marks.add says why).
  const read = answers.map(({ index, title }) => {
    const anchor = anchors[index]!;
    anchor.setAttribute('title', title);
    return anchor;
  });
  for (const anchor of read) {
    highlight.add(new StaticRange({ startContainer: anchor, startOffset: 0, endContainer: anchor, endOffset: anchor.childNodes.length }));
  }
}

markPage().catch((error: unknown) => console.debug('deja-lu bench: least marks script failed:', error));
