// The store listings (store/listing.json, store/descriptions/) against the stores' limits and
// against the extension itself: its locales, its manifest's permissions and its data declaration.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { apiPermissions, readManifest, repositoryRoot, sitePatterns } from './manifest-access.ts';

interface LocaleListing {
  name: string;
  summary: string;
  singlePurpose: string;
  description: string;
}

interface Listing {
  privacyPolicy: string;
  locales: Record<string, LocaleListing>;
  permissions: Record<string, string>;
  hostPermissions: { patterns: string[]; justification: string };
  remoteCode: { uses: boolean; justification: string };
  chromeDataUse: { handled: Record<string, string>; notHandled: string[]; transferred: boolean; certifications: Record<string, boolean> };
  firefoxDataCollection: { required: string[]; why: string };
  categories: Record<'chrome' | 'firefox', { category: string; why: string }>;
}

const file = (path: string) => new URL(path, repositoryRoot);
const listing = JSON.parse(readFileSync(file('store/listing.json'), 'utf8')) as Listing;
const manifest = readManifest();
/** The languages the extension ships: one folder of _locales each. */
const shipped = readdirSync(file('_locales/'), { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name);
const messages = (locale: string) =>
  JSON.parse(readFileSync(file(`_locales/${locale}/messages.json`), 'utf8')) as Record<string, { message: string } | undefined>;
const description = (locale: string) => readFileSync(file(`store/${listing.locales[locale]?.description}`), 'utf8');

/** The languages the listings are written in, whether or not their _locales folder has landed yet. */
const SUPPORTED = ['de', 'en', 'es', 'fr', 'he', 'it'];
// The strictest of the stores: 45 characters for a name (addons-linter, Edge; the Chrome Web Store
// allows 75, addons.mozilla.org 50); 132 for the summary (the manifest's description in Chrome and
// Firefox, which the Chrome Web Store shows as the summary; addons.mozilla.org allows 250).
const NAME_MAX = 45;
const SUMMARY_MAX = 132;
// The categories of the Chrome Web Store's privacy form: each is answered, handled or not.
const CHROME_DATA_CATEGORIES = [
  'Personally identifiable information', 'Health information', 'Financial and payment information', 'Authentication information',
  'Personal communications', 'Location', 'Web history', 'User activity', 'Website content',
];

describe('store listings', () => {
  it('exist in the six supported languages, a description file each', () => {
    expect(Object.keys(listing.locales).sort()).toEqual(SUPPORTED);
    expect(readdirSync(file('store/descriptions/')).sort()).toEqual(SUPPORTED.map((l) => `${l}.txt`));
  });

  it('cover every language the extension ships, and it ships every one of them', () => {
    expect([...shipped].sort()).toEqual(SUPPORTED);
  });

  describe.each(SUPPORTED)('%s', (locale) => {
    const entry = listing.locales[locale];

    it('has a name, a summary, a single purpose and a description within the limits', () => {
      expect(entry).toBeDefined();
      expect(entry!.name.trim().length).toBeGreaterThan(0);
      expect(entry!.name.length).toBeLessThanOrEqual(NAME_MAX);
      expect(entry!.summary.trim().length).toBeGreaterThan(0);
      expect(entry!.summary.length).toBeLessThanOrEqual(SUMMARY_MAX);
      expect(entry!.singlePurpose.trim().length).toBeGreaterThan(0);
      expect(description(locale).trim().length).toBeGreaterThan(500);
    });

    // The Chrome Web Store reads the name and the summary from the package: a different text here
    // would never be shown.
    it("names and summarises the extension as its _locales messages do", () => {
      const own = messages(locale);
      expect(entry?.name).toBe(own.extName?.message);
      expect(entry?.summary).toBe(own.extDescription?.message);
    });
  });

  it.each(SUPPORTED)('in %s are plain text (the Chrome Web Store shows no markup)', (locale) => {
    expect(description(locale)).not.toMatch(/<[a-z/!]|\*\*|^#/im);
  });

  it.each(SUPPORTED.filter((l) => l !== 'en'))('in %s are translated, not the English left in place', (locale) => {
    const en = listing.locales.en!;
    const own = listing.locales[locale]!;
    expect(own.summary).not.toBe(en.summary);
    expect(own.singlePurpose).not.toBe(en.singlePurpose);
    expect(description(locale)).not.toBe(description('en'));
  });

  // A page that sets a paragraph's direction from its first letter (dir="auto") would lay out
  // one that begins with "Déjà Lu" left to right.
  it('in Hebrew begin every line with a Hebrew letter', () => {
    const he = listing.locales.he!;
    const lines = [he.summary, he.singlePurpose, ...description('he').split('\n')].filter((line) => line.trim() !== '');
    const firstLetters = lines.map((line) => /[A-Za-z\u00C0-\u024F\u05D0-\u05EA]/.exec(line)?.[0]);
    expect(firstLetters.filter((letter) => !/[\u05D0-\u05EA]/.test(letter ?? ''))).toEqual([]);
    expect(lines.length).toBeGreaterThan(10);
  });
});

describe('the dashboards’ answers', () => {
  it('justify exactly the permissions manifest.json asks for', () => {
    expect(apiPermissions(manifest).length).toBeGreaterThan(0);
    expect(Object.keys(listing.permissions).sort()).toEqual(apiPermissions(manifest).sort());
    for (const why of Object.values(listing.permissions)) expect(why.trim().length).toBeGreaterThan(40);
  });

  it('justify exactly the sites the manifest reaches: host permissions and content script matches', () => {
    expect(sitePatterns(manifest).length).toBeGreaterThan(0);
    expect([...listing.hostPermissions.patterns].sort()).toEqual(sitePatterns(manifest).sort());
    expect(listing.hostPermissions.justification.trim().length).toBeGreaterThan(40);
  });

  it('answer every category of the Chrome privacy form, once, and certify the three uses', () => {
    const handled = Object.keys(listing.chromeDataUse.handled);
    expect([...handled, ...listing.chromeDataUse.notHandled].sort()).toEqual([...CHROME_DATA_CATEGORIES].sort());
    expect(handled).toEqual(expect.arrayContaining(['Web history', 'Website content']));
    expect(listing.chromeDataUse.transferred).toBe(false);
    expect(listing.chromeDataUse.certifications).toEqual({
      noSaleOrTransferToThirdParties: true, noUseUnrelatedToSinglePurpose: true, noUseForCreditworthinessOrLending: true,
    });
  });

  it("state Firefox's data collection as manifest.json declares it", () => {
    const declared = manifest.browser_specific_settings?.gecko?.data_collection_permissions;
    expect(declared).toEqual({ required: listing.firefoxDataCollection.required });
  });

  it('say no remote code, choose a category per store, and point to the privacy policy', () => {
    expect(listing.remoteCode.uses).toBe(false);
    for (const store of ['chrome', 'firefox'] as const) expect(listing.categories[store].category.length).toBeGreaterThan(0);
    expect(existsSync(file(listing.privacyPolicy))).toBe(true);
  });
});
