/**
 * The reader's side of the extension (issue 4) in a real browser running the built extension:
 * the in-page notice, "what's new", "updated since you read it", reading delays, single-page sites, the popup, the options
 * page, private windows, French and dark mode, Hebrew laid out right to left, keyboard shortcut
 * and accessibility.
 *
 * Three browsers: one as installed by default (English, light, not allowed in private windows) for
 * most of it, in order, each group building on the history the one before left; then one in
 * French and dark mode with the extension allowed in private windows; then one in Hebrew, whose
 * UI reads right to left. The groups live in test/e2e/reader/; the pages they read in
 * test/fixtures/reader-sites/.
 */
import { describe } from 'vitest';
import type { BrowserName } from '../harness/browsers.ts';
import { accessibilityTests } from './reader/accessibility.ts';
import { LABELS, useReaderBrowser } from './reader/context.ts';
import { frenchDarkTests, shortcutTests } from './reader/locale.ts';
import { noticeTests } from './reader/notice.ts';
import { optionsTests } from './reader/options.ts';
import { popupHistoryTests, popupTests } from './reader/popup.ts';
import { privateAllowedTests, privateDefaultTests } from './reader/private.ts';
import { readingTests } from './reader/reading.ts';
import { hebrewRtlTests } from './reader/rtl.ts';
import { updatedTests } from './reader/updated.ts';

export function readerScenario(name: BrowserName): void {
  describe(`Déjà Lu for the reader in ${LABELS[name]}`, () => {
    const ctx = useReaderBrowser(name);
    noticeTests(ctx); // sites 1–7
    readingTests(ctx); // sites 8–10
    popupTests(ctx); // sites 11 and 16
    accessibilityTests(ctx, 15, 'light');
    optionsTests(ctx); // sites 12–14
    privateDefaultTests(ctx, 15);
    shortcutTests(ctx);
    updatedTests(ctx); // site 9
    popupHistoryTests(ctx); // clears the history
  });

  describe(`Déjà Lu for the reader in ${LABELS[name]}, in French, dark mode, allowed in private windows`, () => {
    const ctx = useReaderBrowser(name, { locale: 'fr', dark: true, allowPrivate: true });
    frenchDarkTests(ctx); // sites 1–2
    accessibilityTests(ctx, 3, 'dark');
    privateAllowedTests(ctx, [4, 5]);
  });

  describe(`Déjà Lu for the reader in ${LABELS[name]}, in Hebrew (right to left)`, () => {
    const ctx = useReaderBrowser(name, { locale: 'he' });
    hebrewRtlTests(ctx); // sites 1–2
    accessibilityTests(ctx, 3, 'Hebrew, right to left');
  });
}
