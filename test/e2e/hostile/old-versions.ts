/**
 * Earlier states of the extension for the update test: copies of the build with another version
 * number (Chromium gets a fixed `key` in both, so that the copies share one extension id, as
 * versions from the store do), and the history as the first released schema (version 1) wrote it.
 */
import { generateKeyPairSync } from 'node:crypto';
import { cp, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import type { ExtensionBrowser } from '../../harness/browsers.ts';
import { FIXTURE_ROOT, SITES, type PageRef } from '../../harness/sites.ts';
import { extractArticle } from '../../../src/content/extract.ts';
import { pageKey } from '../../../src/core/index.ts';
import type { ArticleRecord } from '../../../src/history/records.ts';

/** A record as schema versions 1 and 2 stored it: full sketch, page key as text, byline and all. */
export type LegacyRecord = Omit<ArticleRecord, 'page' | 'threshold'> & {
  page: string; byline: string | null; published: string | null; lang: string | null;
};

/**
 * `record` (a fixture page's record read back from today's extension) as version 1 stored it. The
 * full sketch is not kept any more, so the page is fingerprinted again here, by the same code.
 */
export async function legacyRecord(record: ArticleRecord, page: PageRef): Promise<LegacyRecord> {
  const html = await readFile(join(FIXTURE_ROOT, SITES[page.site]!.dir, `${page.path}.html`), 'utf8');
  const found = extractArticle(parseHTML(html).document as unknown as Document, record.url);
  if (!found.article) throw new Error(`${page.path} is not an article: ${found.reason}`);
  const { threshold: _threshold, ...rest } = record;
  return {
    ...rest, page: pageKey(record.url), byline: null, published: null, lang: 'en',
    sketch: found.fingerprint.sketch, keys: found.fingerprint.keys.slice(0, 24), paragraphs: found.fingerprint.paragraphs,
  };
}

/** Copies `dist` once per version into a temporary folder; returns the folders, in order. */
export async function versionedCopies(dist: string, versions: readonly string[], withKey: boolean): Promise<{ root: string; folders: string[] }> {
  const root = await mkdtemp(join(tmpdir(), 'deja-lu-versions-'));
  const key = withKey ? generateKeyPairSync('rsa', { modulusLength: 2048 }).publicKey.export({ type: 'spki', format: 'der' }).toString('base64') : null;
  const folders: string[] = [];
  for (const version of versions) {
    const folder = join(root, version);
    await cp(dist, folder, { recursive: true });
    const manifest = JSON.parse(await readFile(join(folder, 'manifest.json'), 'utf8'));
    await writeFile(join(folder, 'manifest.json'), JSON.stringify({ ...manifest, version, ...(key ? { key } : {}) }, null, 2));
    folders.push(folder);
  }
  return { root, folders };
}

/**
 * Replaces the extension's database with one at version 1, as the first release created it (the
 * store and its four indexes; no `lastSeen` index yet), holding `records`. Run from an extension
 * page while the background is stopped, so that nothing holds the database open.
 */
export function writeVersion1Database(ext: ExtensionBrowser, records: LegacyRecord[]): Promise<void> {
  return ext.control.evaluate(async (records) => {
    const done = <T>(request: IDBRequest<T>) => new Promise<T>((resolve, reject) => {
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const removal = indexedDB.deleteDatabase('deja-lu');
    removal.onblocked = () => { throw new Error('the database is still open elsewhere'); };
    await done(removal);
    const opening = indexedDB.open('deja-lu', 1);
    opening.onupgradeneeded = () => {
      const articles = opening.result.createObjectStore('articles', { keyPath: 'id', autoIncrement: true });
      articles.createIndex('page', 'page');
      articles.createIndex('story', 'story');
      articles.createIndex('site', 'site');
      articles.createIndex('keys', 'keys', { multiEntry: true });
    };
    const db = await done(opening);
    const tx = db.transaction('articles', 'readwrite');
    for (const record of records) tx.objectStore('articles').put(record);
    await new Promise((resolve, reject) => {
      tx.oncomplete = resolve;
      tx.onerror = () => reject(tx.error);
    });
    db.close();
  }, records);
}

/** The database's version and the indexes of its store, opened from an extension page. */
export function databaseShape(ext: ExtensionBrowser): Promise<{ version: number; indexes: string[] }> {
  return ext.control.evaluate(() => new Promise<{ version: number; indexes: string[] }>((resolve, reject) => {
    const opening = indexedDB.open('deja-lu');
    opening.onsuccess = () => {
      const db = opening.result;
      const indexes = [...db.transaction('articles').objectStore('articles').indexNames].sort();
      db.close();
      resolve({ version: db.version, indexes });
    };
    opening.onerror = () => reject(opening.error);
  }));
}
