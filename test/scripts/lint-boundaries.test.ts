// The import boundaries of eslint.config.js (README, "Lint"): each rule reports a snippet that breaks
// it, placed at a path in its zone. Only the boundary rules run, without type information, so this
// takes seconds; `npm run lint` runs every rule with types.
import { mkdtemp, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { afterAll, describe, expect, it } from 'vitest';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const configFile = join(root, 'eslint.config.js');
const BOUNDARY_RULES = new Set([
  'import-x/no-restricted-paths', 'import-x/no-cycle', 'import-x/no-unresolved', '@typescript-eslint/no-restricted-imports', 'no-restricted-globals', 'no-restricted-properties', 'no-restricted-syntax',
]);

const boundaryLinter = (cwd: string) => new ESLint({
  cwd,
  overrideConfigFile: configFile,
  ruleFilter: ({ ruleId }) => BOUNDARY_RULES.has(ruleId),
  overrideConfig: { languageOptions: { parserOptions: { projectService: false } } },
});
const eslint = boundaryLinter(root);

/** The rule ids reported for `code` as if it were the file at `filePath` (relative to the root). */
async function rulesFor(filePath: string, code: string): Promise<(string | null)[]> {
  const [result] = await eslint.lintText(code, { filePath: join(root, filePath) });
  return result!.messages.map((message) => message.ruleId);
}

// Generous time limits: ESLint's first run and the whole tree take long on a loaded machine.
describe('import boundaries', { timeout: 120_000 }, () => {
  it('src/core imports only src/core', async () => {
    expect(await rulesFor('src/core/x.ts', "import browser from '../platform/browser.ts';\nexport const b = browser;\n")).toEqual(['import-x/no-restricted-paths']);
    expect(await rulesFor('src/core/x.ts', "import { DEFAULT_SETTINGS } from '../settings.ts';\nexport const s = DEFAULT_SETTINGS;\n")).toEqual(['import-x/no-restricted-paths']);
    expect(await rulesFor('src/core/x.ts', "import { hashString } from './hash.ts';\nimport { getDomain } from 'tldts';\nexport const h = [hashString, getDomain];\n")).toEqual([]);
  });

  it('src/core uses no browser API', async () => {
    expect(await rulesFor('src/core/x.ts', 'export const id = chrome.runtime.id;\n')).toEqual(['no-restricted-globals']);
    expect(await rulesFor('src/core/x.ts', 'export const title = document.title;\n')).toEqual(['no-restricted-globals']);
  });

  it('the content script and the pages never import the background', async () => {
    for (const dir of ['content', 'popup', 'options']) {
      expect(await rulesFor(`src/${dir}/x.ts`, "import { MAX_PAGE } from '../background/handlers.ts';\nexport const m = MAX_PAGE;\n")).toEqual(['import-x/no-restricted-paths']);
    }
    // A type is an import too: the protocol's types live in src/protocol.ts.
    expect(await rulesFor('src/popup/x.ts', "import type { Deps } from '../background/handlers.ts';\nexport type D = Deps;\n")).toEqual(['import-x/no-restricted-paths']);
  });

  it('the content script and the pages never import the history engine', async () => {
    for (const dir of ['content', 'popup', 'options']) {
      expect(await rulesFor(`src/${dir}/x.ts`, "import { storiesPage } from '../history/stories.ts';\nexport const s = storiesPage;\n")).toEqual(['import-x/no-restricted-paths']);
    }
    expect(await rulesFor('src/background/x.ts', "import { storiesPage } from '../history/stories.ts';\nexport const s = storiesPage;\n")).toEqual([]);
  });

  it('an import the resolver cannot follow (no extension, a folder) is reported, so that no boundary is slipped past', async () => {
    expect(await rulesFor('src/popup/x.ts', "import { storiesPage } from '../history/stories';\nexport const s = storiesPage;\n")).toEqual(['import-x/no-unresolved']);
    expect(await rulesFor('src/popup/x.ts', "import * as history from '../history';\nexport const h = history;\n")).toEqual(['import-x/no-unresolved']);
    expect(await rulesFor('src/content/x.ts', "import NOTICE_CSS from './notice.css?inline';\nexport const c = NOTICE_CSS;\n")).toEqual([]);
  });

  it('the history engine imports no worker, browser adapter or page', async () => {
    for (const path of ['../background/handlers.ts', '../platform/badge.ts', '../content/extract.ts', '../popup/dom.ts', '../options/options.ts']) {
      expect(await rulesFor('src/history/x.ts', `import '${path}';\n`)).toEqual(['import-x/no-restricted-paths']);
    }
    expect(await rulesFor('src/history/x.ts', "import { siteOf } from '../core/index.ts';\nimport type { PageReport } from '../protocol.ts';\nexport const s = siteOf;\nexport type P = PageReport;\n")).toEqual([]);
  });

  it('only the codec, the schema and the migration steps import the stored form', async () => {
    const stored = (path: string) => `import type { StoredArticle } from '${path}';\nexport type S = StoredArticle;\n`;
    expect(await rulesFor('src/history/articles.ts', stored('./stored.ts'))).toEqual(['import-x/no-restricted-paths']);
    expect(await rulesFor('src/history/x.ts', stored('./stored.ts'))).toEqual(['import-x/no-restricted-paths']);
    expect(await rulesFor('src/background/x.ts', stored('../history/stored.ts'))).toEqual(['import-x/no-restricted-paths']);
    expect(await rulesFor('src/bench/x.ts', stored('../history/stored.ts'))).toEqual(['import-x/no-restricted-paths']);
    expect(await rulesFor('src/history/codec.ts', stored('./stored.ts'))).toEqual([]);
    expect(await rulesFor('src/history/schema.ts', stored('./stored.ts'))).toEqual([]);
    expect(await rulesFor('src/history/migrations/v9.ts', stored('../stored.ts'))).toEqual([]);
  });

  it('only src/history/articles.ts (and the migrations) reads the articles store and decodes its values', async () => {
    const read = "export const r = (tx: any) => tx.objectStore('articles').get(1);\n";
    expect(await rulesFor('src/history/lookup.ts', read)).toEqual(['no-restricted-syntax']);
    expect(await rulesFor('src/background/x.ts', "export const r = (db: any) => db.getAll('articles');\n")).toEqual(['no-restricted-syntax']);
    expect(await rulesFor('src/history/articles.ts', read)).toEqual([]);
    expect(await rulesFor('src/history/migrations/v9.ts', read)).toEqual([]);
    const decoding = "import { decode } from './codec.ts';\nexport const d = decode;\n";
    expect(await rulesFor('src/history/stories.ts', decoding)).toEqual(['@typescript-eslint/no-restricted-imports']);
    expect(await rulesFor('src/background/x.ts', "import { encode } from '../history/codec.ts';\nexport const e = encode;\n")).toEqual(['@typescript-eslint/no-restricted-imports']);
    expect(await rulesFor('src/history/articles.ts', decoding)).toEqual([]);
    expect(await rulesFor('src/history/stories.ts', "import { pageHashOf } from './codec.ts';\nexport const p = pageHashOf;\n")).toEqual([]);
    // The rule that carries this also keeps webextension-polyfill out, there as everywhere.
    expect(await rulesFor('src/history/x.ts', "import browser from 'webextension-polyfill';\nexport const b = browser;\n")).toEqual(['@typescript-eslint/no-restricted-imports']);
  });

  it('the background never imports the content script or the pages', async () => {
    for (const path of ['../content/extract.ts', '../popup/dom.ts', '../options/options.ts']) {
      expect(await rulesFor('src/background/x.ts', `import '${path}';\n`)).toEqual(['import-x/no-restricted-paths']);
    }
  });

  it('the extension never imports the Node tools, which may import anything of it', async () => {
    expect(await rulesFor('src/content/x.ts', "import '../cli/parse-html.ts';\n")).toEqual(['import-x/no-restricted-paths']);
    expect(await rulesFor('src/cli/x.ts', "import '../background/handlers.ts';\nimport '../content/extract.ts';\n")).toEqual([]);
  });

  it('only src/platform/browser.ts loads webextension-polyfill; its types may be imported anywhere', async () => {
    const load = "import browser from 'webextension-polyfill';\nexport const b = browser;\n";
    expect(await rulesFor('src/content/x.ts', load)).toEqual(['@typescript-eslint/no-restricted-imports']);
    expect(await rulesFor('src/platform/x.ts', load)).toEqual(['@typescript-eslint/no-restricted-imports']);
    expect(await rulesFor('src/platform/browser.ts', load)).toEqual([]);
    expect(await rulesFor('src/platform/x.ts', "import type { Runtime } from 'webextension-polyfill';\nexport type R = Runtime.MessageSender;\n")).toEqual([]);
  });

  it('src/protocol.ts imports types only, so importing it loads nothing', async () => {
    expect(await rulesFor('src/protocol.ts', "import type { HistoryFile } from './history-file.ts';\nexport type H = HistoryFile;\n")).toEqual([]);
    expect(await rulesFor('src/protocol.ts', "import { FILE_FORMAT } from './history-file.ts';\nexport const f = FILE_FORMAT;\n")).toEqual(['@typescript-eslint/no-restricted-imports']);
    expect(await rulesFor('src/protocol.ts', "import browser from 'webextension-polyfill';\nexport const b = browser;\n")).toEqual(['@typescript-eslint/no-restricted-imports']);
  });

  it('only src/platform/sender.ts sends messages; the background never imports it, nor send.ts or lean.ts', async () => {
    const sending = "import browser from './browser.ts';\nexport const s = () => browser.runtime.sendMessage({});\n";
    expect(await rulesFor('src/platform/sender.ts', sending)).toEqual([]);
    expect(await rulesFor('src/platform/send.ts', sending)).toEqual(['no-restricted-properties']);
    expect(await rulesFor('src/platform/x.ts', sending)).toEqual(['no-restricted-properties']);
    expect(await rulesFor('src/popup/x.ts', 'export const s = () => chrome.runtime.sendMessage({});\n')).toEqual(['no-restricted-properties']);
    expect(await rulesFor('src/popup/x.ts', "import { send } from '../platform/send.ts';\nexport const s = send;\n")).toEqual([]);
    expect(await rulesFor('src/background/x.ts', "import { send } from '../platform/send.ts';\nexport const s = send;\n")).toEqual(['import-x/no-restricted-paths']);
    expect(await rulesFor('src/background/x.ts', "import { send } from '../platform/lean.ts';\nexport const s = send;\n")).toEqual(['import-x/no-restricted-paths']);
    expect(await rulesFor('src/background/x.ts', "import { sender } from '../platform/sender.ts';\nexport const s = sender;\n")).toEqual(['import-x/no-restricted-paths']);
  });

  it('the validation beside the router imports no more than types, or it makes a cycle', async () => {
    expect(await rulesFor('src/background/validate.ts', "import type { Envelope } from '../protocol.ts';\nexport type E = Envelope;\n")).toEqual([]);
    expect(await rulesFor('src/background/validate.ts', "import { createRouter } from './router.ts';\nexport const r = createRouter;\n")).toEqual(['import-x/no-cycle']);
  });

  describe('an import cycle in files', () => {
    let dir = '';
    afterAll(async () => {
      if (dir) await rm(dir, { recursive: true, force: true });
    });

    it('is reported in each file of it', async () => {
      dir = await mkdtemp(join(tmpdir(), 'deja-lu-lint-'));
      await mkdir(join(dir, 'src', 'background'), { recursive: true });
      await writeFile(join(dir, 'src', 'background', 'a.ts'), "import { b } from './b.ts';\nexport const a = () => b();\n");
      await writeFile(join(dir, 'src', 'background', 'b.ts'), "import { a } from './a.ts';\nexport const b = () => a;\n");
      const results = await boundaryLinter(dir).lintFiles(['src']);
      expect(results.map((result) => result.messages.map((message) => message.ruleId))).toEqual([['import-x/no-cycle'], ['import-x/no-cycle']]);
    });
  });

  it('holds in the real tree', async () => {
    const results = await eslint.lintFiles(['src', 'test', 'scripts']);
    const problems = results.flatMap((result) => result.messages.map((message) => `${result.filePath}:${message.line} ${message.ruleId}`));
    expect(problems).toEqual([]);
    expect(results.length).toBeGreaterThan(200);
  }, 600_000);
});
