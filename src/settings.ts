/**
 * The reader's settings: `DEFAULT_SETTINGS` is the schema, and stored values are validated field by
 * field when read, so a bad or old value falls back to its default instead of breaking anything.
 */
import { DEFAULT_THRESHOLDS, type Thresholds } from './core/decide.ts';
import { hostForUrl } from './core/host.ts';

export type Sensitivity = 'strict' | 'balanced' | 'loose';

export interface Settings {
  /** Nothing is checked or recorded while paused. */
  paused: boolean;
  /**
   * Sites never checked nor recorded. Like `noticeOffSites`, a list of entries each covering a host
   * and every host under it (onSites): the site (siteForUrl) when stored by a switch ("Don't track
   * this site"), or the host the reader typed in the options (siteEntry, "news.example.com").
   */
  excludedSites: string[];
  /** Record pages read in private windows (off by default). */
  recordPrivate: boolean;
  sensitivity: Sensitivity;
  /** Articles shorter than this are not recorded. */
  minWords: number;
  /** Articles not read again for this many days are deleted. */
  retentionDays: number;
  /** Show the in-page notice. */
  notice: boolean;
  /** Sites where the in-page notice is not shown (its "Not on this site"; entries as `excludedSites`). */
  noticeOffSites: string[];
  /** A page counts as read after being visible this long (or scrolled). */
  readDelaySeconds: number;
  /** Mark the links of any page that lead to a page or a headline already read. */
  linkMarks: boolean;
  /** Sites whose pages' links are not marked (the popup's switch; entries as `excludedSites`). */
  linkMarksOffSites: string[];
}

export const DEFAULT_SETTINGS: Readonly<Settings> = Object.freeze({
  paused: false,
  excludedSites: [],
  recordPrivate: false,
  sensitivity: 'balanced',
  minWords: 120,
  retentionDays: 365,
  notice: true,
  noticeOffSites: [],
  readDelaySeconds: 10,
  linkMarks: true,
  linkMarksOffSites: [],
});

const SENSITIVITIES: readonly Sensitivity[] = ['strict', 'balanced', 'loose'];
export function thresholdsFor(settings: Pick<Settings, 'sensitivity'>): Thresholds {
  // Containment needed for "same story" at each sensitivity; balanced is the measured default.
  // Inside the function: the content script, which never calls it, then carries none of it.
  const sameStory: Record<Sensitivity, number> = { strict: 0.7, balanced: DEFAULT_THRESHOLDS.sameStory, loose: 0.4 };
  return { ...DEFAULT_THRESHOLDS, sameStory: sameStory[settings.sensitivity] };
}

/**
 * Whether a page's host is one of `sites` or below one of them (the rule for both lists): "example.com"
 * covers www.example.com and news.example.com, "news.example.com" covers news.example.com only.
 */
export function onSites(url: string, sites: readonly string[]): boolean {
  const host = hostForUrl(url);
  return host !== '' && sites.some((site) => host === site || host.endsWith(`.${site}`));
}

export function parseSettings(raw: unknown): Settings {
  const r = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {};
  const d = DEFAULT_SETTINGS;
  return {
    paused: bool(r.paused, d.paused),
    excludedSites: sites(r.excludedSites),
    recordPrivate: bool(r.recordPrivate, d.recordPrivate),
    sensitivity: SENSITIVITIES.includes(r.sensitivity as Sensitivity) ? (r.sensitivity as Sensitivity) : d.sensitivity,
    minWords: whole(r.minWords, d.minWords, 30, 5_000),
    retentionDays: whole(r.retentionDays, d.retentionDays, 1, 36_500),
    notice: bool(r.notice, d.notice),
    noticeOffSites: sites(r.noticeOffSites),
    readDelaySeconds: whole(r.readDelaySeconds, d.readDelaySeconds, 0, 600),
    linkMarks: bool(r.linkMarks, d.linkMarks),
    linkMarksOffSites: sites(r.linkMarksOffSites),
  };
}

const bool = (v: unknown, fallback: boolean) => (typeof v === 'boolean' ? v : fallback);

function whole(v: unknown, fallback: number, min: number, max: number): number {
  return Number.isInteger(v) && (v as number) >= min && (v as number) <= max ? (v as number) : fallback;
}

function sites(v: unknown): string[] {
  if (!Array.isArray(v)) return [];
  // Host names and IP addresses, IPv6 ones without brackets (hostForUrl); kept as stored.
  const valid = v.filter((s): s is string => typeof s === 'string' && /^[a-z0-9.:-]{1,253}$/i.test(s));
  return [...new Set(valid.map((s) => s.toLowerCase()))].slice(0, 10_000);
}
