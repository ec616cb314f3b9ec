/** The toolbar popup: this page's verdict, then the latest recorded articles. Page data is text only. */
import { send, type ArticleSummary, type Sighting, type Verdict } from '../messages.ts';
import { activeTabId } from '../platform/tabs.ts';
import { timeAgo } from './time-ago.ts';

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

async function main(): Promise<void> {
  const fromQuery = Number.parseInt(new URLSearchParams(location.search).get('tab') ?? '', 10);
  const tabId = Number.isInteger(fromQuery) ? fromQuery : await activeTabId();
  const [verdict, recent] = await Promise.all([
    tabId === null ? Promise.resolve(null) : send('tab/verdict', { tabId }),
    send('history/recent', { limit: 50 }),
  ]);
  showVerdict(verdict);
  showRecent(recent);
  document.body.dataset.ready = 'true';
}

function showVerdict(verdict: Verdict | null): void {
  const summary = $('verdict-summary');
  if (!verdict) {
    summary.textContent = 'This page was not checked.';
    return;
  }
  if (verdict.kind === 'not-article') {
    summary.textContent = 'Not an article';
    summary.title = verdict.reason ?? '';
  } else if (verdict.kind === 'recorded') {
    summary.textContent = verdict.revisit ? 'Already recorded — not read elsewhere' : 'New story — recorded';
  } else {
    const sites = verdict.otherSites;
    summary.textContent = sites > 0
      ? `You read this story on ${sites} other ${sites === 1 ? 'site' : 'sites'}`
      : 'You read this story on this site before';
    summary.classList.add('seen');
  }
  $('sightings').replaceChildren(...verdict.sightings.map(sightingItem));
  $('partial-title').hidden = verdict.partial.length === 0;
  $('partial').replaceChildren(...verdict.partial.map(sightingItem));
}

function sightingItem(s: Sighting): HTMLLIElement {
  const shared = `${Math.round(s.containment * 100)}% in common`;
  const where = s.relation === 'same-site' ? `${s.host} (same site)` : s.host;
  return item(s.url, s.title, [where, timeAgo(s.firstSeen)], shared);
}

function showRecent(recent: ArticleSummary[]): void {
  $('recent-empty').hidden = recent.length > 0;
  $('recent').replaceChildren(...recent.map((a) => item(a.url, a.title, [a.host, timeAgo(a.lastSeen)])));
}

function item(url: string, title: string, meta: string[], chip?: string): HTMLLIElement {
  const li = document.createElement('li');
  const link = document.createElement('a');
  link.textContent = title || url;
  if (/^https?:\/\//i.test(url)) link.href = url;
  link.target = '_blank';
  link.rel = 'noopener noreferrer';
  const details = document.createElement('div');
  details.className = 'meta';
  for (const text of meta) details.append(span(text));
  if (chip) details.append(span(chip, 'chip'));
  li.append(link, details);
  return li;
}

function span(text: string, className?: string): HTMLSpanElement {
  const s = document.createElement('span');
  s.textContent = text;
  if (className) s.className = className;
  return s;
}

main().catch((error: unknown) => {
  $('verdict-summary').textContent = `Could not load the history: ${error instanceof Error ? error.message : String(error)}`;
  document.body.dataset.ready = 'error';
});
