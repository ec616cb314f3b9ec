/**
 * What the extension's popup shows, read from its DOM: the one place that knows the popup's
 * element ids (#verdict-summary, #verdict-updated, #sightings, #partial, #recent).
 */
import type { Page } from 'puppeteer-core';

/** One entry of a list: its link, the texts of its `.meta` line (host, time, share…) and all its text. */
export interface PopupItem {
  title: string;
  href: string | null;
  meta: string[];
  text: string;
}

export interface PopupContents {
  summary: string;
  /** The update line ("Updated since you read it · …"), '' when hidden. */
  updated: string;
  sightings: PopupItem[];
  partial: PopupItem[];
  recent: PopupItem[];
}

/** @param page  a rendered popup (body[data-ready="true"]) */
export function readPopup(page: Page): Promise<PopupContents> {
  return page.evaluate(() => {
    const items = (id: string) => [...document.querySelectorAll(`#${id} > li`)].map((li) => ({
      title: li.querySelector('a')?.textContent ?? '',
      href: li.querySelector('a')?.getAttribute('href') ?? null,
      meta: [...li.querySelectorAll(':scope > .meta > span')].map((span) => span.textContent ?? ''),
      text: li.textContent ?? '',
    }));
    return {
      summary: document.getElementById('verdict-summary')?.textContent ?? '',
      updated: document.getElementById('verdict-updated')?.hidden === false ? document.getElementById('verdict-updated')?.textContent ?? '' : '',
      sightings: items('sightings'),
      partial: items('partial'),
      recent: items('recent'),
    };
  });
}
