/**
 * Link marks on a page that keeps changing its links after they are marked, as frameworks, tab
 * panels and tickers do: each marked link must stay painted as long as it leads to what was read,
 * lose its mark when it is pointed elsewhere, be marked again when put back, and have its own
 * title back when marks are turned off. The page paints its text white on white, so that a
 * screenshot of a link tells its mark apart (src/content/marks/marks.css) from no mark.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, type BrowserName, type ExtensionBrowser, type Tab } from '../harness/browsers.ts';
import { poll, sleep } from '../harness/poll.ts';
import { READER_PAGES, READER_TITLES, startReaderSites, type ReaderSites } from '../harness/reader-sites.ts';
import type { Generate } from '../harness/sites.ts';
import { markedLinks, paintedColour, titles, waitForMarks } from './marks-page.ts';
import { QUIET_MS, resetSettings, setSettings } from './reader/context.ts';

const BUS = READER_PAGES.bus;
const link = (id: string, inner = 'Bus bus bus bus') => `<p><a id="${id}" href="${BUS}#${id}">${inner}</a></p>`;
const BODY = [
  link('ref'), link('badge', 'Bus bus bus bus<span>NEW</span>'), link('lead', '<span>X</span>Bus bus bus bus'), link('text'),
  link('emptied'), link('moved'), link('ticker'), link('reused'), link('copied', 'Bus bus bus bus'),
  '<p><a id="never" href="/never-read">Bus bus bus bus</a></p>',
].join('');
const PAGE = `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Changing links</title>
<style>body{font:32px/1.2 sans-serif;background:#fff;color:#fff} a{color:#fff;text-decoration:none}</style></head><body>${BODY}</body></html>`;
const HEAD = '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Changing links</title></head><body>';
/** Site 3's origin, once the sites run: a headline read on site 1 marks links there. */
let elsewhere = '';
const PAGES: Record<string, () => string> = {
  '/changing': () => PAGE,
  // A headline link whose text comes late (a skeleton filled), and one whose headline is replaced.
  '/late-text': () => `${HEAD}<p><a id="control" href="${elsewhere}/elsewhere-1">${READER_TITLES.bus}</a></p>
<p><a id="late" href="${elsewhere}/elsewhere-2">Loading…</a></p><p><a id="gone" href="${elsewhere}/elsewhere-3">${READER_TITLES.bus}</a></p></body></html>`,
  // The same, each link's text node written in place (as a framework updates a text it rendered).
  '/late-data': () => `${HEAD}<p><a id="control" href="${elsewhere}/elsewhere-4">${READER_TITLES.bus}</a></p>
<p><a id="late" href="${elsewhere}/elsewhere-5">Loading…</a></p><p><a id="gone" href="${elsewhere}/elsewhere-6"><b>${READER_TITLES.bus}</b></a></p></body></html>`,
  // 150 links to what was read, pointed one every 20 ms from the load on at pages never read, among 5,000 others.
  '/race': () => `${HEAD}<p>${Array.from({ length: 150 }, (_, i) => `<a id="t${i}" href="${BUS}#t${i}">x</a>`).join(' ')}</p>
<p>${Array.from({ length: 5_000 }, (_, i) => `<a href="/filler-${i}">f</a>`).join(' ')}</p><script>
addEventListener('load', () => {
  for (let i = 0; i < 150; i++) setTimeout(() => document.getElementById('t' + i).setAttribute('href', '/never-read-' + i), i * 20);
});</script></body></html>`,
  // A read link beside one holding a counter written in place every 4 ms, and prices in 50 links written every 50 ms.
  '/counter': () => `${HEAD}<p><a id="bus" href="${BUS}#counter">Bus</a></p><p><a id="live" href="/live">Live 0</a></p>
<p>${Array.from({ length: 50 }, (_, i) => `<a href="/quote/${i}">Q${i} <span>0.00</span></a>`).join(' ')}</p><script>
let n = 0;
window.tick = () => {
  const live = document.getElementById('live').firstChild;
  const prices = [...document.querySelectorAll('a span')].map((s) => s.firstChild);
  const counter = setInterval(() => { live.nodeValue = 'Live ' + (n++); }, 4);
  const board = setInterval(() => { for (const p of prices) p.nodeValue = (Math.random() * 100).toFixed(2); }, 50);
  return () => { clearInterval(counter); clearInterval(board); };
};</script></body></html>`,
  // Twenty marked links the page writes anew in one task, and one it leaves alone.
  '/many': () => `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Many</title>
<style>body{font:32px/1.2 sans-serif;background:#fff;color:#fff} a{color:#fff;text-decoration:none}</style></head><body>
${Array.from({ length: 20 }, (_, i) => link(`m${i}`)).join('')}${link('alone')}${'<p><a id="never" href="/never-read">Bus bus bus bus</a></p>'}</body></html>`,
  // A marked link whose href the page sets again to the same value (a framework rendering anew), and the titles the page sees set.
  '/same-href': () => `${HEAD}<p><a id="same" href="${BUS}#same">Bus</a></p><script>
window.titleChanges = 0;
new MutationObserver((records) => { window.titleChanges += records.length; }).observe(document.body, { subtree: true, attributes: true, attributeFilter: ['title'] });
</script></body></html>`,
};
const generate: Generate = (_site, pathname) => (PAGES[pathname] ? { type: 'text/html; charset=utf-8', body: PAGES[pathname]() } : null);

