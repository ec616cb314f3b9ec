import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { changelogVersions, versionDisagreements } from '../../scripts/lib/release-version.mjs';

const root = new URL('../../', import.meta.url);
const read = (name: string) => readFileSync(new URL(name, root), 'utf8');

const changelog = (...versions: string[]) =>
  ['# Changelog', '', '## [Unreleased]', '', ...versions.flatMap((v) => [`## [${v}] - 2026-12-06`, '', '### Added', '', '- Something.', ''])].join('\n');

function files(pkg: string, manifest: string | undefined, notes: string) {
  return { packageJson: { version: pkg }, manifest: manifest === undefined ? {} : { version: manifest }, changelog: notes };
}

describe('changelogVersions', () => {
  it('lists the version headings newest first, without Unreleased', () => {
    expect(changelogVersions(changelog('1.1.0', '1.0.0'))).toEqual(['1.1.0', '1.0.0']);
  });

  it('ignores a version named in a third-level heading or in the text', () => {
    expect(changelogVersions('### [2.0.0]\nSee [1.0.0] for more.\n## [1.0.0]\n')).toEqual(['1.0.0']);
  });
});

describe('versionDisagreements', () => {
  it('finds nothing when the three files agree', () => {
    expect(versionDisagreements(files('1.1.0', '1.1.0', changelog('1.1.0', '1.0.0')))).toEqual([]);
  });

  it('names both files and versions when the manifest differs from package.json', () => {
    const problems = versionDisagreements(files('1.1.0', '1.0.0', changelog('1.1.0')));
    expect(problems).toEqual(['package.json has version 1.1.0 but manifest.json has "1.0.0"']);
  });

  it('reports a manifest without a version', () => {
    expect(versionDisagreements(files('1.1.0', undefined, changelog('1.1.0')))).toEqual([
      'package.json has version 1.1.0 but manifest.json has null',
    ]);
  });

  it('reports a changelog without notes for the version, whose newest is another', () => {
    expect(versionDisagreements(files('1.1.0', '1.1.0', changelog('1.0.0')))).toEqual([
      'CHANGELOG.md has no "## [1.1.0]" heading for package.json\'s version 1.1.0',
      "CHANGELOG.md's newest version is 1.0.0 but package.json has 1.1.0",
    ]);
  });

  it('reports notes for the version that are not the newest', () => {
    expect(versionDisagreements(files('1.0.0', '1.0.0', changelog('1.1.0', '1.0.0')))).toEqual([
      "CHANGELOG.md's newest version is 1.1.0 but package.json has 1.0.0",
    ]);
  });

  it('reports a changelog with no version at all', () => {
    expect(versionDisagreements(files('1.0.0', '1.0.0', changelog()))).toEqual([
      'CHANGELOG.md has no "## [1.0.0]" heading for package.json\'s version 1.0.0',
      "CHANGELOG.md's newest version is (none) but package.json has 1.0.0",
    ]);
  });

  it('reports every disagreement at once', () => {
    expect(versionDisagreements(files('2.0.0', '1.0.0', changelog('1.0.0')))).toHaveLength(3);
  });

  it('reports a version Chrome would refuse, and takes one of one to four integers', () => {
    for (const bad of ['1.1.0-beta.1', '01.0', '1.2.3.4.5', '70000.0', 'v1']) {
      expect(versionDisagreements(files(bad, bad, changelog(bad))).join(' '), bad).toMatch(/not one Chrome accepts/);
    }
    for (const good of ['1', '1.0', '1.2.3', '0.1.2.65535']) expect(versionDisagreements(files(good, good, changelog(good)))).toEqual([]);
  });

  it('reports a package.json without a version', () => {
    expect(versionDisagreements({ packageJson: {}, manifest: { version: '1.0.0' }, changelog: changelog('1.0.0') })).toEqual([
      'package.json has no version',
    ]);
  });

  it('finds the repository itself in agreement', () => {
    const repository = {
      packageJson: JSON.parse(read('package.json')),
      manifest: JSON.parse(read('manifest.json')),
      changelog: read('CHANGELOG.md'),
    };
    expect(versionDisagreements(repository)).toEqual([]);
    // package-lock.json repeats the version twice: npm ci would not complain about a stale one.
    const lock = JSON.parse(read('package-lock.json'));
    expect([lock.version, lock.packages[''].version]).toEqual([repository.packageJson.version, repository.packageJson.version]);
  });
});
