/** The app:// protocol handler: the built renderer's files with the CSP, nothing outside that folder, nothing but GET. */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { appProtocolHandler, isAppUrl } from '../../../src-main/electron/app-protocol';
import { staticFilePath } from '../../../src-main/static-files';
import { CONTENT_SECURITY_POLICY } from '../../../src-main/web/csp';
import { makeTempDir } from '../../support/temp-library';

let root: string;
let serve: (request: Request) => Promise<Response>;

beforeAll(async () => {
  root = await makeTempDir('factmark-protocol-');
  await mkdir(join(root, 'renderer', 'assets'), { recursive: true });
  await writeFile(join(root, 'renderer', 'index.html'), '<!doctype html><title>Factmark</title>');
  await writeFile(join(root, 'renderer', 'assets', 'index.js'), 'console.log(1)');
  await writeFile(join(root, 'secret.txt'), 'SECRET outside the renderer');
  await writeFile(join(root, 'renderer-evil.txt'), 'SECRET in a sibling with a shared prefix');
  serve = appProtocolHandler(join(root, 'renderer'));
});

describe('app:// protocol', () => {
  it('serves the page and its assets with their types, the CSP and nosniff', async () => {
    const page = await serve(new Request('app://factmark/index.html'));
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    const script = await serve(new Request('app://factmark/assets/index.js'));
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await script.text()).toBe('console.log(1)');
    expect((await serve(new Request('app://factmark/'))).status).toBe(200);
  });

  it('refuses every path that leads outside the renderer folder', async () => {
    for (const path of ['/..%2fsecret.txt', '/%2e%2e%2fsecret.txt', '/assets/..%2f..%2fsecret.txt', '/..%5csecret.txt', '/..%2frenderer-evil.txt', `/${encodeURIComponent(join(root, 'secret.txt'))}`, '/%00index.html', '/%E0%A4%A']) {
      const response = await serve(new Request(`app://factmark${path}`));
      expect(response.status, path).toBeGreaterThanOrEqual(400);
      expect(await response.text(), path).not.toContain('SECRET');
    }
  });

  it('answers 404 for a missing file or another host, and 405 for anything but GET and HEAD', async () => {
    expect((await serve(new Request('app://factmark/missing.js'))).status).toBe(404);
    expect((await serve(new Request('app://other/index.html'))).status).toBe(404);
    expect((await serve(new Request('app://factmark/index.html', { method: 'POST', body: 'x' }))).status).toBe(405);
  });

  it('knows its own origin exactly', () => {
    expect(isAppUrl('app://factmark/index.html')).toBe(true);
    expect(isAppUrl('app://factmark.evil/index.html')).toBe(false);
    expect(isAppUrl('app://factmark:81/index.html')).toBe(false);
    expect(isAppUrl('file:///app/factmark/index.html')).toBe(false);
  });

  it('maps URL paths inside the folder only', () => {
    expect(staticFilePath('/srv/web', '/')).toBe('/srv/web/index.html');
    expect(staticFilePath('/srv/web', '/a/b.js')).toBe('/srv/web/a/b.js');
    expect(staticFilePath('/srv/web', '/a/../b.js')).toBe('/srv/web/b.js');
    expect(staticFilePath('/srv/web', '/../web2/x')).toBeNull();
    expect(staticFilePath('/srv/web', '/%2e%2e/etc/passwd')).toBeNull();
    expect(staticFilePath('/srv/web', '/%zz')).toBeNull();
  });
});
