/**
 * Accessibility checks with axe-core, run inside the page under test. The script is evaluated
 * through the automation protocol, so extension pages' CSP (script-src 'self') does not stop it.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { JSHandle, Page } from 'puppeteer-core';

export interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: string[];
}

/** The part of axe-core's API used here, as it runs in the page (axe.min.js sets `window.axe`). */
interface Axe {
  run(context: Node, options: { resultTypes: string[] }): Promise<{
    violations: { id: string; impact: string | null; help: string; nodes: { target: string[]; failureSummary?: string }[] }[];
  }>;
}
type AxeGlobal = typeof globalThis & { axe?: Axe };

const require = createRequire(import.meta.url);
let source: Promise<string> | undefined;

async function inject(page: Page): Promise<void> {
  source ??= readFile(require.resolve('axe-core/axe.min.js'), 'utf8');
  const loaded = await page.evaluate(() => typeof (globalThis as AxeGlobal).axe?.run === 'function');
  if (!loaded) await page.evaluate(`${await source}\n;undefined`);
}

/** The axe-core violations of the whole page (WCAG 2.x A and AA, and axe's best practices). */
export async function axeViolations(page: Page): Promise<Violation[]> {
  await inject(page);
  return page.evaluate(async () => {
    const axe = (globalThis as AxeGlobal).axe;
    if (!axe) throw new Error('axe-core is not loaded');
    const results = await axe.run(document, { resultTypes: ['violations'] });
    return results.violations.map((v) => ({
      id: v.id, impact: v.impact, help: v.help,
      nodes: v.nodes.map((n) => `${n.target.join(' ')}: ${n.failureSummary}`),
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
 * @param root  from notice-page.ts
 */
export async function axeNoticeViolations(page: Page, root: JSHandle<ShadowRoot>): Promise<Violation[]> {
  await inject(page);
  return root.evaluate(async (root) => {
    const axe = (globalThis as AxeGlobal).axe;
    if (!axe) throw new Error('axe-core is not loaded');
    const host = root.host as HTMLElement;
    const probe = document.createElement('deja-lu-axe-probe');
    probe.attachShadow({ mode: 'open' }).append(...[...root.childNodes].map((node) => node.cloneNode(true)));
    host.style.setProperty('display', 'none', 'important');
    document.body.append(probe);
    try {
      const results = await axe.run(probe, { resultTypes: ['violations'] });
      return results.violations.map((v) => ({
        id: v.id, impact: v.impact, help: v.help,
        nodes: v.nodes.map((n) => `${n.target.join(' ')}: ${n.failureSummary}`),
      }));
    } finally {
      probe.remove();
      host.style.removeProperty('display');
      if (host.getAttribute('style') === '') host.removeAttribute('style');
    }
  });
}
