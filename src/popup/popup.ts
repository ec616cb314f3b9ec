/** The toolbar popup: this page's verdict and actions, then the history grouped by story. Page data is text only. */
import type { Sighting, StorySummary, TabVerdict } from '../protocol.ts';
import { send } from '../platform/send.ts';
import { t, localisePage, uiLanguage } from '../platform/i18n.ts';
import { openOptions } from '../platform/runtime.ts';
import { loadSettings, saveSettings } from '../platform/settings-store.ts';
import { activeTabId } from '../platform/tabs.ts';
import { timeAgo } from '../time-ago.ts';
import { updateLine } from '../update-line.ts';
import { element, link, pageText } from './dom.ts';
import { showLinkMarksSwitch } from './link-marks-switch.ts';

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const PAGE_SIZE = 30;
const when = (time: number) => timeAgo(time, Date.now(), uiLanguage());

let next: number | null = null;

async function main(): Promise<void> {
  localisePage();
  $('open-options').addEventListener('click', () => void openOptions());
  // Both asked at once: one after the other, the history waited for the verdict's round trip.
  await Promise.all([loadVerdict(), loadStories(true)]);
  let typing: ReturnType<typeof setTimeout> | undefined;
  $('search').addEventListener('input', () => {
    clearTimeout(typing);
    typing = setTimeout(() => void loadStories(true), 150);
  });
  $('multi-site').addEventListener('change', () => void loadStories(true));
  $('more').addEventListener('click', () => void loadStories(false));
  document.body.dataset.ready = 'true';
}

async function loadVerdict(): Promise<void> {
  const fromQuery = Number.parseInt(new URLSearchParams(location.search).get('tab') ?? '', 10);
  const tabId = Number.isInteger(fromQuery) ? fromQuery : await activeTabId();
  showVerdict(tabId === null ? null : await send('tab/verdict', { tabId }), tabId);
}

function showVerdict(verdict: TabVerdict | null, tabId: number | null): void {
  const summary = $('verdict-summary');
  summary.classList.toggle('seen', verdict?.kind === 'seen');
  if (!verdict) return void (summary.textContent = t('popupNotChecked'));
  if (verdict.kind === 'not-article') {
    summary.textContent = t('popupNotArticle');
    summary.title = verdict.reason ?? '';
  } else if (verdict.kind === 'recorded') {
    summary.textContent = verdict.revisit ? t('popupRevisit') : t('popupNewStory');
  } else {
    const n = verdict.otherSites;
    summary.textContent = n === 0 ? t('popupSeenSameSite') : n === 1 ? t('popupSeenOnOne') : t('popupSeenOn', n);
  }
  const updated = $('verdict-updated');
  updated.hidden = verdict.updated === null;
  updated.textContent = verdict.updated ? updateLine(verdict.updated, Date.now(), uiLanguage()) : '';
  $('sightings').replaceChildren(...verdict.sightings.map(sightingItem));
  $('partial-title').hidden = verdict.partial.length === 0;
  $('partial').replaceChildren(...verdict.partial.map(sightingItem));
  pageActions(verdict, tabId);
}

function pageActions(verdict: TabVerdict, tabId: number | null): void {
  const id = verdict.articleId;
  // The record's address goes with its id: the worker refuses an id that is no longer this page's.
  const url = verdict.articleUrl ?? verdict.url;
  const done = (button: HTMLElement) => {
    button.textContent = t('popupDone');
    button.setAttribute('disabled', '');
  };
  const show = (buttonId: string, visible: boolean, action: () => Promise<unknown>) => {
    const button = $(buttonId);
    button.hidden = !visible;
    button.onclick = () => void action().then(() => done(button), (error: unknown) => {
      $('verdict-summary').textContent = error instanceof Error ? error.message : String(error);
    });
  };
  // The worker answers false when the record is no longer the page shown here: never "Done" then.
  const acted = (done: boolean) => {
    if (!done) throw new Error(t('popupChanged'));
  };
  show('not-same', id !== null && verdict.sightings.length > 0, async () => {
    acted(await send('article/unlink', tabId === null ? { id: id!, url } : { id: id!, url, tabId }));
    $('sightings').replaceChildren();
  });
  show('forget', id !== null, async () => acted(await send('article/forget', { id: id!, url })));
  show('dont-track', /^https?:/i.test(verdict.url), async () => {
    const settings = await loadSettings();
    await saveSettings({ excludedSites: [...settings.excludedSites, verdict.site] });
    if (id !== null) await send('article/forget', { id, url });
  });
  $('page-actions').hidden = false;
  void showLinkMarksSwitch(verdict, $('link-marks-row'), $<HTMLInputElement>('link-marks'));
}

function sightingItem(s: Sighting): HTMLLIElement {
  const where = element('span', {}, [pageText(s.host), ...(s.relation === 'same-site' ? [` (${t('popupSameSite')})`] : [])]);
  return element('li', {}, [
    link(s.url, s.title),
    element('div', { className: 'meta' }, [
      where, element('span', { text: when(s.firstSeen) }),
      element('span', { className: 'chip', text: t('popupShared', Math.round(s.containment * 100)) }),
    ]),
  ]);
}

async function loadStories(fresh: boolean): Promise<void> {
  const query = ($('search') as HTMLInputElement).value;
  const multiSite = ($('multi-site') as HTMLInputElement).checked;
  const page = await send('history/stories', { query, multiSite, before: fresh ? null : next, limit: PAGE_SIZE });
  next = page.next;
  const items = page.stories.map(storyItem);
  if (fresh) $('recent').replaceChildren(...items);
  else $('recent').append(...items);
  const empty = $('recent').childElementCount === 0;
  $('recent-empty').hidden = !empty;
  $('recent-empty').textContent = query || multiSite ? t('popupNoMatch') : t('popupEmpty');
  $('more').hidden = next === null;
}

function storyItem(story: StorySummary): HTMLLIElement {
  const [latest] = story.articles;
  const remove = element('button', { className: 'delete quiet', text: '×', label: t('popupDeleteStory') });
  const item = element('li', {}, [
    element('div', { className: 'story-head' }, [link(latest?.url ?? '', story.title), remove]),
    element('div', { className: 'meta' }, [
      ...story.sites.map((site) => element('span', { className: 'chip' }, [pageText(site)])),
      element('span', { text: when(story.lastSeen) }),
    ]),
  ]);
  if (story.articles.length > 1) {
    item.append(element('ul', { className: 'story-articles' }, story.articles.map((a) =>
      element('li', {}, [link(a.url, a.host), element('span', { className: 'when', text: ` · ${when(a.firstSeen)}` })]))));
  }
  remove.addEventListener('click', () => void send('story/delete', { story: story.story }).then(() => item.remove(), fail));
  return item;
}

function fail(error: unknown): void {
  $('verdict-summary').textContent = t('popupError', error instanceof Error ? error.message : String(error));
  document.body.dataset.ready = 'error';
}

main().catch(fail);
