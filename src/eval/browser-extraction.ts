/**
 * The content script's extraction as Chromium runs it, on every corpus page, to check that the
 * command line (parse5 + linkedom, src/cli/parse-html.ts) extracts what the browser extracts.
 *
 * Each page is served from this machine and opened in a headless Chromium tab, with its own
 * scripts running as the reader's browser runs them (requests to anything but the local server
 * are refused: nothing leaves the machine), or with scripts off, which leaves the parser alone to
 * compare; then dist/eval-page.js, the content script's extractArticle bundled as the build
 * bundles it, runs in an isolated world as a content script does, on the live document. A page
 * that hangs the tab (a script in a loop) costs a new tab, not the run.
 */
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import puppeteer, { type Browser, type CDPSession, type Page } from 'puppeteer-core';
import { chromiumPath } from './executables.ts';

/** What the browser extracted from one page: its article text, or why there is none. */
export type BrowserExtraction = { article: true; text: string } | { article: false; reason: string };

export interface ServedPage {
  id: string;
  /** The page's original URL, given to the extraction as the content script gets location.href. */
  url: string;
  /** Its saved HTML file. */
  source: string;
}

/** A page that has not fired `load` by then is read as it stands (the content script runs at idle). */
const LOAD_TIMEOUT_MS = 10_000;
/** A tab that does not answer by then is hung: the page is counted as failed and a new tab opened. */
const PROTOCOL_TIMEOUT_MS = 20_000;

export async function extractInChromium(
  pages: readonly ServedPage[], script: string, options: { scripts: boolean; log: (line: string) => void },
): Promise<Map<string, BrowserExtraction>> {
  const byId = new Map(pages.map((p) => [p.id, p]));
  const server = await serve(byId);
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const browser = await launch();
  const out = new Map<string, BrowserExtraction>();
  try {
    let tab = await openTab(browser, origin, options.scripts);
    for (const [index, p] of pages.entries()) {
      const found = await extractOne(tab, `${origin}/${encodeURIComponent(p.id)}`, p.url, script);
      out.set(p.id, found);
      if (!found.article && found.reason.startsWith('browser:')) {
        await tab.page.close().catch(() => undefined);
        tab = await openTab(browser, origin, options.scripts);
      }
      if ((index + 1) % 100 === 0) options.log(`browser extraction: ${index + 1}/${pages.length}`);
    }
  } finally {
    await browser.close();
    server.close();
  }
  return out;
}

interface Tab {
  page: Page;
  session: CDPSession;
}

async function openTab(browser: Browser, origin: string, scripts: boolean): Promise<Tab> {
  const page = await browser.newPage();
  await page.setJavaScriptEnabled(scripts);
  await page.setRequestInterception(true);
  page.on('request', (request) => void (request.url().startsWith(`${origin}/`) ? request.continue() : request.abort()));
  return { page, session: await page.createCDPSession() };
}

async function extractOne({ page, session }: Tab, served: string, url: string, script: string): Promise<BrowserExtraction> {
  try {
    await page.goto(served, { waitUntil: 'load', timeout: LOAD_TIMEOUT_MS }).catch((error: unknown) => {
      if (!(error instanceof Error && error.name === 'TimeoutError')) throw error;
    });
    const { frameTree } = await session.send('Page.getFrameTree');
    const { executionContextId } = await session.send('Page.createIsolatedWorld', { frameId: frameTree.frame.id, worldName: 'deja-lu-eval' });
    const { result, exceptionDetails } = await session.send('Runtime.evaluate', {
      expression: `${script};globalThis.dejaLuExtract(${JSON.stringify(url)})`,
      contextId: executionContextId,
      returnByValue: true,
    });
    if (exceptionDetails) return { article: false, reason: `threw: ${exceptionDetails.exception?.description ?? exceptionDetails.text}` };
    return result.value as BrowserExtraction;
  } catch (error) {
    return { article: false, reason: `browser: ${error instanceof Error ? error.message : String(error)}` };
  }
}

/** The pages as UTF-8, as the command line reads them, each at /<id>. */
function serve(pages: ReadonlyMap<string, ServedPage>): Promise<Server> {
  const server = createServer((request, response) => {
    const page = pages.get(decodeURIComponent((request.url ?? '/').slice(1)));
    if (!page) return void response.writeHead(404).end();
    readFile(page.source).then(
      (html) => response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html),
      () => response.writeHead(404).end(),
    );
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve(server));
  });
}

function launch(): Promise<Browser> {
  const executablePath = chromiumPath();
  return puppeteer.launch({
    browser: 'chrome', executablePath, headless: true, pipe: true, protocolTimeout: PROTOCOL_TIMEOUT_MS,
    args: ['--disable-component-update', '--disable-quic', ...(process.getuid?.() === 0 ? ['--no-sandbox'] : [])],
  });
}
