/**
 * A tiny static server for a built site, like GitHub Pages: the build is served under a base path
 * (`/logbook-e2e/`), a folder URL serves its index.html, a folder without the trailing slash
 * redirects to it, and anything else is the site's 404.html with status 404.
 */
import { createServer, type Server } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';
import { gzipSync } from 'node:zlib';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml',
  '.wasm': 'application/wasm',
  '.woff2': 'font/woff2',
  // Pagefind's index files.
  '.pf_meta': 'application/octet-stream',
  '.pf_index': 'application/octet-stream',
  '.pf_fragment': 'application/octet-stream',
  '.pagefind': 'application/octet-stream',
};

export interface StaticServer {
  /** Origin plus base path, e.g. `http://127.0.0.1:40123/logbook-e2e/`. */
  url: string;
  origin: string;
  close: () => Promise<void>;
}

async function fileAt(path: string): Promise<string | undefined> {
  const info = await stat(path).catch(() => undefined);
  if (info?.isFile()) return path;
  return undefined;
}

/** Types a host like GitHub Pages compresses (`gzip` option). */
const COMPRESSED = /^(?:text\/|application\/(?:json|javascript|xml)|image\/svg)/;

/**
 * Serves `root` under `base` on 127.0.0.1 at a free port. With `gzip`, text is sent gzip-encoded to
 * a client that accepts it, as GitHub Pages does (the review benchmark counts bytes on the wire).
 */
export async function serveStatic(root: string, base: string, options: { gzip?: boolean } = {}): Promise<StaticServer> {
  const server: Server = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://localhost');
      const notFound = async (): Promise<void> => {
        const page = await readFile(join(root, '404.html')).catch(() => Buffer.from('Not found'));
        res.writeHead(404, { 'content-type': 'text/html; charset=utf-8' });
        res.end(req.method === 'HEAD' ? undefined : page);
      };
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        res.writeHead(405, { allow: 'GET, HEAD' }).end();
        return;
      }
      let path: string;
      try {
        path = decodeURIComponent(url.pathname);
      } catch {
        await notFound();
        return;
      }
      if (!path.startsWith(base) && `${path}/` !== base) {
        await notFound();
        return;
      }
      const rel = normalize(path.slice(base.length));
      if (rel.startsWith('..') || rel.includes(`${sep}..${sep}`)) {
        await notFound();
        return;
      }
      const target = join(root, rel);
      const info = await stat(target).catch(() => undefined);
      let file: string | undefined;
      if (info?.isDirectory()) {
        if (!url.pathname.endsWith('/')) {
          res.writeHead(301, { location: `${url.pathname}/${url.search}` }).end();
          return;
        }
        file = await fileAt(join(target, 'index.html'));
      } else if (info?.isFile()) {
        file = target;
      }
      if (file === undefined) {
        await notFound();
        return;
      }
      const type = TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
      const gzip = options.gzip === true && COMPRESSED.test(type) && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
      const body = gzip ? gzipSync(await readFile(file), { level: 6 }) : await readFile(file);
      res.writeHead(200, {
        'content-type': type,
        'content-length': body.length,
        'cache-control': 'no-store',
        ...(gzip ? { 'content-encoding': 'gzip', vary: 'accept-encoding' } : {}),
      });
      res.end(req.method === 'HEAD' ? undefined : body);
    })().catch((error: unknown) => {
      res.writeHead(500, { 'content-type': 'text/plain' });
      res.end(String(error));
    });
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    url: `${origin}${base}`,
    origin,
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}
