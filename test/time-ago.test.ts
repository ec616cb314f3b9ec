/**
 * Relative times come in the reader's language, every one of them: the ages of the history and
 * the notice's "· 3 days ago", down to the phrase for under a minute.
 */
import { describe, expect, it } from 'vitest';
import { timeAgo, timeAgoIn } from '../src/time-ago.ts';

const NOW = Date.UTC(2025, 5, 15, 12);
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** What each of the extension's languages says for 20 seconds, 5 hours, 1 day and 3 days ago (CLDR, through Intl). */
const EXPECTED: Record<string, [string, string, string, string]> = {
  en: ['just now', '5 hours ago', 'yesterday', '3 days ago'],
  'en-GB': ['just now', '5 hours ago', 'yesterday', '3 days ago'],
  fr: ['maintenant', 'il y a 5 heures', 'hier', 'il y a 3 jours'],
  de: ['jetzt', 'vor 5 Stunden', 'gestern', 'vor 3 Tagen'],
  es: ['ahora', 'hace 5 horas', 'ayer', 'hace 3 días'],
  it: ['ora', '5 ore fa', 'ieri', '3 giorni fa'],
  he: ['עכשיו', 'לפני 5 שעות', 'אתמול', 'לפני 3 ימים'],
};

describe('timeAgo', () => {
  it.each(Object.entries(EXPECTED))('speaks %s', (locale, expected) => {
    const ages = [20_000, 5 * HOUR, DAY + HOUR, 3 * DAY];
    expect(ages.map((age) => timeAgo(NOW - age, NOW, locale))).toEqual(expected);
  });

  it('gives "now" in the reader\'s own words in every language but English', () => {
    for (const locale of ['fr', 'de', 'es', 'it', 'he', 'pt-BR', 'ja']) {
      expect(timeAgo(NOW, NOW, locale)).toBe(new Intl.RelativeTimeFormat(locale, { numeric: 'auto' }).format(0, 'second'));
      expect(timeAgo(NOW, NOW, locale)).not.toMatch(/now/);
    }
  });

  it('picks the largest whole unit', () => {
    expect(timeAgo(NOW - 59_999, NOW, 'en')).toBe('just now');
    expect(timeAgo(NOW - MINUTE, NOW, 'en')).toBe('1 minute ago');
    expect(timeAgo(NOW - 2 * HOUR + 1, NOW, 'en')).toBe('1 hour ago');
    expect(timeAgo(NOW - 8 * DAY, NOW, 'en')).toBe('last week');
    expect(timeAgo(NOW - 400 * DAY, NOW, 'en')).toBe('last year');
  });
});

describe('timeAgoIn', () => {
  it('words every age as timeAgo does, with one formatter for them all', () => {
    const ages = [-5_000, 0, 59_999, MINUTE, 90 * MINUTE, 2 * HOUR + 1, DAY, 6 * DAY, 8 * DAY, 45 * DAY, 400 * DAY, 900 * DAY];
    for (const locale of [...Object.keys(EXPECTED), 'ja', undefined]) {
      const ago = timeAgoIn(locale);
      expect(ages.map((age) => ago(NOW - age, NOW))).toEqual(ages.map((age) => timeAgo(NOW - age, NOW, locale)));
    }
  });
});
