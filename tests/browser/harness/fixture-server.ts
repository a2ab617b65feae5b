/**
 * A static server for the browser tests' fixture pages, on 127.0.0.1 and a random port. Every request it
 * receives is recorded, so a test can tell fixture traffic apart from anything else the browser sends.
 *
 * `fixtures/routes.json` gives extra paths (e.g. an X-like `/i/trending/<id>` story URL served from a fixture
 * file) and per-path response headers (e.g. a strict Content-Security-Policy).
 */
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

export const FIXTURES_DIR: string = fileURLToPath(new URL('../fixtures/', import.meta.url));

interface RouteConfig {
  /** Fixture file served for this path (defaults to the path itself). */
  file?: string;
  headers?: Record<string, string>;
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

export interface FixtureServer {
  /** `http://127.0.0.1:<port>` */
  readonly origin: string;
  /** Absolute URL of a fixture path such as `article-split.html`. */
  url(path: string): string;
  /** Paths requested so far, in order. */
  readonly requests: readonly string[];
  /**
   * Requests for other hosts that reached this server acting as the browser's HTTP proxy (absolute URLs and
   * CONNECT tunnels). They are refused; a browser set to use this proxy can reach nothing else.
   */
  readonly proxied: readonly string[];
  close(): Promise<void>;
}

async function loadRoutes(): Promise<Record<string, RouteConfig>> {
  const text = await readFile(join(FIXTURES_DIR, 'routes.json'), 'utf8');
  return JSON.parse(text) as Record<string, RouteConfig>;
}

export async function startFixtureServer(): Promise<FixtureServer> {
  const routes = await loadRoutes();
  const root = resolve(FIXTURES_DIR);
  const requests: string[] = [];
  const proxied: string[] = [];
  const server: Server = createServer((req, res) => {
    if (req.url !== undefined && /^[a-z]+:\/\//i.test(req.url)) {
      proxied.push(req.url);
      res.writeHead(403).end();
      return;
    }
    const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
    requests.push(path);
    const route = routes[path] ?? {};
    const file = resolve(root, normalize((route.file ?? path).replace(/^\/+/, '')));
    // Never serve anything outside the fixtures folder.
    if (!file.startsWith(root + sep)) {
      res.writeHead(403).end();
      return;
    }
    readFile(file).then(
      (body) => {
        res.writeHead(200, {
          'content-type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream',
          'cache-control': 'no-store',
          ...route.headers,
        });
        res.end(body);
      },
      () => {
        res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      },
    );
  });
  server.on('connect', (req, socket) => {
    proxied.push(`CONNECT ${req.url ?? ''}`);
    socket.end('HTTP/1.1 403 Forbidden\r\n\r\n');
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    url: (path: string): string => new URL(path.replace(/^\/+/, ''), origin + '/').href,
    requests,
    proxied,
    close: (): Promise<void> =>
      new Promise((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}
