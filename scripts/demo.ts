/**
 * `npm start [-- --browser firefox] [-- --screenshot out/demo-popup.png] [-- --headless]`
 *
 * Serves three local news sites (127.0.0.1, .2, .3) that publish one story, opens Chromium (or
 * Firefox) with the built extension and reads the three copies one after another: the badge
 * lights up on the second and the third. Prints what the extension reported for each page and
 * saves the popup of the last one to out/popup.png. With a display the browser stays open until
 * Ctrl-C; without one it runs headless and exits.
 */
import { mkdir } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { BROWSERS, ROOT, hasDisplay, launchBrowser } from '../test/harness/browsers.ts';
import { sleep } from '../test/harness/poll.ts';
import { PAGES, SITES, startSites } from '../test/harness/sites.ts';

const USAGE = `usage: npm start [-- --browser chromium|firefox] [--screenshot PATH] [--headless]
  --browser     chromium (default) or firefox
  --screenshot  also save the popup screenshot to PATH (e.g. out/demo-popup.png)
  --headless    no window even when a display exists`;

const VISITS = [PAGES.original, PAGES.abridged, PAGES.wire];

async function main() {
  const { values } = parseArgs({
    options: {
      browser: { type: 'string', default: 'chromium' },
      screenshot: { type: 'string' },
      headless: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) return void console.log(USAGE);
  const name = values.browser === 'chrome' ? 'chromium' : values.browser;
  if (name !== 'chromium' && name !== 'firefox') throw new Error(`--browser must be ${BROWSERS.join(' or ')}, not "${name}"\n${USAGE}`);
  const headful = hasDisplay() && !values.headless;

  const sites = await startSites();
  const ext = await launchBrowser(name, { headful, handleSignals: false }).catch(async (error) => {
    await sites.close();
    throw error;
  });
  let stopping: Promise<unknown> | undefined;
  const stop = () => (stopping ??= Promise.all([ext.close(), sites.close()]));
  // Ctrl-C at any point closes the browser properly (and removes its temporary profile).
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.once(signal, () => void stop().finally(() => process.exit(130)));
  }
  try {
    console.log(`Déjà Lu demo in ${name}${ext.headless ? ' (headless: no display)' : ''}`);
    SITES.forEach((site, i) => console.log(`  site ${i + 1}: ${sites.origins[i]}  ${site.name}`));
    console.log('');

    let lastTab = -1;
    for (const [i, page] of VISITS.entries()) {
      if (headful && i > 0) await sleep(2_000); // time to watch the badge change
      const { tabId, verdict, url, page: tab } = await ext.visit(sites.url(page));
      const expected = verdict.otherSites > 0 ? String(verdict.otherSites) : '';
      const badge = await ext.waitForBadge(tabId, expected);
      const popup = await ext.popup(tabId);
      if (headful) await tab.bringToFront();
      console.log(`${i + 1}. ${SITES[page.site]?.name}: ${verdict.title}`);
      console.log(`   ${url}`);
      console.log(`   badge: ${badge ? `"${badge}"` : '(none)'}   popup: ${popup.summary}`);
      for (const s of popup.sightings) console.log(`     - read on ${s.meta.join(', ')}: ${s.title}`);
      lastTab = tabId;
    }

    const shots = [join(ROOT, 'out/popup.png'), ...(values.screenshot ? [resolve(values.screenshot)] : [])];
    for (const path of shots) {
      await mkdir(dirname(path), { recursive: true });
      await ext.popup(lastTab, { screenshot: path });
      console.log(`\npopup screenshot: ${relative(process.cwd(), path)}`);
    }

    if (ext.headless) return;
    await ext.openPopup(lastTab); // leave the popup of the last copy on screen
    console.log('\nThe browser stays open: look at the badge, click the Déjà Lu button. Ctrl-C to quit.');
    await new Promise((done) => ext.browser.once('disconnected', done)); // or until the window is closed
  } finally {
    await stop();
  }
}

main().catch((error) => {
  console.error(`demo: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
