/** What manifest.json asks the browser for: API permissions, and the sites the extension reaches. */
import { readFileSync } from 'node:fs';

export interface Manifest {
  permissions?: string[];
  optional_permissions?: string[];
  host_permissions?: string[];
  optional_host_permissions?: string[];
  content_scripts?: { matches?: string[] }[];
  browser_specific_settings?: { gecko?: { data_collection_permissions?: unknown } };
}

export const repositoryRoot = new URL('../../', import.meta.url);

export function readManifest(): Manifest {
  return JSON.parse(readFileSync(new URL('manifest.json', repositoryRoot), 'utf8')) as Manifest;
}

// Manifest V2 let match patterns sit among the permissions; a browser reads them as host access.
const isPattern = (entry: string) => entry === '<all_urls>' || entry.includes('://');

/** API permissions, required and optional. */
export function apiPermissions(manifest: Manifest): string[] {
  return [...(manifest.permissions ?? []), ...(manifest.optional_permissions ?? [])].filter((p) => !isPattern(p));
}

/** Host permissions proper (they let the extension fetch from and script into those sites). */
export function hostPermissions(manifest: Manifest): string[] {
  const listed = [...(manifest.permissions ?? []), ...(manifest.optional_permissions ?? [])].filter(isPattern);
  return [...listed, ...(manifest.host_permissions ?? []), ...(manifest.optional_host_permissions ?? [])];
}

/**
 * Every site pattern the extension runs on or reaches: its host permissions and its content
 * scripts' matches (the stores count both as host access and ask for a justification of each).
 */
export function sitePatterns(manifest: Manifest): string[] {
  const matches = (manifest.content_scripts ?? []).flatMap((script) => script.matches ?? []);
  return [...new Set([...hostPermissions(manifest), ...matches])];
}
