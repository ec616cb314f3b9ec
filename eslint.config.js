// @ts-check
// Lint rules, and the import boundaries between the extension's parts (README, "Lint").
import js from '@eslint/js';
import { defineConfig, globalIgnores } from 'eslint/config';
import { createNodeResolver, importX } from 'eslint-plugin-import-x';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** The extension's own code: what ships. The Node tools (src/cli, src/eval, src/bench) are not in it. */
const EXTENSION = ['core', 'platform', 'history', 'background', 'content', 'popup', 'options'];
const PAGES = ['./src/popup', './src/options'];
const ROOT_FILES = './src/*.ts';
const NODE_TOOLS = ['./src/cli', './src/eval', './src/bench'];
/** Every part of src but the history engine, which holds the stored form. */
const STORED_FORM_OUTSIDE = ['core', 'platform', 'background', 'content', 'popup', 'options', 'cli', 'eval', 'bench'].map((dir) => `./src/${dir}`);
/** Where stored values are read and written: the articles module, and the migration steps that rewrite them. */
const STORED_VALUES = ['src/history/articles.ts', 'src/history/migrations/**'];

const UNUSED = { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_' };

const POLYFILL = {
  name: 'webextension-polyfill',
  message: 'Import src/platform/browser.ts (or an adapter beside it) instead.',
  allowTypeImports: true,
};

/** @type {import('eslint').Linter.RuleEntry} */
const boundaries = [
  'error',
  {
    zones: [
      {
        target: './src/core',
        from: './src',
        except: ['./core'],
        message: 'src/core is pure: it imports only src/core (and packages), never the browser or the rest of src.',
      },
      { target: './src/core', from: ['./test', './scripts'], message: 'src/core imports only src/core.' },
      {
        target: ['./src/content', ...PAGES],
        from: './src/background',
        message: 'Content scripts and extension pages reach the background only through messages: types from src/protocol.ts, send from src/platform/send.ts.',
      },
      {
        target: './src/background',
        from: ['./src/content', ...PAGES],
        message: 'The background never imports the content script or the pages: they run elsewhere.',
      },
      {
        target: './src/background',
        from: ['./src/platform/send.ts', './src/platform/sender.ts', './src/platform/lean.ts'],
        message: 'The background answers messages (router.ts); it never sends them.',
      },
      { target: './src/content', from: PAGES, message: 'The content script never imports the pages.' },
      { target: PAGES, from: './src/content', message: 'The pages never import the content script.' },
      { target: './src/popup', from: './src/options', message: 'One page never imports another.' },
      { target: './src/options', from: './src/popup', message: 'One page never imports another.' },
      {
        target: ['./src/content', ...PAGES],
        from: './src/history',
        message: 'Content scripts and extension pages reach the history only through messages to the background.',
      },
      {
        target: './src/history',
        from: ['./src/background', './src/platform', './src/content', ...PAGES],
        message: 'src/history is the engine the worker and the Node tools share: it imports no worker, browser adapter or page.',
      },
      {
        target: [...STORED_FORM_OUTSIDE, ROOT_FILES, './src/history/!(codec|schema|stored).ts'],
        from: './src/history/stored.ts',
        message: 'Only src/history/codec.ts (with schema.ts and the migration steps) knows the stored form: work with ArticleRecord.',
      },
      {
        target: [...EXTENSION.map((dir) => `./src/${dir}`), ROOT_FILES],
        from: NODE_TOOLS,
        message: 'The extension never imports the Node tools (src/cli, src/eval, src/bench).',
      },
    ],
  },
];

export default defineConfig(
  globalIgnores(['dist/', 'dist-*/', 'out/', '.vitest-cache/']),
  {
    linterOptions: { reportUnusedDisableDirectives: 'error' },
  },
  js.configs.recommended,
  {
    files: ['**/*.{js,mjs}'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    // The build and browser scripts hand functions to puppeteer's page.evaluate: they run in the page.
    files: ['scripts/**/*.mjs'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
  {
    files: ['**/*.ts'],
    extends: [tseslint.configs.recommendedTypeChecked],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      // `el as HTMLInputElement` and `querySelector<T>()` say the same; not worth edits across many files.
      '@typescript-eslint/no-unnecessary-type-assertion': 'off',
    },
  },
  {
    rules: {
      // Text code matches control characters on purpose (normalising, separators inside keys).
      'no-control-regex': 'off',
    },
  },
  {
    // A leading underscore marks a value left unused on purpose (a destructured field dropped, an
    // argument an interface requires).
    files: ['**/*.ts'],
    rules: { '@typescript-eslint/no-unused-vars': ['error', UNUSED] },
  },
  {
    files: ['**/*.{js,mjs}'],
    rules: { 'no-unused-vars': ['error', UNUSED] },
  },
  {
    files: ['test/**/*.ts'],
    rules: {
      // Tests read JSON, fake async interfaces with plain bodies and reach into page globals in
      // page.evaluate; their assertions check these values anyway.
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-enum-comparison': 'off',
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/require-await': 'off',
      // IndexedDB requests reject with their DOMException (or null), as the browser gives it.
      '@typescript-eslint/prefer-promise-reject-errors': 'off',
      // linkedom's documents stringify to their HTML.
      '@typescript-eslint/no-base-to-string': 'off',
    },
  },
  {
    // The harness is shared code, typed as the product is: the tests' exemptions end at it.
    files: ['test/harness/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'error',
      '@typescript-eslint/no-unsafe-member-access': 'error',
      '@typescript-eslint/no-unsafe-call': 'error',
      '@typescript-eslint/no-unsafe-return': 'error',
      '@typescript-eslint/no-unsafe-argument': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
    },
  },
  {
    // The hostile-page tests try eval and string timers on purpose: the page's CSP must stop them.
    files: ['test/e2e/hostile/**'],
    rules: { '@typescript-eslint/no-implied-eval': 'off' },
  },
  {
    files: ['**/*.{ts,js,mjs}'],
    plugins: { 'import-x': importX },
    settings: {
      // Without these, import-x treats .ts files as unparsable and no-cycle never follows them.
      'import-x/extensions': ['.ts', '.js', '.mjs'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts'] },
      'import-x/resolver-next': [createNodeResolver()],
    },
    rules: {
      'import-x/no-restricted-paths': boundaries,
      'import-x/no-cycle': 'error',
      // An import the resolver cannot follow (no extension, a folder) would slip past the boundaries.
      'import-x/no-unresolved': ['error', { ignore: ['\\?inline$'] }],
    },
  },
  {
    // Only the wrapper loads the polyfill; types are erased, so `import type` is fine anywhere.
    files: ['**/*.{ts,js,mjs}'],
    ignores: ['src/platform/browser.ts'],
    plugins: { '@typescript-eslint': tseslint.plugin },
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [POLYFILL],
        },
      ],
    },
  },
  {
    // The protocol is types only: whatever imports it loads nothing at run time.
    files: ['src/protocol.ts'],
    plugins: { '@typescript-eslint': tseslint.plugin },
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '.*',
              message: 'src/protocol.ts is types only: `import type`, never a value.',
              allowTypeImports: true,
            },
          ],
        },
      ],
    },
  },
  {
    // The articles store holds the stored form: only articles.ts (and the migration steps) read or
    // write it, through the codec; everything else asks articles.ts for ArticleRecord.
    files: ['src/**/*.ts'],
    ignores: STORED_VALUES,
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.property.name=/^(objectStore|get|getAll|getAllFromIndex|getFromIndex|put|add|delete|count|openCursor)$/][arguments.0.value='articles']",
          message: 'Only src/history/articles.ts reads and writes the articles store (its values are the stored form): call it.',
        },
      ],
    },
  },
  {
    // The codec's conversions are the articles module's (and the migrations'); the byte model encodes to measure.
    files: ['src/**/*.ts'],
    ignores: [...STORED_VALUES, 'src/history/codec.ts', 'src/bench/bytes.ts', 'src/platform/browser.ts', 'src/protocol.ts'],
    plugins: { '@typescript-eslint': tseslint.plugin },
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        { paths: [POLYFILL], patterns: [{ group: ['**/codec.ts'], importNames: ['encode', 'decode', 'decodeAll'], message: 'Only src/history/articles.ts turns stored values into records and back: ask it for ArticleRecord.' }] },
      ],
    },
  },
  {
    // One client sends messages; everything else in the extension calls its send().
    files: ['src/**/*.ts'],
    ignores: ['src/platform/sender.ts'],
    rules: {
      'no-restricted-properties': [
        'error',
        { property: 'sendMessage', message: 'Only src/platform/sender.ts sends messages: import send from send.ts (from lean.ts in marks.js).' },
      ],
    },
  },
  {
    // src/core runs in Node as it is (CLI, eval, bench): no extension or page globals.
    files: ['src/core/**'],
    rules: {
      'no-restricted-globals': [
        'error',
        ...['chrome', 'browser', 'window', 'document', 'navigator', 'indexedDB', 'localStorage'].map((name) => ({
          name,
          message: 'src/core is pure: pass what it needs in from platform/ or the caller.',
        })),
      ],
    },
  },
);
