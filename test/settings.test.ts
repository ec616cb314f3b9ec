import { describe, expect, it } from 'vitest';
import { siteEntry, siteForUrl } from '../src/core/url.ts';
import { DEFAULT_SETTINGS, onSites, parseSettings, thresholdsFor } from '../src/settings.ts';

describe('settings', () => {
  it('gives the defaults for nothing stored', () => {
    expect(parseSettings(undefined)).toEqual(DEFAULT_SETTINGS);
    expect(parseSettings('garbage')).toEqual(DEFAULT_SETTINGS);
  });

  it('keeps valid values and replaces invalid ones field by field', () => {
    const parsed = parseSettings({
      paused: true, minWords: 'many', retentionDays: 30, sensitivity: 'paranoid',
      excludedSites: ['Bank.example', 'bank.example', '<script>', 7], readDelaySeconds: -1,
    });
    expect(parsed).toMatchObject({ paused: true, minWords: 120, retentionDays: 30, sensitivity: 'balanced', excludedSites: ['bank.example'], readDelaySeconds: 10 });
  });

  it('marks links by default, and keeps the sites where they are off as the other lists', () => {
    expect(DEFAULT_SETTINGS).toMatchObject({ linkMarks: true, linkMarksOffSites: [] });
    expect(parseSettings({ linkMarks: 'no', linkMarksOffSites: ['Front.example', 'a b', 3] })).toMatchObject({ linkMarks: true, linkMarksOffSites: ['front.example'] });
    expect(parseSettings({ linkMarks: false })).toMatchObject({ linkMarks: false });
  });

  it('private windows are not recorded unless the reader says so', () => {
    expect(DEFAULT_SETTINGS.recordPrivate).toBe(false);
  });

  it('maps sensitivity to the same-story threshold', () => {
    expect(thresholdsFor({ sensitivity: 'strict' }).sameStory).toBeGreaterThan(thresholdsFor({ sensitivity: 'balanced' }).sameStory);
    expect(thresholdsFor({ sensitivity: 'loose' }).sameStory).toBeLessThan(thresholdsFor({ sensitivity: 'balanced' }).sameStory);
  });
});

describe('onSites', () => {
  it('matches a site and its subdomains, nothing else', () => {
    expect(onSites('https://news.example.co.uk/a', ['example.co.uk'])).toBe(true);
    expect(onSites('https://news.example.co.uk/a', ['news.example.co.uk'])).toBe(true);
    expect(onSites('https://example.co.uk/a', ['news.example.co.uk'])).toBe(false);
    expect(onSites('https://notexample.co.uk/a', ['example.co.uk'])).toBe(false);
    expect(onSites('not a url', ['example.co.uk'])).toBe(false);
    expect(onSites('https://news.example.co.uk./a', ['example.co.uk'])).toBe(true);
    expect(onSites('https://NEWS.Example.co.uk/a', ['example.co.uk'])).toBe(true);
    expect(onSites('not a url', [''])).toBe(false);
  });
});

/** onSites as it was before siteForUrl: what today's stored lists were written for. */
function onSitesBefore(url: string, sites: readonly string[]): boolean {
  let host: string;
  try {
    host = new URL(url).hostname.toLowerCase();
  } catch {
    return false;
  }
  return sites.some((site) => host === site || host.endsWith(`.${site}`));
}

describe('per-site settings stored before siteForUrl', () => {
  // As the extension stored them: the popup and the notice saved the host without "www.", the
  // options page what the reader typed without scheme, path and "www.".
  const stored = {
    paused: false, excludedSites: ['example.org', 'news.example.com', '127.0.0.12', 'bank.example.co.uk', 'someone.github.io'],
    recordPrivate: false, sensitivity: 'balanced', minWords: 120, retentionDays: 365, notice: true,
    noticeOffSites: ['127.0.0.5', 'sport.example.net', 'xn--bcher-kva.example'], readDelaySeconds: 10,
  };
  const pages = [
    'https://example.org/a', 'https://www.example.org/a', 'https://blog.example.org/a', 'https://notexample.org/a',
    'https://news.example.com/a', 'https://www.news.example.com/a', 'https://www.example.com/a', 'https://example.com/a',
    'http://127.0.0.12:8080/a', 'http://127.0.0.1/a', 'https://bank.example.co.uk/a', 'https://www.bank.example.co.uk/a',
    'https://example.co.uk/a', 'https://someone.github.io/a', 'https://other.github.io/a', 'http://127.0.0.5/a',
    'https://sport.example.net/a', 'https://example.net/a', 'https://xn--bcher-kva.example/a', 'https://www.bücher.example/a',
  ];

  it('are read unchanged', () => {
    // Stored before link marks: those come in at their defaults.
    expect(parseSettings(stored)).toEqual({ ...stored, linkMarks: true, linkMarksOffSites: [] });
  });

  it('cover exactly the pages they covered', () => {
    const settings = parseSettings(stored);
    for (const list of [settings.excludedSites, settings.noticeOffSites]) {
      const before = pages.filter((url) => onSitesBefore(url, list));
      expect(pages.filter((url) => onSites(url, list))).toEqual(before);
      expect(before.length).toBeGreaterThan(3);
    }
  });

  it('are shown and saved back unchanged by the options page', () => {
    for (const entry of [...stored.excludedSites, ...stored.noticeOffSites]) expect(siteEntry(entry)).toBe(entry);
  });
});

describe('a per-site switch', () => {
  it('stores the site, which covers the whole site and nothing else', () => {
    const settings = parseSettings({ excludedSites: [siteForUrl('https://news.example.com/a')], noticeOffSites: [siteForUrl('https://someone.github.io/a')] });
    expect(settings.excludedSites).toEqual(['example.com']);
    expect(onSites('https://www.example.com/b', settings.excludedSites)).toBe(true);
    expect(onSites('https://sport.example.com/b', settings.excludedSites)).toBe(true);
    expect(onSites('https://example.co/b', settings.excludedSites)).toBe(false);
    expect(settings.noticeOffSites).toEqual(['someone.github.io']);
    expect(onSites('https://other.github.io/b', settings.noticeOffSites)).toBe(false);
  });

  it('works on an IPv6 address, once refused as invalid', () => {
    const settings = parseSettings({ excludedSites: [siteForUrl('http://[::1]:8080/a')] });
    expect(settings.excludedSites).toEqual(['::1']);
    expect(onSites('http://[::1]/b', settings.excludedSites)).toBe(true);
    expect(onSites('http://[::2]/b', settings.excludedSites)).toBe(false);
  });
});
