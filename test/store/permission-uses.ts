/**
 * How the source shows that it uses a permission: the API each one grants, as it is written in
 * code. A permission missing from this table cannot be shown to be used, so it fails the check
 * until its use is described here.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface PermissionUse {
  /** Code that needs the permission. */
  use: RegExp;
  /** True when the whole API needs the permission: code using it must then declare it. */
  wholeApi: boolean;
}

export const PERMISSION_USES: Readonly<Record<string, PermissionUse>> = {
  storage: { use: /\bstorage\.(local|session|sync|managed|onChanged)\b/, wholeApi: true },
  alarms: { use: /\balarms\.\w+/, wholeApi: true },
  // "tabs" only unlocks a tab's address, title and icon; the rest of tabs.* needs no permission.
  tabs: { use: /\w*tab\??\.(url|pendingUrl|title|favIconUrl)\b/i, wholeApi: false },
  // activeTab grants access to the current tab after a click: to script it or capture it.
  activeTab: { use: /\b(scripting\.(executeScript|insertCSS)|tabs\.(captureVisibleTab|executeScript))\b/, wholeApi: false },
  scripting: { use: /\bscripting\.\w+/, wholeApi: true },
  contextMenus: { use: /\b(contextMenus|menus)\.\w+/, wholeApi: true },
  notifications: { use: /\bnotifications\.\w+/, wholeApi: true },
  history: { use: /\bhistory\.(search|getVisits|addUrl|deleteUrl|deleteRange|deleteAll|onVisited|onVisitRemoved)\b/, wholeApi: true },
  bookmarks: { use: /\bbookmarks\.\w+/, wholeApi: true },
  cookies: { use: /\bcookies\.(get|getAll|set|remove|getAllCookieStores|onChanged)\b/, wholeApi: true },
  downloads: { use: /\bdownloads\.\w+/, wholeApi: true },
  webNavigation: { use: /\bwebNavigation\.\w+/, wholeApi: true },
  webRequest: { use: /\bwebRequest\.\w+/, wholeApi: true },
  declarativeNetRequest: { use: /\bdeclarativeNetRequest\.\w+/, wholeApi: true },
  offscreen: { use: /\boffscreen\.\w+/, wholeApi: true },
  sidePanel: { use: /\bsidePanel\.\w+/, wholeApi: true },
  idle: { use: /\bidle\.(queryState|setDetectionInterval|onStateChanged)\b/, wholeApi: true },
};

/** Host permissions let the extension request any page of those sites, or script into them. */
export const HOST_ACCESS_USE = /\b(fetch|XMLHttpRequest|WebSocket|EventSource|sendBeacon)\b|\bscripting\.\w+/;

/** Folders of src/ that only Node runs (command line, evaluation, benchmark): not in the extension. */
export const NODE_ONLY = ['cli', 'eval', 'bench'];

export interface SourceFile {
  path: string;
  code: string;
}

/**
 * Code without its comments: a permission named in a comment is not a use. A `//` inside a string
 * cuts its line short, which can only hide a use, never invent one.
 */
export function withoutComments(code: string): string {
  return code.replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/[^\n]*/g, '');
}

/** The extension's source files under `srcUrl`, without their comments. */
export function extensionSource(srcUrl: URL): SourceFile[] {
  const src = fileURLToPath(srcUrl);
  const files: SourceFile[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (!(dir === src && NODE_ONLY.includes(entry.name))) walk(path);
      } else if (/\.(ts|mjs|js)$/.test(entry.name)) {
        files.push({ path: relative(src, path), code: withoutComments(readFileSync(path, 'utf8')) });
      }
    }
  };
  walk(src);
  return files;
}

/** Declared permissions the source does not use, or whose use this table does not know. */
export function unusedPermissions(permissions: readonly string[], source: readonly SourceFile[]): string[] {
  return permissions.filter((permission) => {
    const known = PERMISSION_USES[permission];
    return known === undefined || !source.some((file) => known.use.test(file.code));
  });
}

/** Permissions whose API the source uses without declaring them (the browser would leave it undefined). */
export function undeclaredPermissions(permissions: readonly string[], source: readonly SourceFile[]): string[] {
  return Object.entries(PERMISSION_USES)
    .filter(([permission, { use, wholeApi }]) => wholeApi && !permissions.includes(permission) && source.some((file) => use.test(file.code)))
    .map(([permission]) => permission);
}

/** Files that request pages or script into them: the only reasons to hold host permissions. */
export function hostAccessUses(source: readonly SourceFile[]): string[] {
  return source.filter((file) => HOST_ACCESS_USE.test(file.code)).map((file) => file.path);
}
