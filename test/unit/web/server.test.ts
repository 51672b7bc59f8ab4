/**
 * Hostile requests against the browser host, over real HTTP on an ephemeral loopback port: wrong
 * Host (DNS rebinding), wrong Origin, missing or bad token, oversized and non-JSON bodies, path
 * traversal on static files, unknown operations. Each is refused and no file in the data folder changes.
 */
import { request } from 'node:http';
import { connect } from 'node:net';
import { networkInterfaces } from 'node:os';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_BODY_BYTES, startWebServer, TOKEN_HEADER, type RunningWebServer } from '../../../src-main/web/server';
import { makeTempDir, openTempLibrary, type TempLibrary } from '../../support/temp-library';
import { snapshotFolder } from '../../support/folder-snapshot';

const SECRET = 'top secret outside the static folder';
let lib: TempLibrary;
let server: RunningWebServer;
let host: string;
let before: Record<string, string>;

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

function send(method: string, path: string, headers: Record<string, string | number> = {}, body?: string | Buffer): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: server.port, method, path, headers: { host, ...headers } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** An API call with the right token, Host and content type unless overridden. */
function api(op: string, payload: unknown, headers: Record<string, string | number> = {}): Promise<Reply> {
  return send('POST', `/api/${op}`, { [TOKEN_HEADER]: server.token, 'content-type': 'application/json', ...headers }, JSON.stringify(payload));
}

beforeAll(async () => {
  lib = await openTempLibrary();
  await lib.call('library.create', {
    meta: { title: 'Served' },
    doc: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'A sentence to claim.' }] }] },
  });
  const root = await makeTempDir('factmark-web-');
  const staticDir = join(root, 'web');
  await mkdir(staticDir);
  await mkdir(join(root, 'web-secret'));
  await writeFile(join(staticDir, 'index.html'), '<!doctype html><title>Factmark shell</title>');
  await writeFile(join(staticDir, 'app.js'), 'console.log(1)');
  await writeFile(join(root, 'secret.txt'), SECRET);
  await writeFile(join(root, 'web-secret', 'x.txt'), SECRET);
  server = await startWebServer({ dispatcher: lib.factmark.dispatcher, staticDir, port: 0 });
  host = `127.0.0.1:${server.port}`;
  await lib.factmark.flush();
  before = await snapshotFolder(lib.dir);
});

afterAll(async () => {
  await server?.close();
  await lib?.cleanup();
});

async function expectUnchanged(): Promise<void> {
  await lib.factmark.flush();
  expect(await snapshotFolder(lib.dir)).toEqual(before);
}

describe('browser host: the control case', () => {
  it('serves a good call and the app shell with security headers and no CORS', async () => {
    const r = await api('library.list', {});
    expect(r.status).toBe(200);
    expect(JSON.parse(r.body).value[0].title).toBe('Served');
    expect(r.headers['access-control-allow-origin']).toBeUndefined();
    expect(r.headers['x-content-type-options']).toBe('nosniff');
    const page = await send('GET', '/');
    expect(page.body).toContain('Factmark shell');
    expect(page.headers['content-security-policy']).toMatch(/default-src 'none'/);
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
  });
});

