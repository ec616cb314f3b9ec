const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 86_400_000], ['month', 30 * 86_400_000], ['week', 7 * 86_400_000],
  ['day', 86_400_000], ['hour', 3_600_000], ['minute', 60_000],
];

/**
 * "3 days ago", "yesterday", "just now": the age of a timestamp in the reader's language, worded
 * by the platform's Intl.RelativeTimeFormat (numeric: 'auto' gives "yesterday", "maintenant").
 */
export function timeAgo(then: number, now = Date.now(), locale?: string): string {
  const elapsed = now - then;
  const format = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  for (const [unit, size] of UNITS) {
    if (elapsed >= size) return format.format(-Math.floor(elapsed / size), unit);
  }
  return justNow(format);
}

/**
 * timeAgo for many timestamps in one language, with one formatter (the link marks' tooltips, worded
 * in the worker: src/background/mark-title.ts). timeAgo keeps its own copy of the loop: content.js
 * is at its size budget.
 */
export function timeAgoIn(locale?: string): (then: number, now?: number) => string {
  const format = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  return (then, now = Date.now()) => {
    const elapsed = now - then;
    for (const [unit, size] of UNITS) {
      if (elapsed >= size) return format.format(-Math.floor(elapsed / size), unit);
    }
    return justNow(format);
  };
}

/**
 * Under a minute: Intl's word for "now" in the reader's language ("maintenant", "jetzt", "עכשיו").
 * English alone keeps "just now", as before: its bare "now" ends "You read this story on
 * example.com · now" too abruptly.
 */
function justNow(format: Intl.RelativeTimeFormat): string {
  const english = new Intl.Locale(format.resolvedOptions().locale).language === 'en';
  return english ? 'just now' : format.format(0, 'second');
}
