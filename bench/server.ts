/**
 * Serves the benchmark pages from memory (generated) and from ../shared/corpus/real-pages (read in place,
 * never copied) on 127.0.0.1. Pages are cross-origin isolated (COOP/COEP) so performance.now() has its
 * fine resolution.
 */
import { createServer, type Server } from 'node:http';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { AddressInfo } from 'node:net';

export const REAL_PAGES_DIR = resolve(import.meta.dirname, '..', '..', 'shared', 'corpus', 'real-pages');

export interface PageServer {
  origin: string;
  /** Adds (or replaces) an in-memory page; returns its URL. */
  put(path: string, html: string): string;
  /** URL of a real page by file name. */
  real(file: string): string;
  close(): Promise<void>;
}

/** The real pages' file names, largest first (empty when the corpus is absent). */
export function realPages(): string[] {
  if (!existsSync(REAL_PAGES_DIR)) return [];
  return readdirSync(REAL_PAGES_DIR)
    .filter((file) => file.endsWith('.html'))
    .map((file) => ({ file, size: readFileSync(join(REAL_PAGES_DIR, file)).length }))
    .sort((a, b) => b.size - a.size || a.file.localeCompare(b.file))
    .map(({ file }) => file);
}

export async function startPageServer(): Promise<PageServer> {
  const pages = new Map<string, Buffer>();
  const server: Server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://127.0.0.1').pathname);
    let body = pages.get(path);
    if (body === undefined && path.startsWith('/real/')) {
      const file = path.slice('/real/'.length);
      if (/^[\w.-]+\.html$/.test(file) && existsSync(join(REAL_PAGES_DIR, file))) body = readFileSync(join(REAL_PAGES_DIR, file));
    }
    if (body === undefined) {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    response.writeHead(200, {
      'content-type': 'text/html; charset=utf-8',
      'cross-origin-opener-policy': 'same-origin',
      'cross-origin-embedder-policy': 'require-corp',
      'cache-control': 'no-store',
    });
    response.end(body);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    put(path, html) {
      pages.set(path, Buffer.from(html, 'utf8'));
      return origin + path;
    },
    real: (file) => `${origin}/real/${encodeURIComponent(file)}`,
    close: () => new Promise((done) => server.close(() => done())),
  };
}
