// @ts-check
/**
 * Accessibility checks with axe-core, run inside the page under test. The script is evaluated
 * through the automation protocol, so extension pages' CSP (script-src 'self') does not stop it.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';

/** @typedef {import('puppeteer-core').Page} Page */
/** @typedef {{ id: string, impact: string | null, help: string, nodes: string[] }} Violation */

const require = createRequire(import.meta.url);
/** @type {Promise<string> | undefined} */
let source;

/** @param {Page} page */
async function inject(page) {
  source ??= readFile(require.resolve('axe-core/axe.min.js'), 'utf8');
  const loaded = await page.evaluate(() => typeof (/** @type {any} */ (globalThis).axe?.run) === 'function');
  if (!loaded) await page.evaluate(`${await source}\n;undefined`);
}

/**
 * The axe-core violations of the whole page (WCAG 2.x A and AA, and axe's best practices).
 * @param {Page} page
 * @returns {Promise<Violation[]>}
 */
export async function axeViolations(page) {
  await inject(page);
  return page.evaluate(async () => {
    const results = await /** @type {any} */ (globalThis).axe.run(document, { resultTypes: ['violations'] });
    return results.violations.map((/** @type {any} */ v) => ({
      id: v.id, impact: v.impact, help: v.help,
      nodes: v.nodes.map((/** @type {any} */ n) => `${n.target.join(' ')}: ${n.failureSummary}`),
    }));
  });
}

/**
 * The axe-core violations of the in-page notice. axe walks open shadow roots only, and the
 * notice's is closed (on purpose: the page cannot reach it). So the check runs on a faithful
 * copy: the root's nodes (panel, its <style>, every attribute) cloned into an OPEN shadow root of
 * a probe element at the end of the same page, with the real notice hidden meanwhile so the copy
 * sits in its place with the same page behind it (for colour contrast). Only the shadow root's
 * mode differs; the probe is removed and the notice shown again afterwards.
 * @param {Page} page
 * @param {import('puppeteer-core').JSHandle<ShadowRoot>} root  from notice-page.mjs
 * @returns {Promise<Violation[]>}
 */
export async function axeNoticeViolations(page, root) {
  await inject(page);
  return root.evaluate(async (root) => {
    const host = /** @type {HTMLElement} */ (root.host);
    const probe = document.createElement('deja-lu-axe-probe');
    probe.attachShadow({ mode: 'open' }).append(...[...root.childNodes].map((node) => node.cloneNode(true)));
    host.style.setProperty('display', 'none', 'important');
    document.body.append(probe);
    try {
      const results = await /** @type {any} */ (globalThis).axe.run(probe, { resultTypes: ['violations'] });
      return results.violations.map((/** @type {any} */ v) => ({
        id: v.id, impact: v.impact, help: v.help,
        nodes: v.nodes.map((/** @type {any} */ n) => `${n.target.join(' ')}: ${n.failureSummary}`),
      }));
    } finally {
      probe.remove();
      host.style.removeProperty('display');
      if (host.getAttribute('style') === '') host.removeAttribute('style');
    }
  });
}
