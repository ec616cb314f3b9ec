/**
 * Issue 6 in a real browser: hostile pages, the page–extension boundary, privacy, and the
 * extension's life (background killed, browser restarted, version updated). Each part launches
 * its own browser with the built extension (DEJA_LU_DIST or dist/).
 */
import type { BrowserName } from '../../harness/browsers.ts';
import { hostilePages } from './hostile-pages.ts';
import { lifecycle } from './lifecycle.ts';
import { privacy } from './privacy.ts';

const LABELS: Record<BrowserName, string> = { chromium: 'Chromium', firefox: 'Firefox' };

export function hostileScenario(name: BrowserName): void {
  hostilePages(name, LABELS[name]);
  privacy(name, LABELS[name]);
  lifecycle(name, LABELS[name]);
}
