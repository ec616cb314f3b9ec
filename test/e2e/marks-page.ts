/**
 * What a page shows of the link marks, read in the page itself: the links in the extension's
 * highlight (CSS.highlights, shared by the page and the content script), their titles, the
 * changes the page saw made to its DOM, and the colour a link is painted in.
 */
import type { Page } from 'puppeteer-core';
import { poll } from '../harness/poll.ts';

interface FrontWindow {
  __changes: { type: string; target: string; attribute: string | null; old: string | null; added: number; removed: number }[];
  __boxes: string[];
  addMore: (count: number, late: string) => void;
}

/** The ids (or texts) of the links marked, sorted. */
export const markedLinks = (page: Page): Promise<string[]> => page.evaluate(() => {
  const highlight = CSS.highlights.get('deja-lu-read');
  if (!highlight) return [];
  return [...highlight.keys()].map((range) => {
    const el = (range as Range).startContainer as Element;
    return el.id || (el.textContent ?? '');
  }).sort();
});

/** Waits until `accept` holds of the marked links; returns them. */
export async function waitForMarks(page: Page, accept: (ids: string[]) => boolean, what: string, timeout = 10_000): Promise<string[]> {
  let last: string[] = [];
  await poll(async () => accept((last = await markedLinks(page))), { what, timeout, interval: 100 }).catch((error: unknown) => {
    throw new Error(`${String(error)} (marked: ${JSON.stringify(last)})`);
  });
  return last;
}

export const titles = (page: Page, ids: readonly string[]): Promise<(string | null)[]> =>
  page.evaluate((ids) => ids.map((id) => document.getElementById(id)?.getAttribute('title') ?? null), ids);

/** The changes the page's own observer saw made to its DOM since it loaded. */
export const changes = (page: Page) => page.evaluate(() => (window as unknown as FrontWindow).__changes);

/** Whether every link's box is where it was at load. */
export const boxesUnchanged = (page: Page) => page.evaluate(() => {
  const w = window as unknown as FrontWindow;
  return [...document.links].slice(0, w.__boxes.length).every((a, i) => JSON.stringify(a.getBoundingClientRect()) === w.__boxes[i]);
});

export const addMore = (page: Page, count: number, late: string) =>
  page.evaluate((count, late) => (window as unknown as FrontWindow).addMore(count, late), count, late);

/** The mean colour (r, g, b) of what is painted over a link's box, from a screenshot decoded in the page. */
export async function paintedColour(page: Page, id: string): Promise<number[]> {
  await page.bringToFront(); // a tab in the background is not painted: its screenshot never comes
  const box = await page.$eval(`#${id}`, (el) => JSON.parse(JSON.stringify(el.getBoundingClientRect())) as DOMRect);
  const png = await page.screenshot({ encoding: 'base64', clip: { x: box.x, y: box.y, width: Math.max(1, box.width), height: Math.max(1, box.height) } });
  return page.evaluate(async (data) => {
    const bitmap = await createImageBitmap(await (await fetch(`data:image/png;base64,${data}`)).blob());
    const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
    const context = canvas.getContext('2d')!;
    context.drawImage(bitmap, 0, 0);
    const pixels = context.getImageData(0, 0, bitmap.width, bitmap.height).data;
    const sum = [0, 0, 0];
    for (let i = 0; i < pixels.length; i += 4) for (let c = 0; c < 3; c++) sum[c]! += pixels[i + c]!;
    return sum.map((s) => Math.round(s / (pixels.length / 4)));
  }, png);
}
