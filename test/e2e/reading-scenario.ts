/**
 * The reader's day, in a real browser running the built extension (dist/): one story read on
 * three local sites (127.0.0.1, .2, .3 are three sites to the extension), an unrelated article,
 * a reload, the popup, and a restart of the background that must lose nothing.
 * Each step builds on the one before, in order, in one browser.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, type BrowserName, type ExtensionBrowser, type Tab } from '../harness/browsers.ts';
import { PAGES, startSites, type RunningSites } from '../harness/sites.ts';

const LABELS: Record<BrowserName, { browser: string; background: string }> = {
  chromium: { browser: 'Chromium', background: 'service worker is stopped' },
  firefox: { browser: 'Firefox', background: 'event page is suspended' },
};

const TITLES = {
  original: 'Portmere turns its empty ferry terminal into a seaweed laboratory',
  abridged: 'Old ferry hall to become kelp research centre',
  unrelated: 'Library begins lending musical instruments',
};

export function readingScenario(name: BrowserName): void {
  const { browser: label, background } = LABELS[name];

  describe(`Déjà Lu in ${label}`, () => {
    let sites: RunningSites;
    let ext: ExtensionBrowser;
    const tabs: Partial<Record<keyof typeof PAGES, Tab>> = {};
    const tab = (page: keyof typeof PAGES): Tab => tabs[page] ?? expect.fail(`no tab for ${page}: an earlier step failed`);

    beforeAll(async () => {
      sites = await startSites();
      // Firefox suspends an idle event page after this long (30 s by default): the restart step waits for it.
      ext = await launchBrowser(name, { backgroundIdleMs: 1_000 });
    });

    afterAll(async () => {
      await ext?.close();
      await sites?.close();
    });

    it(`${label}: the story read on a first site is recorded, with no badge`, async () => {
      const { verdict, tabId, ...rest } = await ext.visit(sites.url(PAGES.original));
      tabs.original = { tabId, ...rest };
      expect(verdict).toMatchObject({ kind: 'recorded', title: TITLES.original, otherSites: 0, revisit: false });
      expect(await ext.waitForBadge(tabId, '')).toBe('');
    });

    it(`${label}: an abridged, re-headlined copy on a second site shows badge 1`, async () => {
      const { verdict, tabId, ...rest } = await ext.visit(sites.url(PAGES.abridged));
      tabs.abridged = { tabId, ...rest };
      expect(verdict).toMatchObject({ kind: 'seen', otherSites: 1 });
      expect(await ext.waitForBadge(tabId, '1')).toBe('1');
    });

    it(`${label}: a copy with a dateline and wire boilerplate on a third site shows badge 2`, async () => {
      const { verdict, tabId, ...rest } = await ext.visit(sites.url(PAGES.wire));
      tabs.wire = { tabId, ...rest };
      expect(verdict).toMatchObject({ kind: 'seen', otherSites: 2 });
      expect(await ext.waitForBadge(tabId, '2')).toBe('2');
    });

    it(`${label}: an unrelated article in the first site's template shows no badge`, async () => {
      const { verdict, tabId } = await ext.visit(sites.url(PAGES.unrelated));
      expect(verdict).toMatchObject({ kind: 'recorded', title: TITLES.unrelated, sightings: [], partial: [] });
      expect(await ext.waitForBadge(tabId, '')).toBe('');
    });

    it(`${label}: reloading the first site's story shows no badge (it was the first reading)`, async () => {
      const original = tab('original');
      const verdict = await ext.reload(original, (v) => v.revisit);
      expect(verdict).toMatchObject({ kind: 'recorded', sightings: [], otherSites: 0 });
      expect(await ext.waitForBadge(original.tabId, '')).toBe('');
    });

    it(`${label}: the popup for the third copy lists the two earlier sites`, async () => {
      const wire = tab('wire');
      expect(await ext.findTabId(wire.url)).toBe(wire.tabId);
      const popup = await ext.popup(wire.tabId);
      expect(popup.summary).toBe('You read this story on 2 other sites');
      // newest first: the abridged copy was read after the original
      expect(popup.sightings.map((s) => s.meta[0])).toEqual(['127.0.0.2', '127.0.0.1']);
      expect(popup.sightings.map((s) => s.title)).toEqual([TITLES.abridged, TITLES.original]);
    });

    it(`${label}: after the ${background}, the history is intact and a further copy gets the right badge`, async () => {
      await ext.restartBackground();
      const popup = await ext.popup(tab('wire').tabId);
      expect(popup.summary).toBe('You read this story on 2 other sites');
      const history = popup.recent.map((item) => item.text).join('\n');
      for (const text of [TITLES.unrelated, '127.0.0.1', '127.0.0.2', '127.0.0.3']) expect(history).toContain(text);

      // A full copy on the second site: the story was read on two other sites and once on this one.
      const { verdict, tabId } = await ext.visit(sites.url(PAGES.weekend));
      expect(verdict.sightings.map((s) => `${s.host} ${s.relation}`).sort()).toEqual([
        '127.0.0.1 other-site', '127.0.0.2 same-site', '127.0.0.3 other-site',
      ]);
      expect(await ext.waitForBadge(tabId, '2')).toBe('2');
    });
  });
}
