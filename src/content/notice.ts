/**
 * The in-page notice: a small panel in a corner, inside a closed shadow root so the page's CSS
 * cannot reach it and its CSS cannot reach the page. All page data is set as text.
 */
import type { Verdict } from '../protocol.ts';
import { t, uiDirection } from '../platform/i18n.ts';
import { timeAgo } from '../time-ago.ts';
import { updateLine } from '../update-line.ts';
// Minified into the content script by the build (scripts/build.mjs, cssText).
import NOTICE_CSS from './notice.css?inline';

export interface NoticeActions {
  /** Toggles "what's new" and returns the status line to show. */
  toggleWhatsNew: () => string;
  offForSite: () => Promise<void>;
  offEverywhere: () => Promise<void>;
}

export interface Notice {
  host: HTMLElement;
  remove: () => void;
}

export function showNotice(verdict: Verdict, actions: NoticeActions, language?: string): Notice {
  const host = document.createElement('deja-lu-notice');
  const root = host.attachShadow({ mode: 'closed' });
  const style = document.createElement('style');
  style.textContent = NOTICE_CSS;
  const panel = el('section', 'panel');
  panel.setAttribute('role', 'region');
  panel.setAttribute('aria-label', t('noticeLabel'));
  // The box is laid out in the reader's language (dir and lang inside the shadow root only: the
  // page's own direction is never touched). It sits in the bottom corner where a line ends, on
  // the left where either the reader's language or the page reads right to left.
  panel.dir = uiDirection();
  if (language) panel.lang = language;
  panel.dataset.corner = panel.dir === 'rtl' || document.dir === 'rtl' ? 'left' : 'right';

  // Told of a copy read on another site, of this page changed since it was read, or of both.
  const latest = verdict.otherSites > 0 ? verdict.sightings.find((s) => s.relation === 'other-site') : undefined;
  const messages: HTMLParagraphElement[] = [];
  if (verdict.updated) {
    const message = el('p', 'message');
    message.textContent = updateLine(verdict.updated, Date.now(), language);
    messages.push(message);
  }
  if (latest) {
    const message = el('p', 'message');
    const site = el('bdi', 'site');
    site.textContent = latest.host;
    const others = verdict.otherSites - 1;
    message.append(t('noticeReadOn'), ' ', site, others > 0 ? ` ${t('noticeAndOthers', others)}` : '', ` · ${timeAgo(latest.firstSeen, Date.now(), language)}`);
    messages.push(message);
  }
  const status = el('p', 'status');
  status.setAttribute('aria-live', 'polite');

  const whatsNew = button(t('showWhatsNew'), () => {
    status.textContent = actions.toggleWhatsNew();
    const on = whatsNew.getAttribute('aria-pressed') !== 'true';
    whatsNew.setAttribute('aria-pressed', String(on));
    whatsNew.textContent = on ? t('hideWhatsNew') : t('showWhatsNew');
  });
  whatsNew.setAttribute('aria-pressed', 'false');
  const row = el('div', 'actions');
  row.append(whatsNew);
  // The earlier copy, when there is one elsewhere (an update is of this very page).
  if (latest) {
    const open = el('a', 'link') as HTMLAnchorElement;
    open.textContent = t('openEarlier');
    if (/^https?:\/\//i.test(latest.url)) open.href = latest.url;
    open.target = '_blank';
    open.rel = 'noopener noreferrer';
    row.append(open);
  }
  const close = button('×', () => remove());
  close.className = 'close';
  close.setAttribute('aria-label', t('dismiss'));
  const offSite = button(t('noticeOffSite'), () => void actions.offForSite().then(remove));
  const offAll = button(t('noticeOffAll'), () => void actions.offEverywhere().then(remove));
  offSite.className = offAll.className = 'button quiet';

  const quiet = el('div', 'actions');
  quiet.append(offSite, offAll);
  panel.append(close, ...messages, row, status, quiet);
  panel.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') remove();
  });
  root.append(style, panel);
  (document.body ?? document.documentElement).append(host);

  function remove() {
    host.remove();
  }
  return { host, remove };
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, className: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  node.className = className;
  return node;
}

function button(label: string, onClick: () => void): HTMLButtonElement {
  const b = el('button', 'button');
  b.type = 'button';
  b.textContent = label;
  b.addEventListener('click', onClick);
  return b;
}
