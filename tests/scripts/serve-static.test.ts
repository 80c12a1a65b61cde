import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { gunzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { type StaticServer, serveStatic } from '../../scripts/serve-static';

let dir = '';
let server: StaticServer | null = null;

afterEach(async () => {
  await server?.close();
  server = null;
  if (dir) rmSync(dir, { recursive: true, force: true });
});

function setup(): string {
  dir = mkdtempSync(join(tmpdir(), 'serve-static-test-'));
  mkdirSync(join(dir, 'assets'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>t</title>');
  writeFileSync(join(dir, 'assets', 'a.js'), 'export const a = 1;'.repeat(100));
  return dir;
}

function get(url: string, headers: Record<string, string> = {}) {
  return new Promise<{ status: number; body: Buffer; headers: Record<string, unknown> }>((done, fail) => {
    const req = request(url, { headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        done({ status: res.statusCode ?? 0, body: Buffer.concat(chunks), headers: res.headers }),
      );
      res.on('error', fail);
    });
    req.on('error', fail);
    req.end();
  });
}

describe('serveStatic', () => {
  it('serves files under the base path and 404s outside it', async () => {
    server = await serveStatic(setup(), { log: () => {} });
    expect((await get(`${server.url}assets/a.js`)).status).toBe(200);
    expect((await get(`${server.url}`)).body.toString()).toContain('<title>t</title>');
    expect((await get(server.url.replace('/rigcast/', '/other/'))).status).toBe(404);
  });

  it('serves a base path that begins with // (a page path the app must survive)', async () => {
    server = await serveStatic(setup(), { basePath: '//rigcast/', log: () => {} });
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\/rigcast\/$/);
    expect((await get(`${server.url}assets/a.js`)).status).toBe(200);
    expect((await get(server.url)).body.toString()).toContain('<title>t</title>');
    expect((await get(server.url.replace('//rigcast/', '/rigcast/'))).status).toBe(404);
  });

  it('answers 404, without crashing, for a file removed after the build was served', async () => {
    server = await serveStatic(setup(), { log: () => {} });
    rmSync(join(dir, 'assets'), { recursive: true });
    expect((await get(`${server.url}assets/a.js`)).status).toBe(404);
    // The server still answers afterwards.
    expect((await get(server.url)).status).toBe(200);
  });

  it('a read that fails ends that response with 500, is logged once, and the server lives on', async () => {
    const logs: string[] = [];
    const failing = () =>
      new Readable({
        read() {
          this.destroy(new Error('EIO: simulated read failure'));
        },
      });
    server = await serveStatic(setup(), { log: (m) => logs.push(m), openStream: failing });
    const first = await get(`${server.url}assets/a.js`);
    expect(first.status).toBe(500);
    expect(first.headers['content-length']).not.toBe(String(19 * 100));
    expect((await get(`${server.url}assets/a.js`)).status).toBe(500);
    expect(logs).toHaveLength(1);
    expect(logs[0]).toContain('EIO: simulated read failure');
    expect(server.readErrors()).toHaveLength(2);
    // Other requests are still answered (here every read fails, so a missing file is the 404 it always was).
    expect((await get(`${server.url}assets/missing.js`)).status).toBe(404);
  });

  it('a read that fails after the first bytes were sent ends the connection, not the process', async () => {
    const failingLate = () => {
      let sent = false;
      return new Readable({
        read() {
          if (!sent) {
            sent = true;
            this.push(Buffer.from('partial'));
          } else {
            this.destroy(new Error('ENOENT: file vanished mid-read'));
          }
        },
      });
    };
    server = await serveStatic(setup(), { log: () => {}, openStream: failingLate });
    await expect(get(`${server.url}assets/a.js`)).rejects.toThrow();
    expect(server.readErrors()).toHaveLength(1);
  });

  it('rejects paths that escape the root and malformed escapes', async () => {
    server = await serveStatic(setup(), { log: () => {} });
    expect((await get(`${server.url}..%2F..%2Fetc%2Fpasswd`)).status).toBe(403);
    expect((await get(`${server.url}%E0%A4%A`)).status).toBe(400);
  });

  it('gzips text when asked to and the client accepts it', async () => {
    server = await serveStatic(setup(), { gzip: true, log: () => {} });
    const zipped = await get(`${server.url}assets/a.js`, { 'accept-encoding': 'gzip' });
    expect(zipped.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(zipped.body).toString()).toBe('export const a = 1;'.repeat(100));
    const plain = await get(`${server.url}assets/a.js`);
    expect(plain.headers['content-encoding']).toBeUndefined();
  });

  it('close() resolves while a keep-alive connection is still open', async () => {
    server = await serveStatic(setup(), { log: () => {} });
    const { Agent } = await import('node:http');
    const agent = new Agent({ keepAlive: true });
    await new Promise<void>((done) =>
      request(server?.url ?? '', { agent }, (res) => res.resume().on('end', done)).end(),
    );
    const closed = await Promise.race([
      server.close().then(() => 'closed'),
      new Promise((done) => setTimeout(() => done('timeout'), 2000)),
    ]);
    server = null;
    agent.destroy();
    expect(closed).toBe('closed');
  });
});
