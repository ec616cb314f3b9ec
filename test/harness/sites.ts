/**
 * The local news sites the end-to-end tests and the demo read: one small static server per
 * loopback address, so the browser sees three different sites (the extension counts sites by
 * registrable domain, or by host for IP addresses). Every address in 127.0.0.0/8 is this machine
 * on Linux and needs no privileges; all sites share one port so their URLs differ by host only.
 */
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import { ROOT } from './root.ts';

export interface Site {
  host: string;
  dir: string;
  name: string;
}
export interface PageRef {
  site: number;
  path: string;
}
/**
 * A page made by code instead of read from a file (pages too large to keep in the repository,
 * pages that name the server's own address), or null to serve the site's files.
 */
export type Generate = (site: Site, pathname: string, origin: string) => { type: string; body: string | Buffer } | null;
export interface ServedRequest {
  host: string;
  path: string;
}

export const FIXTURE_ROOT = join(ROOT, 'test/fixtures/sites');

export const SITES: readonly Site[] = Object.freeze([
  { host: '127.0.0.1', dir: 'portmere-courier', name: 'The Portmere Courier' },
  { host: '127.0.0.2', dir: 'northshore-daily', name: 'Northshore Daily' },
  { host: '127.0.0.3', dir: 'coastal-wire', name: 'Coastal Wire' },
]);

/**
 * The pages of the fixture sites: one story published three times (in full on site 0, cut to
 * half and re-headlined on site 1, with a dateline and wire boilerplate on site 2), a second full
 * copy on site 1, and an unrelated article in site 0's template.
 */
export const PAGES: Readonly<Record<'original' | 'abridged' | 'wire' | 'weekend' | 'unrelated', PageRef>> = Object.freeze({
  original: { site: 0, path: '/news/2025/03/04/ferry-terminal-seaweed-laboratory' },
  abridged: { site: 1, path: '/regional/ferry-hall-to-become-kelp-research-centre' },
  wire: { site: 2, path: '/stories/2025-03-04/portmere-seaweed-lab' },
  weekend: { site: 1, path: '/weekend/from-ferries-to-fronds' },
  unrelated: { site: 0, path: '/news/2025/03/05/library-lends-musical-instruments' },
});

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.js': 'text/javascript; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};

export interface RunningSites {
  port: number;
  /** `http://HOST:PORT` of each site, in the order of `sites` */
  origins: string[];
  /** the absolute URL of a page */
  url: (page: PageRef) => string;
  close: () => Promise<void>;
}

export interface SitesOptions {
  sites?: readonly Site[];
  root?: string;
  port?: number;
  generate?: Generate;
  onRequest?: (request: ServedRequest) => void;
}

/**
 * Starts one server per site, all on the same port (a free one unless `port` is given).
 * `generate` makes pages by code; `onRequest` hears every request (a test proving a page did not
 * call home).
 */
export async function startSites({ sites = SITES, root = FIXTURE_ROOT, port = 0, generate, onRequest }: SitesOptions = {}): Promise<RunningSites> {
  // Port 0 lets the first address pick a free port; another process may hold that port on a
  // sibling address, so on a clash start again with a new one.
  for (let attempt = 0; ; attempt++) {
    try {
      return await listenAll(sites, root, port, { generate, onRequest });
    } catch (error) {
      if (port !== 0 || attempt >= 9 || (error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error;
    }
  }
}

async function listenAll(
  sites: readonly Site[],
  root: string,
  wantedPort: number,
  hooks: { generate?: Generate | undefined; onRequest?: ((request: ServedRequest) => void) | undefined },
): Promise<RunningSites> {
  const servers: Server[] = [];
  const closeAll = async () => {
    await Promise.all(servers.map((server) => new Promise<void>((done) => {
      server.close(() => done());
      server.closeAllConnections();
    })));
  };
  let port = wantedPort;
  try {
    for (const site of sites) {
      const server = createServer((req, res) => {
        const path = req.url ?? '/';
        hooks.onRequest?.({ host: site.host, path });
        try {
          const made = hooks.generate?.(site, new URL(path, 'http://site').pathname, `http://${site.host}:${port}`);
          if (made) return send(res, 200, made.type, made.body, req.method);
        } catch (error) {
          return send(res, 500, 'text/plain; charset=utf-8', String(error));
        }
        return void serve(join(root, site.dir), req, res);
      });
      servers.push(server);
      await listen(server, site.host, port);
      const address = server.address();
      if (address && typeof address === 'object') port = address.port;
    }
  } catch (error) {
    await closeAll();
    throw error;
  }
  const origins = sites.map((site) => `http://${site.host}:${port}`);
  return {
    port,
    origins,
    url: (page) => {
      const origin = origins[page.site];
      if (!origin) throw new Error(`no site number ${page.site}`);
      return `${origin}${page.path}`;
    },
    close: closeAll,
  };
}

function listen(server: Server, host: string, port: number): Promise<void> {
  return new Promise((done, fail) => {
    const onError = (error: NodeJS.ErrnoException) => {
      if (error.code === 'EADDRNOTAVAIL') {
        error.message = `${error.message}: ${host} is not an address of this machine (Linux routes all of 127.0.0.0/8 to loopback; other systems need an alias, e.g. "ifconfig lo0 alias ${host}")`;
      }
      fail(error);
    };
    server.once('error', onError);
    server.listen({ host, port, exclusive: true }, () => {
      server.off('error', onError);
      done();
    });
  });
}

/** Static files of one site: /a/b is a/b, a/b.html or a/b/index.html under its folder. */
async function serve(dir: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
  try {
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'text/plain; charset=utf-8', 'method not allowed');
    const pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://site').pathname);
    const file = await findFile(dir, pathname);
    if (!file) return send(res, 404, TYPES['.html'], '<!doctype html><title>Not found</title><h1>Page not found</h1>', req.method);
    const type = TYPES[extname(file) as keyof typeof TYPES] ?? 'application/octet-stream';
    return send(res, 200, type, await readFile(file), req.method);
  } catch (error) {
    return send(res, 500, 'text/plain; charset=utf-8', String(error));
  }
}

async function findFile(dir: string, pathname: string): Promise<string | null> {
  const base = normalize(join(dir, pathname));
  if (base !== dir && !base.startsWith(dir + sep)) return null; // no ../ out of the site
  for (const candidate of [base, `${base}.html`, join(base, 'index.html')]) {
    const found = await stat(candidate).catch(() => null);
    if (found?.isFile()) return candidate;
  }
  return null;
}

function send(res: ServerResponse, status: number, type: string, body: string | Buffer, method = 'GET'): void {
  res.writeHead(status, { 'content-type': type, 'cache-control': 'no-cache', 'content-length': Buffer.byteLength(body) });
  res.end(method === 'HEAD' ? undefined : body);
}
