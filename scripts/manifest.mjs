/**
 * Derives each browser's manifest from the one source manifest (pure; tested).
 * Chrome runs the background as a service worker and ignores Gecko settings; Firefox runs it as
 * an event page (`background.scripts`) and needs its add-on id.
 * @param {Record<string, any>} source the parsed manifest.json
 * @param {'chrome' | 'firefox'} browser
 * @returns {Record<string, any>}
 */
export const MINIMUM_CHROME = '120';

export function deriveManifest(source, browser) {
  const manifest = structuredClone(source);
  const worker = source.background?.service_worker;
  if (!worker) throw new Error('manifest.json: background.service_worker is required');
  if (browser === 'chrome') {
    delete manifest.browser_specific_settings;
    // The bundles are built for Chrome 120 (scripts/build.mjs): older versions are kept off.
    manifest.minimum_chrome_version = MINIMUM_CHROME;
    return manifest;
  }
  if (browser === 'firefox') {
    if (!source.browser_specific_settings?.gecko?.id) throw new Error('manifest.json: browser_specific_settings.gecko.id is required for Firefox');
    manifest.background = { scripts: [worker] };
    return manifest;
  }
  throw new Error(`unknown browser: ${browser}`);
}