const ALL = ['badge', 'copied', 'emptied', 'lead', 'moved', 'ref', 'reused', 'text', 'ticker'];

interface PageState {
  kept?: Element;
  ticker?: ReturnType<typeof setInterval>;
  titleChanges?: number;
}

export function marksChangesScenario(name: BrowserName): void {
  describe(`marks on a page that changes its links in ${name}`, () => {
    let ext: ExtensionBrowser;
    let sites: ReaderSites;
    let tab: Tab;
    const errors: string[] = [];
    let marked: number[] = [];
    let plain: number[] = [];
    const distance = (a: number[], b: number[]) => Math.max(...a.map((v, i) => Math.abs(v - b[i]!)));
    /** Whether the link is painted as marked (nearer the marked colour than the plain one). */
    const painted = async (id: string) => {
      const colour = await paintedColour(tab.page, id);
      return distance(colour, marked) < distance(colour, plain) ? 'marked' : `plain (${colour.join()})`;
    };
    /** The marked link's range in the highlight, as offsets among its children. */
    const span = (id: string) => tab.page.evaluate((id) => {
      const anchor = document.getElementById(id)!;
      const range = [...(CSS.highlights.get('deja-lu-read')?.keys() ?? [])].find((r) => (r as AbstractRange).startContainer === anchor) as AbstractRange | undefined;
      return range ? `${range.startOffset}-${range.endOffset} of ${anchor.childNodes.length} children` : 'no range';
    }, id);
    const paintedSoon = (id: string) => poll(async () => (await painted(id)) === 'marked', { what: `${id} painted as marked`, timeout: 5_000, interval: 100 })
      .catch(async (error: unknown) => {
        throw new Error(`${String(error)}: ${await painted(id)}, range ${await span(id)}`);
      });

    beforeAll(async () => {
      sites = await startReaderSites(generate);
      elsewhere = new URL(sites.page(3, '/')).origin;
      ext = await launchBrowser(name);
      await resetSettings(ext);
      await ext.visit(sites.page(1, BUS));
      tab = await ext.openTab(sites.page(1, '/changing'));
      tab.page.on('pageerror', (error) => errors.push(String(error)));
      await waitForMarks(tab.page, (ids) => ids.length === ALL.length, 'every link read marked');
      marked = await paintedColour(tab.page, 'ref');
      plain = await paintedColour(tab.page, 'never');
      expect(distance(marked, plain), `marked ${marked.join()} against plain ${plain.join()}`).toBeGreaterThan(8);
    });
    afterAll(async () => {
      await ext?.close();
      await sites?.close();
    });

    it('a child taken out of a marked link, at its end or its start: still painted', async () => {
      await tab.page.evaluate(() => {
        document.querySelector('#badge span')!.remove();
        document.querySelector('#lead span')!.remove();
      });
      await paintedSoon('badge');
      await paintedSoon('lead');
    });

    it('its text changed in place, or the link emptied and filled again: still painted', async () => {
      await tab.page.evaluate(() => {
        document.getElementById('text')!.firstChild!.nodeValue = 'Bus bus bus bus bus bus';
        document.getElementById('emptied')!.replaceChildren();
      });
      await sleep(QUIET_MS);
      await tab.page.evaluate(() => document.getElementById('emptied')!.append('Bus bus bus bus'));
      await paintedSoon('text');
      await paintedSoon('emptied');
    });

    it('its text written anew every 100 ms: painted throughout', async () => {
      await tab.page.evaluate(() => {
        let n = 0;
        (window as PageState).ticker = setInterval(() => {
          document.getElementById('ticker')!.textContent = `Bus bus bus ${n++ % 10}`;
        }, 100);
      });
      const samples: string[] = [];
      for (let i = 0; i < 20; i++) {
        samples.push(await painted('ticker'));
        await sleep(37);
      }
      await tab.page.evaluate(() => clearInterval((window as PageState).ticker));
      expect(samples.filter((s) => s !== 'marked')).toEqual([]);
    });

    it('taken out, and put back after a while (a tab panel, a virtual list): marked again', async () => {
      await tab.page.evaluate(() => {
        const state = window as PageState;
        state.kept = document.getElementById('moved')!;
        state.kept.remove();
      });
      await waitForMarks(tab.page, (ids) => !ids.includes('moved'), 'the link taken out let go of');
      await sleep(QUIET_MS);
      await tab.page.evaluate(() => document.body.append((window as PageState).kept!));
      await waitForMarks(tab.page, (ids) => ids.includes('moved'), 'the link put back marked again');
      await paintedSoon('moved');
      expect((await titles(tab.page, ['moved']))[0]?.split('\n')).toHaveLength(1);
    });

    it('pointed elsewhere (a list reusing its elements): its mark and label taken off', async () => {
      await tab.page.evaluate(() => {
        const anchor = document.getElementById('reused')!;
        anchor.setAttribute('href', '/never-read-either');
        anchor.firstChild!.nodeValue = 'Something else entirely, never read';
      });
      await waitForMarks(tab.page, (ids) => !ids.includes('reused'), 'the link pointed elsewhere unmarked');
      expect(await titles(tab.page, ['reused'])).toEqual([null]);
      // Pointed back at what was read: marked again.
      await tab.page.evaluate(() => document.getElementById('reused')!.setAttribute('href', `${document.getElementById('ref')!.getAttribute('href')}`));
      await waitForMarks(tab.page, (ids) => ids.includes('reused'), 'the link pointed back marked again');
    });

    it('marks off: every link has its own title back, copies of marked links included', async () => {
      await tab.page.evaluate(() => {
        const anchor = document.getElementById('copied')!;
        anchor.replaceWith(anchor.cloneNode(true));
      });
      await sleep(QUIET_MS);
      expect((await titles(tab.page, ['copied']))[0]?.split('\n')).toHaveLength(1);
      await setSettings(ext, { linkMarks: false });
      await waitForMarks(tab.page, (ids) => ids.length === 0, 'every mark gone');
      const left = await titles(tab.page, ALL);
      await setSettings(ext, { linkMarks: true });
      expect(Object.fromEntries(ALL.map((id, i) => [id, left[i]]))).toEqual(Object.fromEntries(ALL.map((id) => [id, null])));
    });

    it('a headline link whose text comes late is marked; one whose headline is replaced loses its mark', async () => {
      const page = (await ext.openTab(sites.page(1, '/late-text'))).page;
      await waitForMarks(page, (ids) => ids.join() === 'control,gone', 'the links under the headline read marked');
      await page.evaluate((headline) => {
        document.getElementById('late')!.textContent = headline;
        document.getElementById('gone')!.textContent = 'Cat show results announced at the county fair';
      }, READER_TITLES.bus);
      await waitForMarks(page, (ids) => ids.join() === 'control,late', 'the late headline marked, the replaced one not');
      expect(await titles(page, ['gone'])).toEqual([null]);
      await page.close();
    });

    it('the same, the text written in place in its text node: marked, and the mark taken off', async () => {
      const page = (await ext.openTab(sites.page(1, '/late-data'))).page;
      await waitForMarks(page, (ids) => ids.join() === 'control,gone', 'the links under the headline read marked');
      await page.evaluate((headline) => {
        document.getElementById('late')!.firstChild!.nodeValue = headline;
        document.querySelector('#gone b')!.firstChild!.nodeValue = 'Cat show results announced at the county fair';
      }, READER_TITLES.bus);
      await waitForMarks(page, (ids) => ids.join() === 'control,late', 'the late headline marked, the replaced one not');
      expect(await titles(page, ['gone'])).toEqual([null]);
      await page.close();
    });

    it('a link holding a counter written every 4 ms, and 50 prices in links every 50 ms: at most two questions a second', async () => {
      const page = (await ext.openTab(sites.page(1, '/counter'))).page;
      await waitForMarks(page, (ids) => ids.includes('bus'), 'the read link marked');
      // The questions the page's links cost, as every extension page hears them.
      await ext.control.evaluate(() => {
        type Api = { runtime: { onMessage: { addListener(listener: (message: { type?: string } | null) => void): void } } };
        const scope = globalThis as unknown as { browser?: Api; chrome: Api; heard: number };
        scope.heard = 0;
        (scope.browser ?? scope.chrome).runtime.onMessage.addListener((message) => {
          if (message?.type === 'links/read') scope.heard++;
        });
      });
      await page.evaluate(() => void ((window as PageState & { stop?: () => void }).stop = (window as unknown as { tick: () => () => void }).tick()));
      const seconds = 3;
      await sleep(seconds * 1_000);
      await page.evaluate(() => (window as PageState & { stop?: () => void }).stop!());
      const heard = await ext.control.evaluate(() => (globalThis as unknown as { heard: number }).heard);
      // Before, a batch each idle moment: 60-170 a second. Now one each MIN_GAP_MS (500 ms), and one more at the edges.
      expect(heard).toBeGreaterThan(0);
      expect(heard).toBeLessThanOrEqual(2 * seconds + 2);
      expect(await markedLinks(page)).toEqual(['bus']);
      await page.close();
    });

    it('a link pointed at a page never read while it is asked about: not marked', async () => {
      const page = (await ext.openTab(sites.page(1, '/race'))).page;
      await page.waitForFunction(() => document.getElementById('t149')!.getAttribute('href') === '/never-read-149', { timeout: 10_000 });
      await sleep(3 * QUIET_MS);
      const wrong = (await markedLinks(page)).filter((id) => id.startsWith('t'));
      expect(wrong).toEqual([]);
      await page.close();
    });

    it('its href set again to the same value every 100 ms: the mark stays, its title untouched', async () => {
      const page = (await ext.openTab(sites.page(1, '/same-href'))).page;
      await waitForMarks(page, (ids) => ids.includes('same'), 'the link marked');
      await sleep(QUIET_MS);
      const before = await page.evaluate(() => (window as PageState).titleChanges!);
      await page.evaluate(() => {
        (window as PageState).ticker = setInterval(() => {
          const link = document.getElementById('same')!;
          link.setAttribute('href', link.getAttribute('href')!);
        }, 100);
      });
      let unmarked = 0;
      for (let i = 0; i < 40; i++) {
        if (!(await markedLinks(page)).includes('same')) unmarked++;
        await sleep(30);
      }
      await page.evaluate(() => clearInterval((window as PageState).ticker));
      expect({ unmarked, titleChanges: (await page.evaluate(() => (window as PageState).titleChanges!)) - before }).toEqual({ unmarked: 0, titleChanges: 0 });
      await page.close();
    });

    it('twenty marked links written anew in one task: each still painted, and the others too', async () => {
      const before = tab;
      tab = await ext.openTab(sites.page(1, '/many'));
      try {
        await waitForMarks(tab.page, (ids) => ids.length === 21, 'the 21 links marked');
        await tab.page.evaluate(() => {
          for (let i = 0; i < 20; i++) document.getElementById(`m${i}`)!.textContent = `Bus bus bus bus ${i}`;
        });
        for (const id of ['m0', 'm19', 'alone']) await paintedSoon(id);
        expect(await markedLinks(tab.page)).toHaveLength(21);
      } finally {
        await tab.page.close();
        tab = before;
      }
    });

    it('throws nothing into the page', () => expect(errors).toEqual([]));
  });
}
