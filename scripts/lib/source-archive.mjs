// @ts-check
/**
 * The source archive addons.mozilla.org asks for with minified code: what its reviewers need to
 * rebuild the add-on (SOURCE-BUILD.md says how), nothing else. The files are those git knows,
 * kept by an allow-list, so that nothing generated (node_modules, dist) or private slips in.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { zipFiles } from './zip.mjs';

/** The build's inputs: a file by its path, or a folder by its path and a trailing "/". */
export const SOURCE_ALLOW_LIST = [
  'SOURCE-BUILD.md',
  'LICENSE',
  'package.json',
  'package-lock.json', // pins every dependency, esbuild included: the same bundle byte for byte
  'tsconfig.json', // esbuild reads its module settings (verbatimModuleSyntax decides which imports stay)
  'manifest.json',
  'src/',
  'scripts/build.mjs',
  'scripts/manifest.mjs',
  'icons/',
  '_locales/',
];

/**
 * Whether a path (relative, "/"-separated, as git lists it) belongs in the source archive.
 * @param {string} path
 */
export function isSourceFile(path) {
  return SOURCE_ALLOW_LIST.some((allowed) => (allowed.endsWith('/') ? path.startsWith(allowed) : path === allowed));
}

/**
 * The files of the source archive: those git tracks, and new ones it does not ignore (the build
 * would use them too), as they are in the working tree; a tracked file deleted there is left out.
 * @param {string} root  the repository's top folder
 * @returns {string[]} sorted
 */
export function sourceFiles(root) {
  const listed = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: root, encoding: 'utf8' });
  const paths = new Set(listed.split('\0').filter((path) => path && isSourceFile(path)));
  return [...paths].filter((path) => existsSync(join(root, path))).sort();
}

/**
 * The source archive's zip.
 * @param {string} root
 * @returns {Promise<Buffer>}
 */
export async function sourceArchive(root) {
  const files = sourceFiles(root);
  if (!files.includes('SOURCE-BUILD.md')) throw new Error('SOURCE-BUILD.md is missing: the reviewers need its instructions');
  return zipFiles(await Promise.all(files.map(async (name) => ({ name, data: await readFile(join(root, name)) }))));
}
