/**
 * Issue 16, item 2: links to what the reader has read are marked, on any page, in a real browser
 * running the built extension. A front page (test/harness/front-pages.ts) links to a story read on
 * another site (by its headline), to pages read on another site and on its own (by their address,
 * tracking parameters and fragments left off), to a story never read, with a generic headline
 * ("Live updates", the title of an article read) and to itself; then more links arrive as on an
 * infinite scroll. The mark must show through hostile page CSS and on a right-to-left page, change
 * nothing of the page's DOM but the marked links' titles and nothing of its layout, follow the
 * option and the popup's per-site switch at once, and leave axe-core nothing to report.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations } from '../harness/axe.ts';
import { launchBrowser, type BrowserName, type ExtensionBrowser, type Tab } from '../harness/browsers.ts';
import { FRONT, frontPages } from '../harness/front-pages.ts';
import { poll, sleep } from '../harness/poll.ts';
import { READER_PAGES, startReaderSites, type ReaderSites } from '../harness/reader-sites.ts';
import { getSettings, LABELS, QUIET_MS, resetSettings, setSettings } from './reader/context.ts';
import { addMore, boxesUnchanged, changes, markedLinks, paintedColour, titles, waitForMarks } from './marks-page.ts';

const MARKED = ['other-site', 'other-site-page', 'same-site'];
const sameList = (want: readonly string[]) => (ids: string[]) => ids.join() === [...want].sort().join();

export function marksScenario(name: BrowserName): void {
  describe(`Déjà Lu marks links already read in ${LABELS[name]}`, () => {
    let ext: ExtensionBrowser;
    let sites: ReaderSites;
    let front: Tab;
    beforeAll(async () => {
      sites = await startReaderSites(frontPages);
      ext = await launchBrowser(name);
      await resetSettings(ext);
    });
    afterAll(async () => {
      await ext?.close();
      await sites?.close();
    });

    it('marks links to a story read on another site and to pages read on either site; not the rest', async () => {
      await ext.visit(sites.page(2, READER_PAGES.lighthouse));
      await ext.visit(sites.page(1, READER_PAGES.bus));
      await ext.visit(sites.page(4, FRONT.live));
      front = await ext.openTab(sites.page(1, FRONT.plain));
      expect(await waitForMarks(front.page, sameList(MARKED), 'the three links read marked')).toEqual(MARKED);
      await sleep(QUIET_MS);
      // Not the story never read, not "Live updates" (read, but generic), not the page itself.
      expect(await markedLinks(front.page)).toEqual(MARKED);
      const [other, otherPage, same, never] = await titles(front.page, [...MARKED, 'never']);
      expect(other).toMatch(/^Read on 127\.0\.0\.2 · \S/);
      expect(otherPage).toMatch(/^Its own title\nRead on 127\.0\.0\.2 · \S/);
      expect(same).toMatch(/^Read on 127\.0\.0\.1 · \S/);
      expect(never).toBeNull();
      // Screen readers hear it: the link's accessible description (Chromium's tree; Firefox's is not reachable over BiDi).
      if (name === 'chromium') {
        const link = await front.page.$('#same-site');
        const node = await front.page.accessibility.snapshot({ root: link!, interestingOnly: false });
        expect(node?.name).toBe('Bus');
        expect(node?.description).toMatch(/^Read on 127\.0\.0\.1 · \S/);
      }
      // The page saw its marked links' titles set, and nothing else: no element, class or style.
      const seen = await changes(front.page);
      expect(seen.map((c) => `${c.type} ${c.target} ${c.attribute}`).sort()).toEqual(MARKED.map((id) => `attributes ${id} title`));
      expect(await boxesUnchanged(front.page)).toBe(true);
    });

    it('marks links that arrive later, as on an infinite scroll', async () => {
      await addMore(front.page, 300, sites.page(2, `${READER_PAGES.lighthouse}?ref=scroll`));
      expect(await waitForMarks(front.page, (ids) => ids.includes('late'), 'the late link marked')).toEqual([...MARKED, 'late'].sort());
      const seen = await changes(front.page);
      expect(seen.filter((c) => c.type === 'attributes').map((c) => c.target).sort()).toEqual([...MARKED, 'late'].sort());
    });

    it('a list rendered anew keeps the marks of the links shown, and lets go of those taken out', async () => {
      const tab = await ext.openTab(sites.page(1, FRONT.plain));
      await waitForMarks(tab.page, sameList(MARKED), 'marks before the list is rendered anew');
      for (let round = 0; round < 5; round++) {
        // As a page's framework does: the list's items replaced by copies of themselves.
        await tab.page.evaluate(() => {
          const list = document.getElementById('list')!;
          list.replaceChildren(...[...list.children].map((li) => li.cloneNode(true)));
        });
        await waitForMarks(tab.page, (ids) => ids.length === MARKED.length && !ids.includes('list'), `marks after rendering ${round + 1}`);
        await sleep(200);
      }
      // No range left behind for a link taken out (it would start in the list), one label a link.
      expect(await markedLinks(tab.page)).toEqual(MARKED);
      const [other, otherPage] = await titles(tab.page, MARKED.slice(0, 2));
      expect(other?.split('\n')).toHaveLength(1);
      expect(otherPage?.split('\n')).toEqual(['Its own title', expect.stringMatching(/^Read on /)]);
      await tab.page.close();
    });

    it('shows through hostile page CSS, and on a right-to-left page, moving nothing', async () => {
      const hostile = await ext.openTab(sites.page(1, FRONT.hostile));
      await waitForMarks(hostile.page, sameList(MARKED), 'marks on the hostile page');
      const [marked, plain] = [await paintedColour(hostile.page, 'same-site'), await paintedColour(hostile.page, 'never')];
      expect(await boxesUnchanged(hostile.page)).toBe(true);
      const distance = (a: number[], b: number[]) => Math.max(...a.map((v, i) => Math.abs(v - b[i]!)));
      // The page writes the link's text anew (as a framework renders it): the link stays painted.
      await hostile.page.evaluate(() => {
        const link = document.getElementById('same-site')!;
        link.textContent = `${link.textContent ?? ''}`;
      });
      let rewritten: number[] = [];
      await poll(async () => distance((rewritten = await paintedColour(hostile.page, 'same-site')), marked) < 3, {
        what: `the rewritten link painted as marked, ${marked.join()}`, timeout: 5_000, interval: 100,
      }).catch((error: unknown) => {
        throw new Error(`${String(error)}: painted ${rewritten.join()}`);
      });
      const rtl = await ext.openTab(sites.page(1, FRONT.rtl));
      await waitForMarks(rtl.page, sameList(MARKED), 'marks on the right-to-left page');
      expect(await boxesUnchanged(rtl.page)).toBe(true);
      expect(await rtl.page.evaluate(() => document.documentElement.dir)).toBe('rtl');
      // The same link painted without its mark: the mark is what made the difference.
      await setSettings(ext, { linkMarks: false });
      await waitForMarks(hostile.page, (ids) => ids.length === 0, 'marks gone from the hostile page');
      const unmarked = await paintedColour(hostile.page, 'same-site');
      expect(distance(marked, unmarked), `marked ${marked.join()} against unmarked ${unmarked.join()}`).toBeGreaterThan(8);
      expect(distance(plain, await paintedColour(hostile.page, 'never'))).toBeLessThan(3);
      await setSettings(ext, { linkMarks: true });
      await hostile.page.close();
      await rtl.page.close();
    });

    it('the option turns every mark off at once, giving the links their titles back, and on again', async () => {
      await setSettings(ext, { linkMarks: false });
      await waitForMarks(front.page, (ids) => ids.length === 0, 'marks gone');
      expect(await titles(front.page, [...MARKED, 'late'])).toEqual([null, 'Its own title', null, null]);
      const other = await ext.openTab(sites.page(6, FRONT.plain));
      await other.page.waitForFunction(() => document.readyState === 'complete');
      await sleep(QUIET_MS);
      expect(await markedLinks(other.page)).toEqual([]);
      await setSettings(ext, { linkMarks: true });
      // Back on: the whole page is looked at again (other-site-page and same-site go to site 2 and site 6).
      await waitForMarks(front.page, (ids) => ids.length === 4, 'marks back');
      await waitForMarks(other.page, sameList(['other-site', 'other-site-page']), 'marks on site 6');
      await other.page.close();
    });

    it('the option switched off and at once on again leaves every mark on', async () => {
      for (let i = 0; i < 3; i++) {
        await setSettings(ext, { linkMarks: false });
        await setSettings(ext, { linkMarks: true });
      }
      await waitForMarks(front.page, (ids) => ids.length === 4, 'marks after quick switching');
      await sleep(QUIET_MS);
      expect(await markedLinks(front.page)).toEqual([...MARKED, 'late'].sort());
    });

    it('the popup turns marks off for the page\'s site only, and on again; axe-core finds nothing', async () => {
      const popup = await ext.openPopup(front.tabId);
      expect(await popup.$eval('#link-marks', (box) => (box as HTMLInputElement).checked)).toBe(true);
      expect(await axeViolations(popup)).toEqual([]);
      await popup.click('#link-marks');
      await waitForMarks(front.page, (ids) => ids.length === 0, 'marks gone from site 1');
      expect((await getSettings(ext)).linkMarksOffSites).toEqual(['127.0.0.1']);
      const elsewhere = await ext.openTab(sites.page(6, FRONT.plain));
      await waitForMarks(elsewhere.page, sameList(['other-site', 'other-site-page']), 'marks on site 6');
      await elsewhere.page.close();
      await popup.click('#link-marks');
      await waitForMarks(front.page, (ids) => ids.length === 4, 'marks back on site 1');
      await popup.close();
      expect(await axeViolations(front.page)).toEqual([]);
    });

    it('a page of thousands of links is gone through in slices, and marked all the same', async () => {
      // Its time is measured by a trace, not here: a timed browser test fails on a loaded machine.
      const page = await ext.browser.newPage();
      await page.goto(sites.page(1, FRONT.many));
      await waitForMarks(page, sameList(MARKED), 'marks among thousands of links');
      await addMore(page, 600, sites.page(1, READER_PAGES.bus));
      await waitForMarks(page, (ids) => ids.includes('late'), 'the late link after 600 more');
      await page.close();
    });
  });
}
