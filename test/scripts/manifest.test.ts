import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { deriveManifest, MINIMUM_CHROME } from '../../scripts/manifest.mjs';

const root = new URL('../../', import.meta.url);

function sourceManifest() {
  return {
    manifest_version: 3,
    name: 'Test',
    version: '1.2.3',
    background: { service_worker: 'background.js' },
    content_scripts: [{ matches: ['https://*/*'], js: ['content.js'] }],
    browser_specific_settings: { gecko: { id: 'test@example.org', strict_min_version: '140.0' } },
  };
}

/** Freezes every object in the tree, so that any write to it throws (modules run in strict mode). */
function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}

describe('deriveManifest', () => {
  it('gives Chrome the service worker, no Gecko settings and the Chrome version the bundles are built for', () => {
    const chrome = deriveManifest(sourceManifest(), 'chrome');
    expect(chrome.background).toEqual({ service_worker: 'background.js' });
    expect(chrome).not.toHaveProperty('browser_specific_settings');
    const { browser_specific_settings: _, ...shared } = sourceManifest();
    expect(chrome).toEqual({ ...shared, minimum_chrome_version: MINIMUM_CHROME });
    expect(deriveManifest(sourceManifest(), 'firefox')).not.toHaveProperty('minimum_chrome_version');
  });

  it('gives Firefox background.scripts and keeps the Gecko id and minimum version', () => {
    const firefox = deriveManifest(sourceManifest(), 'firefox');
    expect(firefox.background).toEqual({ scripts: ['background.js'] });
    expect(firefox.browser_specific_settings.gecko).toEqual({ id: 'test@example.org', strict_min_version: '140.0' });
    expect({ ...firefox, background: undefined }).toEqual({ ...sourceManifest(), background: undefined });
  });

  it('refuses a source without background.service_worker, for both browsers', () => {
    const source = { ...sourceManifest(), background: { scripts: ['background.js'] } };
    expect(() => deriveManifest(source, 'chrome')).toThrow(/background\.service_worker/);
    expect(() => deriveManifest(source, 'firefox')).toThrow(/background\.service_worker/);
  });

  it('refuses Firefox without a Gecko id, but not Chrome', () => {
    const source = { ...sourceManifest(), browser_specific_settings: { gecko: { strict_min_version: '140.0' } } };
    expect(() => deriveManifest(source, 'firefox')).toThrow(/gecko\.id/);
    expect(() => deriveManifest({ ...sourceManifest(), browser_specific_settings: undefined }, 'firefox')).toThrow(/gecko\.id/);
    expect(deriveManifest(source, 'chrome')).not.toHaveProperty('browser_specific_settings');
  });

  it('refuses an unknown browser', () => {
    expect(() => deriveManifest(sourceManifest(), 'safari' as 'chrome')).toThrow(/unknown browser/);
  });

  it('leaves the source untouched and shares no objects with it', () => {
    const source = deepFreeze(sourceManifest());
    for (const browser of ['chrome', 'firefox'] as const) {
      const derived = deriveManifest(source, browser);
      derived.content_scripts[0].js.push('extra.js');
      derived.name = 'Changed';
    }
    expect(source).toEqual(sourceManifest());
  });
});

describe('the real manifest.json', () => {
  const source = JSON.parse(readFileSync(new URL('manifest.json', root), 'utf8'));

  it('derives cleanly for both browsers', () => {
    const chrome = deriveManifest(source, 'chrome');
    expect(chrome.manifest_version).toBe(3);
    expect(chrome.background).toEqual({ service_worker: source.background.service_worker });
    expect(chrome).not.toHaveProperty('browser_specific_settings');
    const firefox = deriveManifest(source, 'firefox');
    expect(firefox.background).toEqual({ scripts: [source.background.service_worker] });
    expect(firefox.browser_specific_settings.gecko.id).toBe(source.browser_specific_settings.gecko.id);
  });

  it('names only icons that exist in icons/ as PNGs of the size they are listed under', () => {
    const iconSets = [source.icons, source.action?.default_icon];
    const listed = iconSets.flatMap((set) => Object.entries(set ?? {}) as [string, string][]);
    expect(listed.length).toBeGreaterThan(0);
    for (const [size, path] of listed) {
      expect(path).toMatch(/^icons\/[^/]+\.png$/);
      const file = new URL(path, root);
      expect(existsSync(file), path).toBe(true);
      const png = readFileSync(file);
      // A PNG's IHDR chunk holds width and height at bytes 16 and 20.
      expect([png.readUInt32BE(16), png.readUInt32BE(20)], path).toEqual([Number(size), Number(size)]);
    }
  });
});
