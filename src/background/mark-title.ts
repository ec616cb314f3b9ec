/**
 * A marked link's tooltip, and its screen readers' description: "Read on example.com · 3 days
 * ago", in the browser's language. Worded here rather than in the page: a page's first
 * Intl.RelativeTimeFormat took about 40 ms of its main thread's CPU, in one task (BENCHMARKS.md,
 * "Link marks on a front page"); the worker makes one for its whole life.
 */
import { t, uiLanguage } from '../platform/i18n.ts';
import { timeAgoIn } from '../time-ago.ts';

let ago: ReturnType<typeof timeAgoIn> | null = null;

export function markTitle(host: string, lastSeen: number, now: number): string {
  ago ??= timeAgoIn(uiLanguage());
  return t('linkMarkTitle', host, ago(lastSeen, now));
}
