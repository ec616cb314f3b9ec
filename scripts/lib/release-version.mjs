// @ts-check
// The version a release carries is written in three places: package.json (npm, the zips' names),
// manifest.json (what the browsers and the stores read) and CHANGELOG.md (what the reader is told).
// A release whose three disagree would ship notes for another version, so packaging checks them first.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** `## [1.2.3]` or `## [1.2.3] - 2026-12-06`; `## [Unreleased]` is not a version. */
const HEADING = /^##\s+\[([^\]]+)\]/gm;

/**
 * The versions CHANGELOG.md has notes for, newest first (Keep a Changelog lists them so).
 * @param {string} changelog
 * @returns {string[]}
 */
export function changelogVersions(changelog) {
  return [...changelog.matchAll(HEADING)].map((m) => (m[1] ?? '').trim()).filter((v) => v.toLowerCase() !== 'unreleased');
}

/**
 * Every way the three files disagree about the version being released; empty when they agree.
 * @param {{ packageJson: { version?: unknown }, manifest: { version?: unknown }, changelog: string }} files
 * @returns {string[]}
 */
export function versionDisagreements({ packageJson, manifest, changelog }) {
  const version = packageJson.version;
  if (typeof version !== 'string' || version === '') return ['package.json has no version'];
  const problems = [];
  // Chrome takes one to four dot-separated integers of at most 65535, without leading zeros.
  if (!/^(0|[1-9]\d{0,4})(\.(0|[1-9]\d{0,4})){0,3}$/.test(version) || version.split('.').some((n) => Number(n) > 65535)) {
    problems.push(`package.json's version ${version} is not one Chrome accepts (one to four integers of 0-65535, as 1.2.3)`);
  }
  if (manifest.version !== version) {
    problems.push(`package.json has version ${version} but manifest.json has ${JSON.stringify(manifest.version ?? null)}`);
  }
  const versions = changelogVersions(changelog);
  if (!versions.includes(version)) problems.push(`CHANGELOG.md has no "## [${version}]" heading for package.json's version ${version}`);
  const newest = versions[0];
  if (newest !== version) {
    problems.push(`CHANGELOG.md's newest version is ${newest ?? '(none)'} but package.json has ${version}`);
  }
  return problems;
}

/**
 * Reads the three files at the repository's root and exits the process with status 1, naming what
 * disagrees, unless they agree. For scripts/package.mjs, before it builds anything.
 * @param {string} root
 */
export function requireAgreedVersion(root) {
  const read = (/** @type {string} */ name) => readFileSync(join(root, name), 'utf8');
  const problems = versionDisagreements({
    packageJson: JSON.parse(read('package.json')),
    manifest: JSON.parse(read('manifest.json')),
    changelog: read('CHANGELOG.md'),
  });
  if (problems.length === 0) return;
  console.error('Not packaging: the version to release disagrees between package.json, manifest.json and CHANGELOG.md:');
  for (const problem of problems) console.error(`  - ${problem}`);
  process.exit(1);
}
