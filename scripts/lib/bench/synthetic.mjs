// @ts-check
/**
 * Synthetic reading history for the in-browser benchmark, shaped like the records recordReport
 * writes, generated inside the extension page (bundled into the bench bundle) so that 100,000 of
 * them never cross the DevTools protocol.
 *
 * Every field but the hashes comes from a real corpus article used as a template (URL shape with a
 * unique suffix, title, site name, byline, dates, word and shingle counts); the hashes have the
 * distributions real fingerprints have, which matters for the bytes on disk (V8 serialises a small
 * integer as a varint and a large one as a double):
 *   sketch      the 64 smallest of `size` uniform 32-bit hashes (exponential gaps: mostly < 2^30)
 *   keys        the core's own winnow() over a run of uniform shingle hashes, first 24 kept
 *   paragraphs  uniform 32-bit hashes, one per paragraph of the template (≤ 200)
 * Sites follow a Zipf law (a reader's history is mostly a few sites); about 1 article in 10
 * joins the story of a recent article (a story read on several sites), the rest are singletons.
 */
import { hostOf, siteOf } from '../../../src/core/url.ts';
import { pageHashOf } from '../../../src/history/codec.ts';
import { MAX_STORED_KEYS } from '../../../src/core/lookup-keys.ts';
// The same generators as the Node half of the benchmark (this file is bundled by esbuild).
import { foldedSketch, seededRandom, syntheticKeys, syntheticSketch, uniformHashes, withSuffix, zipf } from '../../../src/bench/synthetic.ts';
// A truncated copy of a corpus story on another site: the same as the Node half's.
export { truncatedCopy } from '../../../src/bench/synthetic.ts';

export { seededRandom, zipf };

/** @typedef {import('../../../src/history/records.ts').ArticleRecord} ArticleRecord */
/** @typedef {import('../../../src/protocol.ts').PageReport} PageReport */
/** @typedef {() => number} Random */

/** Share of synthetic articles that join the story of a recent article on another site. */
export const JOIN_STORY = 0.1;
/** How far back (in articles) a joined story may start: a news cycle. */
const JOIN_WINDOW = 500;

/**
 * What a template lends a synthetic record: everything but the hashes.
 * @typedef {object} Template
 * @property {string} url
 * @property {string} site
 * @property {string} host
 * @property {string} title
 * @property {string | null} siteName
 * @property {string | null} byline
 * @property {string | null} published
 * @property {string | null} lang
 * @property {number} words
 * @property {number} size
 * @property {number} keys
 * @property {number} paragraphs
 */

/**
 * @param {PageReport} report
 * @returns {Template}
 */
export function templateOf(report) {
  return {
    url: report.url, site: siteOf(report.url), host: hostOf(report.url), title: report.title,
    siteName: report.siteName, byline: report.byline, published: report.published, lang: report.lang,
    words: report.words, size: report.hashes.length, keys: Math.min(MAX_STORED_KEYS, report.keys.length),
    paragraphs: report.paragraphs.length,
  };
}

/**
 * @typedef {object} HistoryShape
 * @property {number} start  firstSeen of record 0 (ms)
 * @property {number} spacing  ms between two readings
 */

/**
 * Makes synthetic records with ids `from`..`to` (inclusive), deterministic for a given seed and
 * range start. Record `id` was read at `start + id * spacing`.
 */
export class Synthesiser {
  /**
   * @param {readonly Template[]} templates
   * @param {HistoryShape} shape
   * @param {number} [seed]
   */
  constructor(templates, shape, seed = 42) {
    /** @type {Map<string, Template[]>} */
    const bySite = new Map();
    for (const t of templates) bySite.set(t.site, [...(bySite.get(t.site) ?? []), t]);
    if (bySite.size === 0) throw new Error('no templates to synthesise from');
    const order = seededRandom(7);
    this.sites = [...bySite.values()].sort((a, b) => /** @type {Template} */ (a[0]).site.localeCompare(/** @type {Template} */ (b[0]).site));
    for (let i = this.sites.length - 1; i > 0; i--) {
      const j = Math.floor(order() * (i + 1));
      [this.sites[i], this.sites[j]] = [/** @type {Template[]} */ (this.sites[j]), /** @type {Template[]} */ (this.sites[i])];
    }
    this.pickSite = zipf(this.sites.length);
    this.templates = templates;
    this.random = seededRandom(seed);
    this.shape = shape;
    /** story of each recent id, to join */
    /** @type {Map<number, number>} */
    this.stories = new Map();
  }

  /**
   * @param {number} from
   * @param {number} to
   * @returns {ArticleRecord[]}
   */
  records(from, to) {
    const { random, shape } = this;
    /** @type {ArticleRecord[]} */
    const records = [];
    for (let id = from; id <= to; id++) {
      const site = /** @type {Template[]} */ (this.sites[this.pickSite(random)]);
      const template = /** @type {Template} */ (site[Math.floor(random() * site.length)]);
      const url = withSuffix(template.url, id.toString(36));
      const firstSeen = Math.round(shape.start + id * shape.spacing);
      let story = id;
      if (id > JOIN_WINDOW && random() < JOIN_STORY) {
        const earlier = id - 1 - Math.floor(random() * JOIN_WINDOW);
        story = this.stories.get(earlier) ?? earlier;
      }
      this.stories.set(id, story);
      this.stories.delete(id - JOIN_WINDOW - 1);
      records.push({
        id, url, page: pageHashOf(url), host: template.host, site: template.site, title: template.title,
        siteName: template.siteName, firstSeen, lastSeen: firstSeen, words: template.words, size: template.size,
        ...foldedSketch(syntheticSketch(template.size, random)),
        keys: syntheticKeys(template.size, Math.max(1, template.keys), random),
        paragraphs: uniformHashes(template.paragraphs, random),
        story,
      });
    }
    return records;
  }
}
