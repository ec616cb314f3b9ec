import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, parseSettings, thresholdsFor } from '../src/settings.ts';

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

  it('private windows are not recorded unless the reader says so', () => {
    expect(DEFAULT_SETTINGS.recordPrivate).toBe(false);
  });

  it('maps sensitivity to the same-story threshold', () => {
    expect(thresholdsFor({ sensitivity: 'strict' }).sameStory).toBeGreaterThan(thresholdsFor({ sensitivity: 'balanced' }).sameStory);
    expect(thresholdsFor({ sensitivity: 'loose' }).sameStory).toBeLessThan(thresholdsFor({ sensitivity: 'balanced' }).sameStory);
  });
});

describe('onSites', () => {
  it('matches a site and its subdomains, nothing else', async () => {
    const { onSites } = await import('../src/settings.ts');
    expect(onSites('https://news.example.co.uk/a', ['example.co.uk'])).toBe(true);
    expect(onSites('https://news.example.co.uk/a', ['news.example.co.uk'])).toBe(true);
    expect(onSites('https://example.co.uk/a', ['news.example.co.uk'])).toBe(false);
    expect(onSites('https://notexample.co.uk/a', ['example.co.uk'])).toBe(false);
    expect(onSites('not a url', ['example.co.uk'])).toBe(false);
  });
});