describe('browser host: loopback only', () => {
  it('does not accept connections on any other interface', async () => {
    const others = Object.values(networkInterfaces())
      .flat()
      .filter((i) => i && !i.internal)
      .map((i) => i!.address);
    for (const address of others) {
      const outcome = await new Promise<string>((resolve) => {
        const socket = connect({ host: address, port: server.port, timeout: 2_000 });
        socket.once('connect', () => {
          socket.destroy();
          resolve('connected');
        });
        socket.once('timeout', () => {
          socket.destroy();
          resolve('timeout');
        });
        socket.once('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? 'error'));
      });
      expect(outcome, address).not.toBe('connected');
    }
    expect(server.url.startsWith('http://127.0.0.1:')).toBe(true);
  });
});

describe('browser host: hostile requests are refused and change nothing', () => {
  it('refuses other Host headers (DNS rebinding), even with the token', async () => {
    for (const bad of ['evil.example', `evil.example:${server.port}`, `127.0.0.1:${server.port + 1}`, `127.0.0.1.nip.io:${server.port}`, `[::1]:${server.port}`]) {
      expect((await api('prefs.set', { reviewer: 'x' }, { host: bad })).status, bad).toBe(421);
      expect((await send('GET', '/', { host: bad })).status).toBe(421);
    }
    await expectUnchanged();
  });

  it('refuses a request with no Host header at all', async () => {
    const reply = await new Promise<string>((resolve) => {
      const socket = connect(server.port, '127.0.0.1', () => socket.end('GET / HTTP/1.1\r\nConnection: close\r\n\r\n'));
      let text = '';
      socket.on('data', (d) => (text += d));
      socket.on('close', () => resolve(text));
    });
    expect(reply).toMatch(/^HTTP\/1\.1 4\d\d/);
  });

  it('refuses other Origins and answers preflights without CORS headers', async () => {
    for (const origin of ['http://evil.example', 'null', `http://localhost:${server.port + 1}`, `https://127.0.0.1:${server.port}`]) {
      const r = await api('prefs.set', { reviewer: 'x' }, { origin });
      expect(r.status, origin).toBe(403);
      expect(r.headers['access-control-allow-origin']).toBeUndefined();
    }
    const preflight = await send('OPTIONS', '/api/prefs.set', { origin: 'http://evil.example', 'access-control-request-method': 'POST' });
    expect(preflight.status).toBe(405);
    expect(preflight.headers['access-control-allow-origin']).toBeUndefined();
    expect(preflight.headers['access-control-allow-headers']).toBeUndefined();
    await expectUnchanged();
  });

  it('refuses missing, wrong, truncated and padded tokens', async () => {
    const t = server.token;
    for (const token of [undefined, '', 'nope', t.slice(0, -1), `${t}x`, t.toUpperCase(), `${t} ${t}`]) {
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (token !== undefined) headers[TOKEN_HEADER] = token;
      const r = await send('POST', '/api/prefs.set', headers, JSON.stringify({ reviewer: 'x' }));
      expect(r.status, String(token)).toBe(401);
    }
    expect((await send('POST', `/api/prefs.set?token=${t}`, { 'content-type': 'application/json' }, '{"reviewer":"x"}')).status).toBe(401);
    await expectUnchanged();
  });

  it('refuses bodies over the cap, declared or streamed', async () => {
    const declared = await new Promise<number>((resolve, reject) => {
      const req = request(
        { host: '127.0.0.1', port: server.port, method: 'POST', path: '/api/prefs.set', headers: { host, [TOKEN_HEADER]: server.token, 'content-type': 'application/json', 'content-length': MAX_BODY_BYTES + 1 } },
        (res) => resolve(res.statusCode ?? 0),
      );
      req.on('error', reject);
      req.write('{"reviewer":"');
    });
    expect(declared).toBe(413);
    const streamed = await send('POST', '/api/import.file', { [TOKEN_HEADER]: server.token, 'content-type': 'application/json', 'transfer-encoding': 'chunked' }, Buffer.alloc(MAX_BODY_BYTES + 1024, 'a')).catch(
      (error: NodeJS.ErrnoException) => ({ status: error.code === 'ECONNRESET' || error.code === 'EPIPE' ? 413 : 0 }),
    );
    expect(streamed.status).toBe(413);
    await expectUnchanged();
  });

  it('refuses non-JSON bodies and other content types', async () => {
    for (const body of ['{"reviewer":', 'reviewer=x', '\u0000\u0001', '[1,2', "{'a':1}"]) {
      const r = await send('POST', '/api/prefs.set', { [TOKEN_HEADER]: server.token, 'content-type': 'application/json' }, body);
      expect(r.status, body).toBe(400);
      expect(JSON.parse(r.body).error.message).toBe('Request body is not valid JSON');
    }
    const form = await send('POST', '/api/prefs.set', { [TOKEN_HEADER]: server.token, 'content-type': 'application/x-www-form-urlencoded' }, 'reviewer=x');
    expect(form.status).toBe(415);
    const plain = await send('POST', '/api/prefs.set', { [TOKEN_HEADER]: server.token, 'content-type': 'text/plain' }, '{"reviewer":"x"}');
    expect(plain.status).toBe(415);
    await expectUnchanged();
  });

  it('refuses unknown operations, prototype names and other methods with a clear message', async () => {
    for (const op of ['nope', 'library.nuke', '__proto__', 'constructor', 'toString', 'hasOwnProperty', '%E0%A4%A', '..%2Fprefs.set', '']) {
      const r = await api(op, {});
      expect(r.status, op).toBe(400);
      expect(JSON.parse(r.body).error.message).toMatch(/^(Unknown operation: |Malformed operation name)/);
    }
    expect((await send('GET', '/api/library.list', { [TOKEN_HEADER]: server.token })).status).toBe(405);
    expect((await send('PUT', '/api/prefs.set', { [TOKEN_HEADER]: server.token, 'content-type': 'application/json' }, '{}')).status).toBe(405);
    expect((await send('DELETE', '/index.html')).status).toBe(405);
    await expectUnchanged();
  });

  it('refuses payloads that do not fit the operation', async () => {
    for (const [op, payload] of [
      ['prefs.set', { reviewer: 42 }],
      ['prefs.set', { reviewer: 'x', admin: true }],
      ['library.delete', { articleId: '../index' }],
      ['library.get', []],
      ['claims.create', { articleId: 'x', range: { start: -1, end: 2 } }],
    ] as const) {
      const r = await api(op, payload);
      expect(r.status, op).toBe(400);
      expect(JSON.parse(r.body).error.code).toBe('invalid-request');
    }
    await expectUnchanged();
  });

  it('never serves a file outside the static folder', async () => {
    const paths = [
      '/../secret.txt',
      '/%2e%2e/secret.txt',
      '/..%2fsecret.txt',
      '/%2e%2e%2fsecret.txt',
      '/..%5csecret.txt',
      '/%5c..%5csecret.txt',
      '/..\\secret.txt',
      '/../web-secret/x.txt',
      '/%2e%2e%2fweb-secret%2fx.txt',
      '//../secret.txt',
      '/%2F..%2F..%2Fsecret.txt',
      '/%2e%2e%2f%2e%2e%2f%2e%2e%2f%2e%2e%2fetc%2fpasswd',
      '/app.js%00.html',
      '/%E0%A4%A',
    ];
    for (const path of paths) {
      const r = await send('GET', path);
      expect(r.body, path).not.toContain(SECRET);
      expect(r.body, path).not.toMatch(/root:x:0:0/);
      expect([200, 400, 404], path).toContain(r.status);
      if (r.status === 200) expect(r.body, path).toContain('Factmark shell');
    }
    await expectUnchanged();
  });
});
