/** What the toolbar badge says of a page: the other sites its story was read on, or that it changed since it was read. */
import type { Verdict } from '../protocol.ts';

export interface Badge {
  text: string;
  color: string;
}

/** Purple: the story was read on other sites. */
export const OTHER_SITES_COLOR = '#8a3ffc';
/** Teal, told apart from purple by hue and lightness: the page itself changed since it was read. */
export const UPDATED_COLOR = '#00705e';

/**
 * "+3": the page gained three paragraphs since it was read (a change to a page the reader went
 * back to is the news there); else "2": its story was read on two other sites; else nothing.
 */
export function badgeFor(verdict: Pick<Verdict, 'otherSites' | 'updated'>): Badge {
  if (verdict.updated) return { text: `+${Math.min(verdict.updated.fresh, 99)}`, color: UPDATED_COLOR };
  return { text: verdict.otherSites > 0 ? String(verdict.otherSites) : '', color: OTHER_SITES_COLOR };
}
