/**
 * The pages of the reader's-side browser tests and the screenshots (test/fixtures/reader-sites):
 * one folder served on sixteen loopback addresses, so the same page exists on sixteen sites and
 * every test can read "a copy on a site not used before". See the folder's README.
 */
import { join } from 'node:path';
import { ROOT } from './root.ts';
import { startSites, type Generate, type RunningSites } from './sites.ts';

export const READER_ROOT = join(ROOT, 'test/fixtures/reader-sites');
export const READER_SITE_COUNT = 16;

/** The pages, by what they are; paths as served on every host. */
export const READER_PAGES = Object.freeze({
  /** Story 1, in full. */
  lighthouse: '/lighthouse-observatory',
  /** Story 1 on a page whose own CSS is as aggressive as it gets, with a fixed cookie bar. */
  lighthouseHostile: '/lighthouse-observatory-hostile',
  /** Story 1 on a right-to-left (Arabic) site. */
  lighthouseRtl: '/lighthouse-observatory-rtl',
  /** Story 2, in full: eight paragraphs. */
  bus: '/bus-route',
  /** Story 2 cut to its first four paragraphs, re-headlined, with an "abridged" note. */
  busAbridged: '/bus-route-abridged',
  /** Story 3. */
  trees: '/tree-map',
  /** Story 4, a developing story: `#v2` a later edition with 3 new paragraphs, `#v3` one more. */
  developing: '/developing-story',
  /** A single-page site: story 3 at first, story 1 after following its "Lighthouse" link. */
  spa: '/spa?story=trees',
});

export const READER_TITLES = Object.freeze({
  lighthouse: "Lighthouse keeper's cottage to become a night-sky observatory",
  bus: 'Volunteers take the wheel to save the last bus to the hill villages',
  busAbridged: 'Retired residents to drive hill villages bus',
  trees: 'Pupils map every tree in their town',
});

export interface ReaderSites extends RunningSites {
  /** the address of site 1 to 16 */
  host: (site: number) => string;
  /** the URL of `path` on site 1 to 16 */
  page: (site: number, path: string) => string;
}

/** Starts the sixteen sites, 127.0.0.1 to 127.0.0.16 on one free port (`generate`: pages made by code besides). */
export async function startReaderSites(generate?: Generate): Promise<ReaderSites> {
  const sites = Array.from({ length: READER_SITE_COUNT }, (_, i) => ({ host: `127.0.0.${i + 1}`, dir: '.', name: `site ${i + 1}` }));
  const running = await startSites({ sites, root: READER_ROOT, ...(generate ? { generate } : {}) });
  return {
    ...running,
    host: (site) => `127.0.0.${site}`,
    page: (site, path) => `http://127.0.0.${site}:${running.port}${path}`,
  };
}
