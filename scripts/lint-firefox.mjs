// @ts-check
// Lints the built extension, offline: addons-linter (through web-ext) on dist/firefox, and a structural
// check of dist/chrome/manifest.json. Exits 1 on any error, warning or notice that comes from our code
// (addons.mozilla.org shows its reviewers all three); only Readability's two known warnings pass.
// Chromium's own checks of dist/chrome run in test/e2e/chrome-manifest.test.ts.
// Usage: node scripts/lint-firefox.mjs [distDir]   (distDir defaults to dist/)
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import webExt from 'web-ext';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = resolve(process.argv[2] ?? join(root, 'dist'));
const firefoxDir = join(dist, 'firefox');
const chromeDir = join(dist, 'chrome');
const readabilityPath = join(root, 'node_modules', '@mozilla', 'readability', 'Readability.js');

/** @typedef {import('web-ext').LintMessage} LintMessage */
/** @typedef {{ code: string, file: string, what: string, pattern: RegExp }} Allowance */

/**
 * Warnings allowed because they flag Readability's own code, bundled into content.js (Readability itself
 * silences both lines with `eslint-disable-next-line no-unsanitized/property`). A warning is allowed only
 * if its code and file match and the pattern matches the bundled code at the flagged position (minified
 * names are wildcards); an allowance whose pattern no longer occurs in Readability.js is dropped.
 * Each allowance excuses one warning.
 * @type {Allowance[]}
 */
const READABILITY_WARNINGS = [
  {
    code: 'UNSAFE_VAR_ASSIGNMENT',
    file: 'content.js',
    what: 'Readability#_grabArticle restores the page from its own cache (page.innerHTML = pageCacheHtml)',
    pattern: /[\w$]+\.innerHTML\s*=\s*[\w$]+\s*[;,]\s*this\._attempts\.push\(/y,
  },
  {
    code: 'UNSAFE_VAR_ASSIGNMENT',
    file: 'content.js',
    what: 'Readability#_unwrapNoscriptImages parses a <noscript> into a detached div (tmp.innerHTML = noscript.innerHTML)',
    pattern: /[\w$]+\.innerHTML\s*=\s*([\w$]+)\.innerHTML;(?:\s|\/\/[^\n]*)*var\s+[\w$]+\s*=\s*\1\.previousElementSibling/y,
  },
];

/** Runs addons-linter without printing; web-ext's lint makes no network request. */
async function lintFirefox() {
  // Not `selfHosted`: the zips go to addons.mozilla.org, so its rules apply.
  return webExt.cmd.lint({ sourceDir: firefoxDir, output: 'none' }, { shouldExitProgram: false });
}

/** The allowances whose code really is in the installed Readability. */
function currentAllowances() {
  const readability = readFileSync(readabilityPath, 'utf8');
  return READABILITY_WARNINGS.filter((allowance) => {
    const found = new RegExp(allowance.pattern.source).test(readability);
    if (!found) console.log(`note: no longer in Readability.js, not allowed any more: ${allowance.what}`);
    return found;
  });
}

/**
 * Whether the warning flags the code the allowance describes.
 * @param {LintMessage} warning
 * @param {Allowance} allowance
 */
function flagsAllowedCode(warning, allowance) {
  const { code, file, line: lineNumber, column } = warning;
  if (code !== allowance.code || file !== allowance.file) return false;
  if (typeof lineNumber !== 'number' || typeof column !== 'number') return false;
  const line = readFileSync(join(firefoxDir, file), 'utf8').split('\n')[lineNumber - 1] ?? '';
  allowance.pattern.lastIndex = column - 1; // addons-linter reports ESLint's 1-based columns
  return allowance.pattern.test(line);
}

/** @param {LintMessage} message */
function where(message) {
  return [message.file, message.line, message.column].filter((part) => part !== undefined).join(':');
}

/**
 * Prints every message; returns how many of them fail the lint.
 * @param {import('web-ext').LintResult} result
 */
function report(result) {
  const { errors, warnings, notices } = result.summary;
  console.log(`web-ext lint ${relative(root, firefoxDir)}: ${errors} errors, ${warnings} warnings, ${notices} notices`);
  const unused = currentAllowances();
  let failures = 0;
  for (const message of [...result.errors, ...result.warnings, ...result.notices]) {
    const type = message._type;
    console.log(`  ${type} ${message.code} ${where(message)}: ${message.message}`);
    const allowance = type === 'warning' && unused.find((a) => flagsAllowedCode(message, a));
    if (allowance) {
      unused.splice(unused.indexOf(allowance), 1);
      console.log(`    allowed, Readability's own code: ${allowance.what}`);
    } else {
      failures += 1;
      console.log(`    FROM OUR BUILD: ${message.description}`);
    }
  }
  for (const allowance of unused) console.log(`note: allowance not needed this time: ${allowance.what}`);
  return failures;
}

/** The few keys the per-browser derivation is responsible for (Chromium's load, in the e2e tests, checks the rest). */
function chromeManifestProblems() {
  const manifest = JSON.parse(readFileSync(join(chromeDir, 'manifest.json'), 'utf8'));
  const problems = [];
  if (manifest.manifest_version !== 3) problems.push(`manifest_version is ${manifest.manifest_version}, not 3`);
  const worker = manifest.background?.service_worker;
  if (typeof worker !== 'string') problems.push('background.service_worker is missing');
  else if (!existsSync(join(chromeDir, worker))) problems.push(`background.service_worker ${worker} does not exist`);
  if (manifest.background?.scripts) problems.push('background.scripts is set (Firefox only)');
  if ('browser_specific_settings' in manifest) problems.push('browser_specific_settings is present (Firefox only)');
  return problems;
}

for (const dir of [firefoxDir, chromeDir]) {
  if (!existsSync(join(dir, 'manifest.json'))) {
    console.error(`${relative(root, dir)}/manifest.json is missing: run npm run build first`);
    process.exit(1);
  }
}
const failures = report(await lintFirefox());
const chromeProblems = chromeManifestProblems();
console.log(`${relative(root, chromeDir)}/manifest.json: ${chromeProblems.length ? chromeProblems.join('; ') : 'ok'}`);
if (failures + chromeProblems.length > 0) {
  console.log(`FAIL: ${failures} linter finding(s) from our build, ${chromeProblems.length} Chrome manifest problem(s)`);
  process.exitCode = 1;
} else {
  console.log('OK');
}
