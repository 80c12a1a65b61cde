// A tiny static file server for the built app (dist/), used by the browser tests and bench:ui. It binds
// 127.0.0.1 only and serves the app under a sub-path (default /rigcast/) to prove the build works from any
// sub-path of a static host. No dependencies beyond Node.
//
// It never throws on a file that vanishes or cannot be read between the stat and the read (a test may
// remove its temporary build while the page still has requests in flight): the stream error ends that one
// response and is logged once per file. close() also ends keep-alive connections, so nothing is left
// listening or reading once a test has cleaned up.
import { createReadStream, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve, sep } from 'node:path';
import type { Readable } from 'node:stream';
import { gzipSync } from 'node:zlib';

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
};

/** Types a static host compresses (text); images are already compressed. */
const COMPRESSIBLE = new Set(['.html', '.js', '.css', '.svg', '.json', '.txt']);

export interface StaticServer {
  /** e.g. http://127.0.0.1:43123/rigcast/ */
  url: string;
  close: () => Promise<void>;
  server: Server;
  /** Responses that ended with an error because the file vanished or could not be read mid-response. */
  readErrors: () => readonly string[];
}

export interface ServeOptions {
  basePath?: string;
  port?: number;
  /** gzip text responses when the client accepts it, as static hosts do (bench:ui measures both). */
  gzip?: boolean;
  /** Where a read error is reported (default console.warn); once per file. */
  log?: (message: string) => void;
  /** Opens a file for reading (default fs.createReadStream); tests pass one that fails. */
  openStream?: (file: string) => Readable;
}

export function serveStatic(
  root: string,
  basePathOrOptions: string | ServeOptions = '/rigcast/',
  port = 0,
): Promise<StaticServer> {
  const options: ServeOptions =
    typeof basePathOrOptions === 'string' ? { basePath: basePathOrOptions, port } : basePathOrOptions;
  const basePath = options.basePath ?? '/rigcast/';
  const log = options.log ?? ((m: string) => console.warn(m));
  const open = options.openStream ?? ((file: string) => createReadStream(file));
  const rootDir = resolve(root);
  const readErrors: string[] = [];
  const logged = new Set<string>();

  function fail(res: ServerResponse, file: string, error: unknown): void {
    const message = `serve-static: ${file}: ${error instanceof Error ? error.message : String(error)}`;
    readErrors.push(message);
    if (!logged.has(file)) {
      logged.add(file);
      log(message);
    }
    if (!res.headersSent) {
      for (const name of res.getHeaderNames()) res.removeHeader(name);
      res.writeHead(500, { 'content-type': 'text/plain' }).end('read error');
    } else {
      res.destroy();
    }
  }

  function handle(req: IncomingMessage, res: ServerResponse): void {
    let url: URL;
    try {
      // The request target is a path: prefixing the origin keeps a path that begins with '//' a path (as a
      // relative URL it would name a host).
      url = new URL(`http://127.0.0.1${req.url?.startsWith('/') ? req.url : '/'}`);
    } catch {
      res.writeHead(400, { 'content-type': 'text/plain' }).end('bad request');
      return;
    }
    if (!url.pathname.startsWith(basePath)) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    let rel: string;
    try {
      rel = decodeURIComponent(url.pathname.slice(basePath.length));
    } catch {
      res.writeHead(400, { 'content-type': 'text/plain' }).end('bad request');
      return;
    }
    if (rel === '' || rel.endsWith('/')) rel += 'index.html';
    const file = normalize(join(rootDir, rel));
    if (!file.startsWith(rootDir + sep)) {
      res.writeHead(403).end();
      return;
    }
    let size: number;
    try {
      const st = statSync(file);
      if (!st.isFile()) throw new Error('not a file');
      size = st.size;
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    const ext = extname(file);
    const headers: Record<string, string | number> = {
      'content-type': MIME[ext] ?? 'application/octet-stream',
      'cache-control': 'no-store',
    };
    const acceptsGzip = /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
    if (options.gzip && acceptsGzip && COMPRESSIBLE.has(ext)) {
      // Small files only (the built app): read, compress, send. A vanished file is a 500, not a crash.
      const chunks: Buffer[] = [];
      const stream = open(file);
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('error', (error: Error) => fail(res, file, error));
      stream.on('end', () => {
        const body = gzipSync(Buffer.concat(chunks), { level: 6 });
        res.writeHead(200, {
          ...headers,
          'content-encoding': 'gzip',
          'content-length': body.length,
          vary: 'accept-encoding',
        });
        res.end(body);
      });
      return;
    }
    const stream = open(file);
    stream.on('error', (error: Error) => fail(res, file, error));
    // Headers are set but not sent: they go out with the first chunk, so a read that fails before it can
    // still answer 500.
    res.statusCode = 200;
    for (const [name, value] of Object.entries({ ...headers, 'content-length': size }))
      res.setHeader(name, value);
    stream.pipe(res);
    res.on('close', () => stream.destroy());
  }

  const server = createServer((req, res) => {
    try {
      handle(req, res);
    } catch (error) {
      fail(res, req.url ?? '?', error);
    }
  });
  // A client that drops its connection mid-response is not an error worth crashing for.
  server.on('clientError', (_error, socket) => socket.destroy());
  return new Promise((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      const { port: actual } = server.address() as AddressInfo;
      resolvePromise({
        url: `http://127.0.0.1:${actual}${basePath}`,
        server,
        readErrors: () => readErrors,
        close: () =>
          new Promise((done) => {
            server.close(() => done());
            server.closeAllConnections();
          }),
      });
    });
  });
}

// `npx tsx scripts/serve-static.ts [dir] [port] [--gzip]` serves a build by hand.
if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  const args = process.argv.slice(2).filter((a) => !a.startsWith('--'));
  const dir = args[0] ?? 'dist';
  const port = Number(args[1] ?? 4173);
  const gzip = process.argv.includes('--gzip');
  serveStatic(dir, { basePath: '/rigcast/', port, gzip }).then((s) =>
    console.log(`serving ${dir} at ${s.url}${gzip ? ' (gzip)' : ''}`),
  );
}
