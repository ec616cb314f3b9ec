/**
 * Issue 4, items 1 and 2: the in-page notice on a copy of a story read elsewhere, and "what's new".
 * Story 1 is read on site 1; sites 2 to 7 show copies of it.
 */
import { expect, it } from 'vitest';
import type { Tab } from '../../harness/browsers.ts';
import { hasNotice, noticeControl, noticeRoot, readNotice, waitForNotice } from '../../harness/notice-page.ts';
import { poll } from '../../harness/poll.ts';
import { READER_PAGES as PAGES } from '../../harness/reader-sites.ts';
import { fail, getSettings, resetSettings, waitForNumberBadge, type ReaderContext } from './context.ts';

/** The notice's controls, in the order Tab reaches them. */
const CONTROLS = ['Dismiss', "Show what's new", 'Open the earlier copy', 'Not on this site', 'Turn off notices'];
/** What the page looks like without the notice, whose element the content script adds. */
const bodyWithoutNotice = () => {
  const body = document.body.cloneNode(true) as HTMLElement;
  body.querySelector('deja-lu-notice')?.remove();
  return body.innerHTML;
};

export function noticeTests(ctx: ReaderContext): void {
  let copy: Tab | undefined;
  /** The copy on site 2, brought to the front: puppeteer's clicks wait for an IntersectionObserver, which a background tab never runs. */
  const frontCopy = async () => {
    const tab = copy ?? fail('no copy');
    await tab.page.bringToFront();
    ctx.keep(tab.page);
    return tab;
  };

  it('notice: none on the first reading of a story; on a copy on another site it names the site', async () => {
    const { ext, sites } = ctx;
    const first = await ext.visit(sites.page(1, PAGES.lighthouse));
    expect(first.verdict).toMatchObject({ kind: 'recorded', otherSites: 0 });
    expect(await hasNotice(first.page)).toBe(false);

    copy = await ext.openTab(sites.page(2, PAGES.lighthouse));
    ctx.keep(copy.page);
    const notice = await readNotice(await waitForNotice(copy.page));
    expect(notice.message).toBe('You read this story on 127.0.0.1 · just now');
    expect(notice.controls).toEqual(CONTROLS);
    expect(await waitForNumberBadge(ext, copy.tabId)).toBe(1);
  });

  it('notice: lives in a closed shadow root that the page cannot reach', async () => {
    const { page } = await frontCopy();
    expect(await page.evaluate(() => document.querySelector('deja-lu-notice')?.shadowRoot)).toBeNull();
    // Not even by re-attaching: the element already has its (closed) root.
    expect(await page.evaluate(() => {
      try {
        document.querySelector('deja-lu-notice')?.attachShadow({ mode: 'open' });
        return 'attached';
      } catch (error) {
        return (error as Error).name;
      }
    })).toBe('NotSupportedError');
    expect((await readNotice((await noticeRoot(page)) ?? fail('no root'))).mode).toBe('closed');
  });

  it('notice: a labelled region, its controls reached in order with the Tab key', async () => {
    const { page } = await frontCopy();
    const root = await waitForNotice(page);
    const notice = await readNotice(root);
    expect({ role: notice.role, label: notice.label }).toEqual({ role: 'region', label: 'Déjà Lu: story already read' });
    if (ctx.name === 'chromium') {
      // The browser's own accessibility tree, what a screen reader is given (puppeteer reads it
      // over CDP only): the landmark, with the notice's controls inside.
      type Node = { role: string; name?: string; children?: Node[] };
      const find = (node: Node | null): Node | null => (node?.role === 'region' && node.name === notice.label ? node : node?.children?.map(find).find(Boolean) ?? null);
      const region = find(await page.accessibility.snapshot());
      expect(region?.children?.filter((n) => ['button', 'link'].includes(n.role) || n.children).length).toBeGreaterThan(0);
      expect(JSON.stringify(region)).toContain('"name":"Dismiss"');
    }
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    const reached: string[] = [];
    for (let presses = 0; presses < 60 && reached.length < CONTROLS.length; presses++) {
      await page.keyboard.press('Tab');
      const focused = await root.evaluate((root) => {
        if (document.activeElement !== root.host) return null;
        const el = root.activeElement;
        return el ? (el.getAttribute('aria-label') ?? el.textContent) : null;
      });
      if (focused !== null) reached.push(focused);
      else if (reached.length > 0) break; // focus left the notice
    }
    expect(reached).toEqual(CONTROLS);
  });

  it('notice: sits in the corner, clear of every paragraph of the article', async () => {
    const { page } = await frontCopy();
    const { rect, viewport } = await readNotice(await waitForNotice(page));
    expect(viewport.width - rect.right).toBeCloseTo(16, 0);
    expect(viewport.height - rect.bottom).toBeCloseTo(16, 0);
    // Horizontally apart from every paragraph: no scroll position puts text behind it.
    const paragraphs = await page.$$eval('article p', (ps) => ps.map((p) => {
      const r = p.getBoundingClientRect();
      return { left: r.left, right: r.right };
    }));
    expect(paragraphs.length).toBe(8);
    for (const p of paragraphs) expect(p.right <= rect.left || p.left >= rect.right, `paragraph ${JSON.stringify(p)} under the notice ${JSON.stringify(rect)}`).toBe(true);
  });

  it('notice: × dismisses it, and so does Escape', async () => {
    const { ext } = ctx;
    const tab = await frontCopy();
    await (await noticeControl(await waitForNotice(tab.page), 'Dismiss')).click();
    expect(await hasNotice(tab.page)).toBe(false);

    await ext.reload(tab, (v) => v.revisit);
    const root = await waitForNotice(tab.page);
    await (await noticeControl(root, "Show what's new")).focus();
    await tab.page.keyboard.press('Escape');
    expect(await hasNotice(tab.page)).toBe(false);
  });

  it('notice: the page\'s own aggressive CSS changes nothing of it, and cannot cover it', async () => {
    const { ext, sites } = ctx;
    const hostile = await ext.openTab(sites.page(3, PAGES.lighthouseHostile));
    const root = await waitForNotice(hostile.page);
    const look = () => root.evaluate((root) => {
      const panel = root.querySelector('.panel')!;
      const r = panel.getBoundingClientRect();
      const styles = [panel, ...panel.querySelectorAll('*')].map((el) => {
        const s = getComputedStyle(el);
        return [el.localName, s.fontFamily, s.fontSize, s.lineHeight, s.letterSpacing, s.color, s.backgroundColor, s.padding, s.margin, s.border, s.textTransform, s.display].join(' | ');
      });
      // What a click at points of the notice lands on: the notice (its host, from the page's side).
      const points = [[r.left + 4, r.top + 4], [r.right - 4, r.top + 4], [r.left + r.width / 2, r.top + r.height / 2], [r.left + 4, r.bottom - 4], [r.right - 4, r.bottom - 4]];
      const onTop = points.map(([x, y]) => document.elementFromPoint(x!, y!)?.localName ?? null);
      return { box: [r.left, r.top, r.width, r.height], styles, onTop };
    });
    const withHostileCss = await look();
    await hostile.page.evaluate(() => void ((document.getElementById('hostile') as HTMLStyleElement).disabled = true));
    const withoutHostileCss = await look();
    expect(withHostileCss).toEqual(withoutHostileCss);
    expect(withHostileCss.onTop).toEqual(Array(5).fill('deja-lu-notice'));
    const { rect, viewport } = await readNotice(root);
    expect(rect.bottom).toBeLessThanOrEqual(viewport.height);
  });

  it('notice: on a right-to-left page it sits in the bottom-left corner, its English still left to right', async () => {
    const { ext, sites } = ctx;
    const rtl = await ext.openTab(sites.page(4, PAGES.lighthouseRtl));
    const { rect, viewport, dir } = await readNotice(await waitForNotice(rtl.page));
    // The box takes the reader's language's direction; the corner, the page's (rtl.ts: in Hebrew).
    expect(dir).toBe('ltr');
    expect(rect.left).toBeCloseTo(16, 0);
    expect(viewport.height - rect.bottom).toBeCloseTo(16, 0);
  });

  it('notice: "Not on this site" is remembered; the next copy on that site gets the badge, not the notice', async () => {
    const { ext, sites } = ctx;
    const tab = await ext.openTab(sites.page(5, PAGES.lighthouse));
    await (await noticeControl(await waitForNotice(tab.page), 'Not on this site')).click();
    await expect.poll(async () => (await getSettings(ext)).noticeOffSites).toEqual(['127.0.0.5']);
    expect(await hasNotice(tab.page)).toBe(false);

    const next = await ext.visit(sites.page(5, `${PAGES.lighthouse}?utm_source=next`));
    expect(next.verdict.otherSites).toBeGreaterThan(0);
    expect(await waitForNumberBadge(ext, next.tabId)).toBe(next.verdict.otherSites);
    expect(await hasNotice(next.page)).toBe(false);
  });

  it('notice: "Turn off notices" is remembered; no notice on the next copy anywhere', async () => {
    const { ext, sites } = ctx;
    const tab = await ext.openTab(sites.page(6, PAGES.lighthouse));
    await (await noticeControl(await waitForNotice(tab.page), 'Turn off notices')).click();
    await expect.poll(async () => (await getSettings(ext)).notice).toBe(false);
    expect(await hasNotice(tab.page)).toBe(false);

    const next = await ext.visit(sites.page(7, PAGES.lighthouse));
    expect(await waitForNumberBadge(ext, next.tabId)).toBeGreaterThan(0);
    expect(await hasNotice(next.page)).toBe(false);
    await resetSettings(ext);
  });

  it("what's new: after the abridged copy, the full story highlights exactly the paragraphs not read, and undoes it exactly", async () => {
    const { ext, sites } = ctx;
    const abridged = await ext.visit(sites.page(1, PAGES.busAbridged));
    const read = await abridged.page.$$eval('article p', (ps) => ps.map((p) => p.textContent));

    const full = await ext.openTab(sites.page(2, PAGES.bus));
    const root = await waitForNotice(full.page);
    const paragraphs = await full.page.$$eval('article p', (ps) => ps.map((p) => p.textContent));
    const unread = paragraphs.filter((p) => !read.includes(p));
    expect(unread).toHaveLength(4);

    const before = await full.page.evaluate(bodyWithoutNotice);
    const toggle = await noticeControl(root, "Show what's new");
    await toggle.click();
    const highlighted = await full.page.$$eval('[style*="background-color"]', (els) => els.map((el) => el.textContent));
    expect(highlighted).toEqual(unread);
    const shown = await readNotice(root);
    expect(shown.status).toBe(`${unread.length} of ${paragraphs.length} paragraphs are new`);
    expect(shown.controls).toContain("Hide what's new");
    expect(await toggle.evaluate((b) => b.getAttribute('aria-pressed'))).toBe('true');
    expect(await full.page.evaluate(bodyWithoutNotice)).not.toBe(before);

    await toggle.click();
    expect(await full.page.evaluate(bodyWithoutNotice)).toBe(before);
    expect(await toggle.evaluate((b) => [b.textContent, b.getAttribute('aria-pressed')])).toEqual(["Show what's new", 'false']);
  });

  it('notice: back to a copy kept in the back/forward cache, the badge, the popup and the notice tell it again', async () => {
    const { ext, sites } = ctx;
    // The copy read on site 7 above, again (nothing new recorded), then a page that is no article.
    const tab = await ext.openTab(sites.page(7, `${PAGES.lighthouse}?utm_source=back`));
    ctx.keep(tab.page);
    await waitForNotice(tab.page);
    const otherSites = await waitForNumberBadge(ext, tab.tabId);
    await tab.page.evaluate(() => {
      (window as { kept?: boolean }).kept = true;
    });
    const away = sites.page(7, '/no-such-page');
    await tab.page.goto(away);
    await ext.waitForVerdict(tab.tabId, (v) => v.url === away);
    // Back as the reader goes: puppeteer's goBack waits for a load event, which a cache restore in Firefox never reports.
    await tab.page.evaluate(() => history.back());
    await poll(() => tab.page.evaluate(() => location.href).then((url) => url === tab.url, () => false), { what: 'the copy back in the tab', timeout: 10_000 });
    // The page itself came back (its window kept), as Chromium's cache restores it.
    const restored = await tab.page.evaluate(() => (window as { kept?: boolean }).kept === true);
    if (ctx.name === 'chromium') expect(restored).toBe(true);
    expect(await waitForNumberBadge(ext, tab.tabId, 10_000)).toBe(otherSites);
    expect((await ext.popup(tab.tabId)).sightings.length).toBeGreaterThan(0);
    await waitForNotice(tab.page);
  });
}
