/**
 * An HTTP proxy that records every request a browser makes, for the privacy test: the browser is
 * launched with every request (loopback included) sent through it, so a request to anywhere but
 * the local test sites is seen here. Requests to allowed origins are forwarded; anything else is
 * recorded and refused (HTTPS tunnels and WebSocket upgrades included), so nothing leaves the machine.
 */
import { createServer, request as forward } from 'node:http';

export interface ProxiedRequest {
  method: string;
  url: string;
  allowed: boolean;
  /** Date.now() when it arrived */
  at: number;
}

export interface RecordingProxy {
  /** HOST:PORT, for launchBrowser({ proxy }) */
  address: string;
  /** in the order they arrived */
  requests: ProxiedRequest[];
  close: () => Promise<void>;
}

/** @param options.allow  which requests are forwarded (the test sites) */
export async function startRecordingProxy({ allow }: { allow: (url: URL) => boolean }): Promise<RecordingProxy> {
  const requests: ProxiedRequest[] = [];
  const server = createServer((req, res) => {
    const url = parse(req.url ?? '');
    const allowed = url !== null && url.protocol === 'http:' && allow(url);
    requests.push({ method: req.method ?? '', url: req.url ?? '', allowed, at: Date.now() });
    if (!url || !allowed) {
      res.writeHead(403, { 'content-type': 'text/plain' }).end('refused by the test proxy');
      return;
    }
    const headers = { ...req.headers };
    delete headers['proxy-connection'];
    const upstream = forward({ host: url.hostname, port: url.port || 80, method: req.method, path: `${url.pathname}${url.search}`, headers }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    upstream.on('error', (error) => {
      if (!res.headersSent) res.writeHead(502, { 'content-type': 'text/plain' });
      res.end(String(error));
    });
    req.pipe(upstream);
  });
  // HTTPS (CONNECT) and WebSocket upgrades: the test sites use neither, so all are refused.
  server.on('connect', (req, socket) => {
    requests.push({ method: 'CONNECT', url: req.url ?? '', allowed: false, at: Date.now() });
    socket.end('HTTP/1.1 403 Forbidden\r\n\r\n');
  });
  server.on('upgrade', (req, socket) => {
    requests.push({ method: `UPGRADE ${req.method}`, url: req.url ?? '', allowed: false, at: Date.now() });
    socket.end('HTTP/1.1 403 Forbidden\r\n\r\n');
  });
  await new Promise<void>((done, fail) => {
    server.once('error', fail);
    server.listen({ host: '127.0.0.1', port: 0 }, () => done());
  });
  const address = server.address();
  if (!address || typeof address !== 'object') throw new Error('the proxy has no address');
  return {
    address: `127.0.0.1:${address.port}`,
    requests,
    close: () => new Promise<void>((done) => {
      server.close(() => done());
      server.closeAllConnections();
    }),
  };
}

function parse(target: string): URL | null {
  try {
    return new URL(target);
  } catch {
    return null; // a request made to the proxy itself, not through it
  }
}
