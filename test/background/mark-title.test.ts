// A marked link's tooltip, worded by the worker in the browser's language (the page only sets it).
import { describe, expect, it, vi } from 'vitest';

vi.mock('../../src/platform/i18n.ts', () => ({
  t: (key: string, ...substitutions: string[]) => `${key}: ${substitutions.join(' | ')}`,
  uiLanguage: () => 'fr',
}));

const { markTitle } = await import('../../src/background/mark-title.ts');

const NOW = Date.UTC(2025, 5, 15, 12);
const HOUR = 3_600_000;

describe('markTitle', () => {
  it('says where and how long ago, in the browser\'s language, against the time given', () => {
    expect(markTitle('a.example', NOW - 3 * 24 * HOUR, NOW)).toBe('linkMarkTitle: a.example | il y a 3 jours');
    expect(markTitle('b.example', NOW - 25 * HOUR, NOW)).toBe('linkMarkTitle: b.example | hier');
    expect(markTitle('b.example', NOW - 25 * HOUR, NOW + 48 * HOUR)).toBe('linkMarkTitle: b.example | il y a 3 jours');
  });
});
