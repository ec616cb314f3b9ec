// Least privilege, shown: every permission manifest.json asks for is used by the code the extension
// ships, and nothing it ships needs a permission it does not ask for.
import { describe, expect, it } from 'vitest';
import { apiPermissions, hostPermissions, readManifest, repositoryRoot } from './manifest-access.ts';
import { extensionSource, hostAccessUses, NODE_ONLY, undeclaredPermissions, unusedPermissions, withoutComments } from './permission-uses.ts';

const manifest = readManifest();
const declared = apiPermissions(manifest);
const source = extensionSource(new URL('src/', repositoryRoot));

describe('the source read', () => {
  it("is the extension's code, without the Node tools", () => {
    const paths = source.map((file) => file.path);
    expect(paths).toEqual(expect.arrayContaining(['background/index.ts', 'content/index.ts', 'platform/settings-store.ts', 'protocol.ts']));
    expect(paths.filter((path) => NODE_ONLY.some((folder) => path.startsWith(`${folder}/`)))).toEqual([]);
  });

  it('has its comments removed, so that a permission named in one is not a use', () => {
    const code = withoutComments('/* storage.local\n holds */ const a = 1; // alarms.create\nbrowser.tabs.query({});');
    expect(code).toBe(' const a = 1; \nbrowser.tabs.query({});');
    expect(unusedPermissions(['storage', 'alarms'], [{ path: 'x.ts', code }])).toEqual(['storage', 'alarms']);
  });
});

describe('permissions', () => {
  it('asks for at least the permission the settings need (the check below is not vacuous)', () => {
    expect(declared).toContain('storage');
  });

  it('uses every permission manifest.json asks for', () => {
    expect(unusedPermissions(declared, source)).toEqual([]);
  });

  it('would fail on a permission the source does not use, such as alarms', () => {
    expect(unusedPermissions([...declared, 'alarms'], source)).toEqual(['alarms']);
  });

  it('would fail on a permission whose use it cannot tell', () => {
    expect(unusedPermissions([...declared, 'geolocation'], source)).toEqual(['geolocation']);
  });

  it('declares every permission whose API the source calls', () => {
    expect(undeclaredPermissions(declared, source)).toEqual([]);
  });

  it('would fail if storage were dropped from the manifest while the settings use it', () => {
    expect(undeclaredPermissions(declared.filter((p) => p !== 'storage'), source)).toEqual(['storage']);
  });
});

describe('host access', () => {
  it('requests no page and scripts into none, so host permissions would grant nothing used', () => {
    expect(hostAccessUses(source)).toEqual([]);
    expect(hostPermissions(manifest)).toEqual([]);
  });

  it('would notice a request to a site', () => {
    expect(hostAccessUses([{ path: 'x.ts', code: "await fetch('https://example.org/')" }])).toEqual(['x.ts']);
  });
});

describe('what the manifest does not open', () => {
  // SECURITY.md relies on these being absent: no page or other extension can load the extension's
  // files or message it, and no fixed key ties the store's id to a key pair kept here.
  it.each(['web_accessible_resources', 'externally_connectable', 'key', 'host_permissions', 'optional_host_permissions'])('has no %s', (key) => {
    expect(manifest).not.toHaveProperty(key);
  });
});
