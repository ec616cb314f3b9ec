/**
 * The history part in Firefox ESR (--firefox): seeding, look-up + record, and storage read again
 * after a restart on the same profile, as for Chromium (SQLite's write-ahead log is folded into
 * the database when Firefox closes it). No budget.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchBrowser, type ExtensionBrowser } from '../../../test/harness/browsers.ts';
import { sleep } from '../../../test/harness/poll.ts';
import type { PageReport } from '../../protocol.ts';
import type { StorageEstimate } from '../page/api.ts';
import { benchPage } from './call.ts';
import { diskUsage } from './disk.ts';
import { historyPhase } from './history.ts';
import type { Log } from './options.ts';
import type { FirefoxResult } from './results.ts';

const DISK = 'moz-extension';

export interface FirefoxOptions {
  bundle: string;
  log: Log;
  sizes: readonly number[];
  lookups: number;
  /** The build's root: the extension in firefox/. */
  distRoot: string;
}

export async function firefoxHistory(reports: PageReport[], options: FirefoxOptions): Promise<FirefoxResult> {
  const profile = await mkdtemp(join(tmpdir(), 'deja-lu-bench-firefox-'));
  const dist = join(options.distRoot, 'firefox');
  let firefox: ExtensionBrowser | null = await launchBrowser('firefox', { dist, userDataDir: profile });
  try {
    const version = await firefox.browser.version();
    const history = await historyPhase(firefox, reports, { ...options, profile, disk: DISK, popupSites: null });
    const open = await diskUsage(profile, DISK);
    await firefox.close();
    firefox = null;
    const closed = await diskUsage(profile, DISK);
    firefox = await launchBrowser('firefox', { dist, userDataDir: profile });
    const page = await firefox.browser.newPage();
    const bench = await benchPage(firefox, page, options.bundle);
    const stored = await bench('count');
    await sleep(1500);
    const after = { estimate: await bench('estimate'), disk: await diskUsage(profile, DISK) };
    await page.close();
    const usage = (e: StorageEstimate | null) => e?.usage ?? Number.NaN;
    return {
      browser: version, lookups: history.lookups, seeding: history.seeding,
      storage: {
        articles: stored, before: history.before, immediate: history.immediate, diskWhileOpen: open, diskWhenClosed: closed, after,
        bytesPerArticleImmediate: (usage(history.immediate) - usage(history.before.estimate)) / stored,
        bytesPerArticle: (usage(after.estimate) - usage(history.before.estimate)) / stored,
        diskBytesPerArticle: (after.disk.bytes - history.before.disk.bytes) / stored,
      },
    };
  } finally {
    await firefox?.close();
    await rm(profile, { recursive: true, force: true }).catch(() => undefined);
  }
}
