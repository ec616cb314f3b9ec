/**
 * The extension's life in a real browser: its background killed between the look-up and the
 * record of a page, the browser restarted on the same profile, and an update to a new version
 * that finds a database written by the first released schema.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIST, launchBrowser, type BrowserName, type ExtensionBrowser } from '../../harness/browsers.ts';
import { PAGES, startSites, type RunningSites } from '../../harness/sites.ts';
import { manifestVersion, reattach, setSettings, storedArticles } from './extension.ts';
import { fold, foldParagraph } from '../../../src/core/index.ts';
import { DB_VERSION } from '../../../src/history/open.ts';
import { storedKeys } from '../../../src/core/lookup-keys.ts';
import { databaseShape, legacyRecord, versionedCopies, writeVersion1Database } from './old-versions.ts';

/** Long enough for the background to be stopped (Firefox: suspended after 1 s idle) before the record. */
const READ_DELAY_S = 4;
const IDLE_MS = 1_000;

export function lifecycle(name: BrowserName, label: string): void {
  const background = name === 'chromium' ? 'service worker' : 'event page';

  describe(`${label}: lifecycle`, () => {
    let sites: RunningSites;
    let profile: string;
    let ext: ExtensionBrowser | undefined;
    const folders: string[] = [];

    beforeAll(async () => {
      sites = await startSites();
      profile = await mkdtemp(join(tmpdir(), 'deja-lu-profile-'));
    });

    afterAll(async () => {
      await ext?.close();
      await sites?.close();
      for (const folder of [profile, ...folders]) if (folder) await rm(folder, { recursive: true, force: true });
    });

    it(`${label}: the ${background} killed between the look-up and the record: the record still happens, once`, async () => {
      ext = await launchBrowser(name, { userDataDir: profile, backgroundIdleMs: IDLE_MS });
      await setSettings(ext, { readDelaySeconds: READ_DELAY_S });
      const url = sites.url(PAGES.original);
      const tab = await ext.openTab(url);
      await tab.page.bringToFront(); // the read delay counts only while the tab is visible
      const checked = await ext.waitForVerdict(tab.tabId, (v) => v.url === url);
      const checkedAt = Date.now();
      expect(checked).toMatchObject({ kind: 'recorded', articleId: null }); // looked up, not yet recorded
      await ext.restartBackground();
      const stoppedAt = Date.now();
      expect(stoppedAt - checkedAt).toBeLessThan(READ_DELAY_S * 1000 - 500); // well before the record is due

      const recorded = await ext.waitForVerdict(tab.tabId, (v) => v.url === url && v.articleId !== null, 15_000);
      const records = (await storedArticles(ext)).filter((a) => a.url === url);
      expect(records).toHaveLength(1);
      expect(records[0]).toMatchObject({ id: recorded.articleId, story: recorded.articleId });
      expect(records[0]!.lastSeen).toBeGreaterThanOrEqual(stoppedAt); // written by the new background
      expect(await ext.message('history/health', {})).toMatchObject({ articles: 1, damaged: 0 });
    });

    it(`${label}: the browser restarted with the same profile keeps the history and the settings`, async () => {
      if (!ext) return expect.fail('the previous step did not launch the browser');
      await ext.visit(sites.url(PAGES.abridged));
      const before = await storedArticles(ext);
      expect(before).toHaveLength(2);
      await ext.close();
      // Firefox drops a temporary add-on when it quits: launchBrowser installs it again, as a
      // reader's browser keeps an installed one; its storage stays in the profile.
      ext = await launchBrowser(name, { userDataDir: profile, backgroundIdleMs: IDLE_MS });
      expect(await storedArticles(ext)).toEqual(before);
      expect(await ext.control.evaluate(() => ((globalThis as any).browser ?? (globalThis as any).chrome).storage.local.get('settings')))
        .toMatchObject({ settings: { readDelaySeconds: READ_DELAY_S } });
      // The fingerprints survived too: a third copy is recognised.
      const { tabId } = await ext.visit(sites.url(PAGES.wire));
      expect(await ext.waitForBadge(tabId, '2')).toBe('2');
      await ext.close();
      ext = undefined;
    });

    it(`${label}: an update to a new version upgrades a database written by the first released schema, keeping its records`, async () => {
      const copies = await versionedCopies(DIST[name], ['0.1.0', '0.1.1'], name === 'chromium');
      folders.push(copies.root);
      const [first, second] = copies.folders as [string, string];
      ext = await launchBrowser(name, { dist: first, backgroundIdleMs: IDLE_MS });
      expect(await manifestVersion(ext)).toBe('0.1.0');
      await setSettings(ext, { readDelaySeconds: 0 });
      // Closed before the update: Firefox injects the new version's content script into open tabs,
      // which would read the page again.
      await (await ext.visit(sites.url(PAGES.original))).page.close();
      const records = await storedArticles(ext);
      expect(records).toHaveLength(1);

      await ext.restartBackground(); // nothing may hold the database open while it is replaced
      const legacy = await legacyRecord(records[0]!, PAGES.original);
      await writeVersion1Database(ext, [legacy]);
      expect(await databaseShape(ext)).toEqual({ version: 1, indexes: ['keys', 'page', 'site', 'story'] });

      await ext.browser.installExtension(second);
      ext = await reattach(ext); // its popup lists the history: the new background has opened the database
      expect(await manifestVersion(ext)).toBe('0.1.1');
      expect(await databaseShape(ext)).toEqual({ version: DB_VERSION, indexes: ['lastSeen', 'page', 'story'] });
      const upgraded = await storedArticles(ext);
      // Kept as it was; its hashes are those version 1 held (the page fingerprinted again in Node).
      const { sketch: _s, threshold: _t, keys: _k, paragraphs: _p, ...kept } = records[0]!;
      expect(upgraded).toHaveLength(1);
      expect(upgraded[0]).toMatchObject({ ...kept, sketch: legacy.sketch.map(fold), keys: storedKeys(legacy.keys), paragraphs: legacy.paragraphs.map(foldParagraph) });

      const { verdict, tabId } = await ext.visit(sites.url(PAGES.abridged));
      expect(verdict).toMatchObject({ kind: 'seen', otherSites: 1 });
      expect(verdict.sightings.map((s) => s.id)).toEqual([records[0]!.id]);
      expect(await ext.waitForBadge(tabId, '1')).toBe('1');
      const popup = await ext.popup(tabId);
      expect(popup.recent).toHaveLength(1); // one story, two sites: listed through the new lastSeen index
      expect(popup.recent[0]?.meta).toEqual(expect.arrayContaining(['127.0.0.1', '127.0.0.2']));
    });

    it(`${label}: the database deleted under a running ${background}: the next message opens a fresh one`, async () => {
      if (!ext) return expect.fail('the previous step did not launch the browser');
      expect(await ext.message('history/health', {})).toMatchObject({ articles: 2 }); // open in the background
      const deletion = await ext.control.evaluate(() => new Promise((done) => {
        const request = indexedDB.deleteDatabase('deja-lu');
        request.onsuccess = () => done('deleted');
        request.onerror = () => done(`failed: ${request.error?.message}`);
        request.onblocked = () => done('blocked');
      }));
      expect(deletion).toBe('deleted'); // the background stepped aside…
      expect(await ext.message('history/health', {})).toMatchObject({ articles: 0, damaged: 0 }); // …and reopened
    });
  });
}
