/**
 * Does the command line extract what the browser extracts? Token F1 between the two extractions
 * of each page (the project's tokens, as fingerprinting sees them). Pure.
 */
import type { BrowserExtraction } from './browser-extraction.ts';
import { bagF1, mean } from './f1.ts';

/** What the command line extracted from a page: its article's tokens, or why there is none. */
export type NodeExtraction = { tokens: string[] } | { reason: string };

export interface PageAgreement {
  id: string;
  f1: number;
  node: string;
  browser: string;
  /** F1 when the browser runs the page with its scripts off: 1 when then the two agree. */
  scriptsOffF1?: number;
}

export interface Agreement {
  pages: number;
  /** Pages whose two extractions agree: token F1 ≥ AGREE_F1, or neither found an article. */
  agree: number;
  meanF1: number | null;
  /** Every page that differs, the lowest F1 first. */
  differing: PageAgreement[];
}

export const AGREE_F1 = 0.99;

export function agreement(
  node: ReadonlyMap<string, NodeExtraction>, browser: ReadonlyMap<string, BrowserExtraction>, textTokens: (text: string) => string[],
): Agreement {
  const scores: PageAgreement[] = [];
  for (const [id, ours] of node) {
    const theirs = browser.get(id) ?? { article: false, reason: 'not run in the browser' };
    const nodeSays = 'tokens' in ours ? `${ours.tokens.length} tokens` : ours.reason;
    const browserTokens = theirs.article ? textTokens(theirs.text) : null;
    const browserSays = browserTokens ? `${browserTokens.length} tokens` : theirs.article ? '' : theirs.reason;
    const f1 = 'tokens' in ours
      ? (browserTokens ? bagF1(ours.tokens, browserTokens).f1 : 0)
      : (browserTokens ? 0 : 1);
    scores.push({ id, f1, node: nodeSays, browser: browserSays });
  }
  const differing = scores.filter((s) => s.f1 < AGREE_F1).sort((a, b) => a.f1 - b.f1 || a.id.localeCompare(b.id));
  return { pages: scores.length, agree: scores.length - differing.length, meanF1: mean(scores.map((s) => s.f1)), differing };
}
