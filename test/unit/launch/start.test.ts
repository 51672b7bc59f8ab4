/**
 * `npm start` where Electron cannot run: its decision logic (scripts/launch/start.ts) with the
 * download, the display and the opener as injected seams, and the real browser host coming up
 * (src-main/web/main.ts, on a temp library, serving a stand-in renderer build; nothing downloaded).
 */
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { browserOpener, firstLine, hasDisplay, startWebHost } from '../../../scripts/launch/host';
import { start, type RunningWebHost, type StartHost } from '../../../scripts/launch/start';
import { makeTempDir } from '../../support/temp-library';

/** A StartHost where everything works, recording what was done; override a seam to break it. */
function fakeHost(overrides: Partial<StartHost> = {}) {
  const done: string[] = [];
  const lines: string[] = [];
  let installed = false;
  const host: StartHost = {
    hasDisplay: () => true,
    electronBinary: () => (installed ? '/fake/electron' : null),
    installElectron: async () => {
      done.push('install');
      installed = true;
      return { ok: true };
    },
    buildDesktop: async () => (done.push('build desktop'), 0),
    runDesktop: async () => (done.push('run desktop'), { code: 0, failedAtLaunch: false }),
    startWeb: async () => (done.push('start web'), { url: 'http://127.0.0.1:5178/#token=abc', exited: Promise.resolve(0), stop: () => undefined }),
    openBrowser: (url) => (done.push(`open ${url}`), true),
    log: (line) => lines.push(line),
    ...overrides,
  };
  return { host, done, lines };
}

const offline = async () => ({ ok: false as const, reason: 'RequestError: getaddrinfo ENOTFOUND release host' });

const running: RunningWebHost[] = [];
afterEach(async () => {
  for (const web of running.splice(0)) {
    web.stop();
    await web.exited;
  }
});

describe('npm start', () => {
  it('downloads Electron on the first start, then builds and opens the desktop app', async () => {
    const { host, done } = fakeHost();
    expect(await start(host)).toBe(0);
    expect(done).toEqual(['install', 'build desktop', 'run desktop']);
  });

  it('when the download is blocked, starts the real browser host, opens its URL and says why in one line', async () => {
    const dataDir = await makeTempDir('factmark-start-');
    const appDir = await makeTempDir('factmark-start-app-');
    await mkdir(join(appDir, 'out', 'web'), { recursive: true });
    await writeFile(join(appDir, 'out', 'web', 'index.html'), '<!doctype html><title>Factmark</title><p>renderer stand-in</p>');
    const opened: string[] = [];
    let web: RunningWebHost | undefined;
    const { host, done, lines } = fakeHost({
      installElectron: offline,
      startWeb: async () => {
        web = await startWebHost({ build: false, cwd: appDir, args: ['--data-dir', dataDir, '--port', '0'] });
        running.push(web);
        return web;
      },
      openBrowser: (url) => (opened.push(url), true),
    });
    const exit = start(host);
    await expect.poll(() => opened.length, { timeout: 30_000 }).toBe(1);
    expect(done).not.toContain('run desktop');
    expect(lines[1]).toBe('Electron cannot run here (its download failed: RequestError: getaddrinfo ENOTFOUND release host): starting Factmark in your browser instead.');
    const url = new URL(opened[0]);
    const token = url.hash.replace('#token=', '');
    const page = await fetch(new URL('/', url));
    expect(await page.text()).toContain('renderer stand-in');
    const list = await fetch(new URL('/api/library.list', url), { method: 'POST', headers: { 'content-type': 'application/json', 'x-factmark-token': token }, body: '{}' });
    expect(await list.json()).toMatchObject({ ok: true, value: [{ title: expect.stringMatching(/Antalya/) }] });
    web!.stop();
    expect(await exit).toBe(0);
    await rm(dataDir, { recursive: true, force: true });
  }, 60_000);

  it('without a display, downloads nothing, starts the browser host and prints its URL instead of opening it', async () => {
    const { host, done, lines } = fakeHost({ hasDisplay: () => false });
    expect(await start(host)).toBe(0);
    expect(done).toEqual(['start web']);
    expect(lines[0]).toMatch(/^Electron cannot run here \(there is no display to open a window on\)/);
    expect(lines[1]).toContain('Open this URL in your browser: http://127.0.0.1:5178/#token=abc');
  });

  it('prints the URL when there is no browser opener', async () => {
    const { host, lines } = fakeHost({ installElectron: offline, openBrowser: () => false });
    await start(host);
    expect(lines.at(-1)).toContain('Open this URL in your browser: http://127.0.0.1:5178/#token=abc');
  });

  it('falls back to the browser host when Electron stops at launch, but not when the app was used and closed', async () => {
    const failing = fakeHost({ electronBinary: () => '/fake/electron', runDesktop: async () => ({ code: 127, failedAtLaunch: true }) });
    expect(await start(failing.host)).toBe(0);
    expect(failing.done).toEqual(['build desktop', 'start web', 'open http://127.0.0.1:5178/#token=abc']);
    expect(failing.lines[0]).toContain('it stopped at launch with exit code 127');
    const closed = fakeHost({ electronBinary: () => '/fake/electron', runDesktop: async () => ({ code: 3, failedAtLaunch: false }) });
    expect(await start(closed.host)).toBe(3);
    expect(closed.done).not.toContain('start web');
  });

  it('stops when the desktop build fails, without starting anything', async () => {
    const { host, done } = fakeHost({ electronBinary: () => '/fake/electron', buildDesktop: async () => 2 });
    expect(await start(host)).toBe(2);
    expect(done).toEqual([]);
  });
});

describe('start seams', () => {
  it('sees a display on Linux only through DISPLAY or WAYLAND_DISPLAY', () => {
    expect(hasDisplay({}, 'linux')).toBe(false);
    expect(hasDisplay({ DISPLAY: ':0' }, 'linux')).toBe(true);
    expect(hasDisplay({ WAYLAND_DISPLAY: 'wayland-0' }, 'linux')).toBe(true);
    expect(hasDisplay({}, 'darwin')).toBe(true);
    expect(hasDisplay({}, 'win32')).toBe(true);
  });

  it('finds xdg-open on the PATH on Linux, and has an opener on macOS and Windows', async () => {
    const bin = await makeTempDir('factmark-bin-');
    expect(browserOpener('linux', bin)).toBeNull();
    await writeFile(join(bin, 'xdg-open'), '#!/bin/sh\n', { mode: 0o755 });
    expect(browserOpener('linux', `/nonexistent:${bin}`)).toBeTypeOf('function');
    expect(browserOpener('darwin', '')).toBeTypeOf('function');
    expect(browserOpener('win32', '')).toBeTypeOf('function');
  });

  it('reduces an installer’s error output to its message line', () => {
    expect(firstLine('\nRequestError: getaddrinfo ENOTFOUND x\n    at ClientRequest.<anonymous> (got.js:1:1)\n')).toBe('RequestError: getaddrinfo ENOTFOUND x');
  });
});
