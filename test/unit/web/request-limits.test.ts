/**
 * Smaller request limits (issue 17, item 10): deeply nested JSON is a 400 (not a 500), the
 * content type must be exactly application/json (a prefix like application/jsonx is refused), and
 * the CLI refuses a file over 25 MB with the import's own message instead of a schema error.
 */
import { request } from 'node:http';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWebServer, TOKEN_HEADER, type RunningWebServer } from '../../../src-main/web/server';
import { runCliIn } from '../../support/cli';
import { snapshotFolder } from '../../support/folder-snapshot';
import { makeTempDir, openTempLibrary, type TempLibrary } from '../../support/temp-library';

let lib: TempLibrary;
let server: RunningWebServer;

function post(op: string, body: string, contentType = 'application/json'): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port: server.port, method: 'POST', path: `/api/${op}`, headers: { host: `127.0.0.1:${server.port}`, [TOKEN_HEADER]: server.token, 'content-type': contentType } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

beforeAll(async () => {
  lib = await openTempLibrary();
  const staticDir = join(await makeTempDir('factmark-web-'), 'web');
  await mkdir(staticDir);
  await writeFile(join(staticDir, 'index.html'), '<!doctype html><title>Factmark</title>');
  server = await startWebServer({ dispatcher: lib.factmark.dispatcher, staticDir, port: 0 });
});
afterAll(async () => {
  await server.close();
  await lib.cleanup();
});

describe('browser host request limits', () => {
  it.each([1_000, 100_000])('answers JSON nested %i levels deep with a 400 and one line, writing nothing', async (depth) => {
    const before = await snapshotFolder(lib.dir);
    const doc = `${'{"type":"blockquote","content":['.repeat(depth)}${']}'.repeat(depth)}`;
    const r = await post('library.create', `{"meta":{"title":"Deep"},"doc":${doc}}`);
    expect(r.status).toBe(400);
    expect(JSON.parse(r.body).error.message).toBe('library.create: the request nests deeper than 512 levels');
    await lib.factmark.flush();
    expect(await snapshotFolder(lib.dir)).toEqual(before);
  });

  it.each(['application/jsonx', 'application/json-patch+json', 'text/plain; application/json'])('refuses the content type %s', async (type) => {
    const r = await post('library.list', '{}', type);
    expect(r.status).toBe(415);
  });

  it.each(['application/json', 'application/json; charset=utf-8', 'Application/JSON'])('accepts the content type %s', async (type) => {
    const r = await post('library.list', '{}', type);
    expect(r.status).toBe(200);
  });
});

describe('CLI import size', () => {
  it('refuses a 30 MB file with the 25 MB message, changing nothing', async () => {
    const dir = await makeTempDir();
    const file = join(dir, 'huge.txt');
    await writeFile(file, Buffer.alloc(30 * 1024 * 1024, 'a'));
    const dataDir = join(dir, 'library');
    const r = await runCliIn(dataDir, 'import', file);
    expect(r.code).toBe(1);
    expect(r.err).toBe('factmark: huge.txt is over 25 MB (30.0 MB)');
  });
});
