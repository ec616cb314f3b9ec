/**
 * The marks content script (marks.js, apart from content.js and its size budget): on any page, the
 * links that lead to a page already read, or whose text is the headline of an article read, are
 * marked (highlight.ts), with a tooltip "Read on example.com · 3 days ago", worded by the worker
 * (src/background/mark-title.ts). The page's links are sent in batches, one message each; links
 * added later (infinite scroll) are collected from the added subtrees only, never by scanning the
 * page again. Never throws into the page.
 */
import { LINK_BATCH, type ReadLink } from '../../protocol.ts';
import { loadSettings, onSettingsChanged, send } from '../../platform/lean.ts';
import { pageLoaded } from '../page-loaded.ts';
import { onSites, type Settings } from '../../settings.ts';
import { anchorsIn, changedSince, describeLinks, linkAround, type Asked, type Described } from './collect.ts';
import { Marks } from './highlight.ts';
import { watchChanges, type Watch } from './watch.ts';

/**
 * Links per message, and per task collecting them: a page of thousands of links is gone through in
 * slices, each its own task. As many as keep that task well under 50 ms on a slow machine (1,000
 * links took 22–31 ms on the benchmark's 2-core one), since each message and task costs more than
 * the links in it (BENCHMARKS.md, "Link marks on a front page"); the worker takes up to
 * LINK_BATCH.links.
 */
const BATCH = 1_000;

let marks: Marks | null = null;
let watch: Watch | null = null;
/** Every link looked at, with what it was asked with (collect.ts). */
let seen = new WeakMap<Element, Asked>();

const wanted = (s: Settings) => s.linkMarks && !s.paused && !onSites(location.href, s.excludedSites) && !onSites(location.href, s.linkMarksOffSites);

/** Each start's number: a start overtaken by a later one (the settings changed twice) gives way to it. */
let starts = 0;
let listening = false;

async function start(): Promise<void> {
  const mine = ++starts;
  stop();
  await pageLoaded();
  // The option, or this site's switch in the popup, takes effect at once: marks go, or come back.
  // Listened for from here, as the settings are read: the extension's API is not touched before
  // the page has loaded (platform/native.ts).
  if (!listening) onSettingsChanged(() => void start().catch(report));
  listening = true;
  const settings = await loadSettings();
  if (mine !== starts || !wanted(settings)) return;
  const current = (marks = new Marks());
  const look = (roots: (Element | Document)[]) => void lookAt(current, anchorsIn(roots)).catch(report);
  watch = watchChanges(({ added, changed, links }) => {
    // A link taken out and put back later is looked at anew.
    for (const anchor of current.prune()) seen.delete(anchor);
    // The links around the nodes whose children changed are spanned anew (their own children were, at once).
    const around = new Set<Element>();
    for (const node of changed) {
      const anchor = linkAround(node);
      if (anchor) around.add(anchor);
    }
    current.refresh(around);
    // A link pointed elsewhere, or given another text (a skeleton filled, a list reusing its
    // elements), is looked at anew: its mark, if any, stays until the answer about it as it is now.
    const touched = new Set<Element>([...links, ...around]);
    const stale = [...touched].filter((anchor) => {
      const asked = seen.get(anchor);
      return asked !== undefined && changedSince(anchor, asked);
    });
    for (const anchor of stale) seen.delete(anchor);
    const roots = [...added, ...stale];
    if (roots.length > 0) look(roots);
  }, (anchor) => current.refresh([anchor]));
  look([document]);
}

/**
 * Asks about `anchors` a slice at a time (a task and a message each), then marks what is read, all
 * at once: each change to the highlight repaints the page, at a cost larger than the marking's own
 * (BENCHMARKS.md, "Link marks on a front page").
 */
async function lookAt(current: Marks, anchors: readonly Element[]): Promise<void> {
  const legacy = document.characterSet !== 'UTF-8';
  const asked: Promise<void>[] = [];
  /** Each link asked about, what it was asked with, and its mark's label (null: not read). */
  const answered: [HTMLAnchorElement, Asked, string | null][] = [];
  for (let i = 0; i < anchors.length; i += BATCH) {
    if (i > 0) await nextTask();
    // Marks turned off meanwhile: nothing more is asked, nor added.
    if (current !== marks) return;
    const found = describeLinks(anchors.length > BATCH ? anchors.slice(i, i + BATCH) : anchors, seen, legacy);
    if (found.anchors.length === 0) continue;
    for (const anchor of found.anchors) watch?.follow(anchor);
    asked.push(ask(found).catch(() => sleep(RETRY_MS).then(() => ask(found))).then((answers) => {
      const titles = new Map(answers.map(({ index, title }) => [index, title]));
      found.anchors.forEach((anchor, index) => answered.push([anchor, found.asked[index]!, titles.get(index) ?? null]));
    }));
  }
  // A slice whose question failed leaves the others' marks: they are made, then the failure reported.
  const settled = await Promise.allSettled(asked);
  if (current === marks) {
    const unread: HTMLAnchorElement[] = [];
    const read: [HTMLAnchorElement, string][] = [];
    for (const [anchor, asked, title] of answered) {
      if (title === null && !current.has(anchor)) continue;
      // A link changed while it was asked about is asked again: this answer is about what it was.
      if (seen.get(anchor) !== asked || changedSince(anchor, asked)) continue;
      if (title === null) unread.push(anchor);
      else read.push([anchor, title]);
    }
    // Each in one go (Marks.add says why).
    current.remove(unread);
    current.add(read);
  }
  const failed = settled.find((s) => s.status === 'rejected');
  if (failed) throw failed.reason;
}

/** A slice whose message failed (the worker stopped while answering) is asked again once, after this. */
const RETRY_MS = 1_000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const nextTask = () => sleep(0);

/**
 * One slice's question. The page's address and its base go without their fragments, which a
 * single-page site can make longer than the worker takes: neither changes what a link leads to,
 * nor whether it leads to the page itself.
 */
async function ask(found: Described): Promise<ReadLink[]> {
  const page = withoutFragment(location.href);
  const base = withoutFragment(document.baseURI);
  // An address longer still (a query of thousands of characters) is no page to mark links on.
  if (page.length > LINK_BATCH.href || base.length > LINK_BATCH.href) return [];
  return send('links/read', { page, base, hrefs: found.hrefs, texts: found.texts });
}

const withoutFragment = (address: string) => address.split('#', 1)[0]!;

function stop(): void {
  watch?.stop();
  watch = null;
  marks?.clear();
  marks = null;
  seen = new WeakMap();
}

const report = (error: unknown) => console.debug('deja-lu: links not marked:', error);

if (window.top === window && /html/i.test(document.contentType) && typeof CSS !== 'undefined' && 'highlights' in CSS) {
  start().catch(report);
}
