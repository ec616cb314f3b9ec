/**
 * Hostile pages in a real browser: script in the metadata the extension shows, pages built to
 * break or stall a content script, and a page that tries to make the extension write. For each:
 * the right verdict within a bound, nothing thrown into the page or logged by the extension, the
 * page's DOM untouched but for the notice, and no payload ever run (in the page or the popup).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, type BrowserName, type ExtensionBrowser } from '../../harness/browsers.ts';
import { sleep } from '../../harness/poll.ts';
import { startSites, type RunningSites } from '../../harness/sites.ts';
import { HOSTILE, HOSTILE_SITES, generateHostile } from '../../fixtures/hostile/pages.ts';
import { payloads } from '../../fixtures/hostile/story.ts';
import { setSettings, storedArticles, visitWatched, type WatchedVisit } from './extension.ts';
import { noticeContents } from './notice-text.ts';
import { attack, forgedReport } from './page-attacks.ts';

/** The verdict must be stored within this long after DOMContentLoaded, whatever the page. */
export const VERDICT_BOUND_MS = 5_000;
/** Time given to a page after its verdict for anything late (an error, a change) to show. */
const SETTLE_MS = 500;
const NOTICE_ADDED = 'childList on BODY +DEJA-LU-NOTICE';

type Key = keyof typeof HOSTILE;
interface Case { key: Key; what: string; kind: 'recorded' | 'seen' | 'not-article'; reason?: string | RegExp; otherSites?: number }

const CASES: Case[] = [
  { key: 'invisible', what: 'a copy full of zero-width and bidi control characters is still recognised', kind: 'seen', otherSites: 2 },
  { key: 'prototypes', what: 'a page replacing Array.prototype.map, JSON, Promise, appendChild… still gets its notice', kind: 'seen', otherSites: 2 },
  { key: 'fiveMegabytes', what: 'a 5 MB article is recorded', kind: 'recorded' },
  { key: 'manyElements', what: 'a page of 200,000 elements is given up at once', kind: 'not-article', reason: 'page too large' },
  { key: 'deepNesting', what: 'an article nested 5,000 deep is given up at once', kind: 'not-article', reason: 'page too deep' },
  { key: 'frames', what: 'only the top document counts, not the articles in its frames', kind: 'not-article', reason: /^too (short|little text)/ },
  { key: 'noBodyXhtml', what: 'an XHTML page with no <body>', kind: 'not-article', reason: 'no body' },
  { key: 'noBodyHtml', what: 'a page whose script removed its <body>', kind: 'not-article', reason: 'no body' },
  { key: 'garbage', what: 'binary garbage served as text/html', kind: 'not-article', reason: 'not text' },
];

export function hostilePages(name: BrowserName, label: string): void {
  describe(`${label}: hostile pages`, () => {
    let sites: RunningSites;
    let ext: ExtensionBrowser;
    /** Requests for /__pwned/…: a payload's image was parsed as HTML somewhere. */
    const beacons: string[] = [];
    const visits = new Map<Key, WatchedVisit>();
    const url = (key: Key) => sites.url(HOSTILE[key]);
    /** The payloads as served on the story's site; the copy's title names its own site. */
    const p = () => ({ ...payloads(sites.origins[HOSTILE.story.site] ?? ''), copyTitle: payloads(sites.origins[HOSTILE.copy.site] ?? '').copyTitle });

    beforeAll(async () => {
      sites = await startSites({
        sites: HOSTILE_SITES, generate: generateHostile,
        onRequest: ({ host, path }) => void (path.startsWith('/__pwned') && beacons.push(`${host}${path}`)),
      });
      ext = await launchBrowser(name);
      await setSettings(ext, { readDelaySeconds: 0 });
    });

    afterAll(async () => {
      const rows = [...visits].map(([key, v]) => `  ${key.padEnd(14)} ${v.verdict.kind.padEnd(11)} load ${v.loadedMs} ms, verdict ${v.judgedMs} ms (${v.judgedAfterReadyMs} ms after DOMContentLoaded)${v.recordedMs === null ? '' : `, recorded ${v.recordedMs} ms`}`);
      if (rows.length > 0) console.info(`${label}: from the start of navigation\n${rows.join('\n')}`);
      await ext?.close();
      await sites?.close();
    });

    async function visit(key: Key): Promise<WatchedVisit> {
      const v = await visitWatched(ext, url(key));
      visits.set(key, v);
      expect(v.judgedAfterReadyMs, `${key}: verdict ${v.judgedAfterReadyMs} ms after DOMContentLoaded`).toBeLessThan(VERDICT_BOUND_MS);
      return v;
    }

    /** Nothing escaped into the page or the log, no payload ran, the DOM changed only by the notice. */
    async function expectUntouched(key: Key): Promise<void> {
      const v = visits.get(key) ?? expect.fail(`${key} was not visited`);
      const state = await v.watch.read();
      expect({ key, errors: [...v.watch.pageErrors, ...state.errors], logs: v.watch.extensionLogs }).toEqual({ key, errors: [], logs: [] });
      expect(state.mutations).toEqual(v.verdict.otherSites > 0 ? [NOTICE_ADDED] : []);
      expect(state.notices).toBe(v.verdict.otherSites > 0 ? 1 : 0);
      expect({ pwned: state.pwned, stolenShadowRoot: state.stolenShadowRoot, noticeShadowVisible: state.noticeShadowVisible })
        .toEqual({ pwned: null, stolenShadowRoot: null, noticeShadowVisible: false });
    }

    it(`${label}: a story with script in its title, byline and site name is recorded with them as text (the byline is not kept)`, async () => {
      const { verdict } = await visit('story');
      expect(verdict).toMatchObject({ kind: 'recorded', title: p().title });
      const stored = (await storedArticles(ext)).find((a) => a.url === url('story'));
      expect(stored).toMatchObject({ title: p().title, siteName: p().siteName });
      expect(stored).not.toHaveProperty('byline');
      await sleep(SETTLE_MS);
      await expectUntouched('story');
    });

    it(`${label}: its copy on a second site (script in the title, a javascript: canonical link) gets the notice, and nothing runs`, async () => {
      const v = await visit('copy');
      expect(v.verdict).toMatchObject({ kind: 'seen', otherSites: 1, title: p().copyTitle });
      expect(v.verdict.sightings.map((s) => s.title)).toEqual([p().title]);
      expect((await storedArticles(ext)).find((a) => a.title === p().copyTitle)?.url).toBe(url('copy'));
      await sleep(SETTLE_MS);
      await expectUntouched('copy');
      if (name === 'chromium') {
        const notice = await noticeContents(v.page);
        expect(notice?.text).toContain('127.0.0.1');
        expect(notice?.elements.filter((e) => !['STYLE', 'SECTION', 'P', 'BDI', 'DIV', 'BUTTON', 'A'].includes(e))).toEqual([]);
      }
    });

    it(`${label}: the popup shows the payloads as text in its sightings and history, and runs none of them`, async () => {
      const popup = await ext.openPopup(visits.get('copy')?.tabId ?? expect.fail('the copy was not visited'));
      try {
        const shown = await popup.evaluate(() => ({
          sightings: [...document.querySelectorAll('#sightings > li > a')].map((a) => a.textContent),
          history: [...document.querySelectorAll('#recent a')].map((a) => a.textContent),
          markup: document.querySelectorAll('main img, main script, main svg, main iframe, main object, main style').length,
          hrefs: [...document.querySelectorAll('main a[href]')].map((a) => a.getAttribute('href')),
          pwned: (window as { __pwned?: unknown }).__pwned ?? null,
        }));
        expect(shown.sightings).toEqual([p().title]);
        // A story is listed under its first reading's title.
        expect(shown.history).toEqual(expect.arrayContaining([p().title]));
        expect(shown.markup).toBe(0);
        expect(shown.hrefs.every((href) => href?.startsWith('http://'))).toBe(true);
        expect(shown.pwned).toBeNull();
        // The site name is searched too: the story is found by its script-bearing site name.
        await popup.type('#search', '<svg onload');
        await popup.waitForFunction(() => document.querySelectorAll('#recent > li').length === 1, { timeout: 5_000 });
        expect(await popup.evaluate(() => (window as { __pwned?: unknown }).__pwned ?? null)).toBeNull();
      } finally {
        await popup.close();
      }
      expect(beacons).toEqual([]);
    });

    for (const c of CASES) {
      it(`${label}: ${c.what}`, async () => {
        const before = (await storedArticles(ext)).length;
        const v = await visit(c.key);
        expect(v.verdict.url).toBe(url(c.key));
        expect(v.verdict.kind).toBe(c.kind);
        if (c.reason !== undefined) expect(v.verdict.reason).toMatch(c.reason);
        if (c.otherSites !== undefined) expect(v.verdict.otherSites).toBe(c.otherSites);
        expect((await storedArticles(ext)).length).toBe(before + (c.kind === 'not-article' ? 0 : 1));
        await sleep(SETTLE_MS);
        await expectUntouched(c.key);
      });
    }

    it(`${label}: a page cannot make the extension write (postMessage, DOM events, no messaging API, no access to its files)`, async () => {
      const before = await storedArticles(ext);
      const v = await visit('messages');
      expect(v.verdict.kind).toBe('not-article');
      const outcome = await attack(v.page, ext.driver.origin, forgedReport(v.url));
      expect(outcome).toEqual({
        api: { runtime: 'undefined', sendMessage: 'undefined', connect: 'undefined', browser: 'undefined' },
        manifest: 'refused', popup: 'refused', icon: 'refused',
      });
      await sleep(1_500);
      expect(await storedArticles(ext)).toEqual(before);
      expect(await ext.verdict(v.tabId)).toMatchObject({ kind: 'not-article', url: v.url });
      expect(v.watch.extensionLogs).toEqual([]);
    });

    it(`${label}: two seconds on, no page has seen an error, a DOM change but the notice, or a payload run`, async () => {
      expect(visits.size).toBe(CASES.length + 3);
      await sleep(2_000);
      for (const key of visits.keys()) if (key !== 'messages') await expectUntouched(key);
      expect(beacons).toEqual([]);
    });
  });
}
