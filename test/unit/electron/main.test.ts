/**
 * The desktop host's wiring, without Electron's binary: `electron` is replaced by a recording fake,
 * and src-main/electron/main.ts runs against a real temp data folder. It checks the window's
 * security settings, navigation and link handling, the IPC sender check, and flush-on-quit.
 */
import { readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { makeTempDir } from '../../support/temp-library';

type Listener = (...args: unknown[]) => unknown;

const fake = vi.hoisted(() => {
  const appListeners = new Map<string, Listener>();
  const ipcHandlers = new Map<string, Listener>();
  const windows: FakeWindow[] = [];
  const opened: string[] = [];
  class FakeContents {
    listeners = new Map<string, Listener>();
    openHandler: ((details: { url: string }) => { action: string }) | null = null;
    on(event: string, fn: Listener) {
      this.listeners.set(event, fn);
    }
    setWindowOpenHandler(fn: (details: { url: string }) => { action: string }) {
      this.openHandler = fn;
    }
    send() {}
  }
  class FakeWindow {
    webContents = new FakeContents();
    loaded = '';
    events: { event: string; fn: Listener }[] = [];
    destroyed = false;
    constructor(readonly options: { webPreferences: Record<string, unknown> }) {
      windows.push(this);
    }
    once(event: string, fn: Listener) {
      this.events.push({ event, fn });
    }
    on(event: string, fn: Listener) {
      this.events.push({ event, fn });
    }
    emit(event: string) {
      for (const entry of this.events.filter((e) => e.event === event)) entry.fn();
    }
    /** Closes at once, as a window whose page holds nothing back. */
    close() {
      this.emit('close');
      this.destroyed = true;
      this.emit('closed');
    }
    isDestroyed() {
      return this.destroyed;
    }
    show() {}
    focus() {}
    isMinimized() {
      return false;
    }
    async loadFile(file: string) {
      this.loaded = file;
    }
    async loadURL(url: string) {
      this.loaded = url;
    }
    static getAllWindows() {
      return windows;
    }
  }
  const quit = { count: 0 };
  const permissions: { request?: Listener; check?: Listener } = {};
  return { appListeners, ipcHandlers, windows, opened, FakeWindow, quit, permissions };
});

vi.mock('electron', () => ({
  app: {
    requestSingleInstanceLock: () => true,
    setName: () => undefined,
    on: (event: string, fn: Listener) => fake.appListeners.set(event, fn),
    whenReady: () => Promise.resolve(),
    getPath: () => tmpdir(),
    getAppPath: () => process.cwd(),
    isPackaged: false,
    quit: () => {
      fake.quit.count += 1;
    },
    exit: () => undefined,
  },
  BrowserWindow: fake.FakeWindow,
  Menu: { buildFromTemplate: (template: unknown) => template, setApplicationMenu: () => undefined },
  dialog: { showErrorBox: (title: string, message: string) => console.error(title, message) },
  ipcMain: { handle: (channel: string, fn: Listener) => fake.ipcHandlers.set(channel, fn) },
  session: {
    defaultSession: {
      setPermissionRequestHandler: (fn: Listener) => (fake.permissions.request = fn),
      setPermissionCheckHandler: (fn: Listener) => (fake.permissions.check = fn),
    },
  },
  shell: { openExternal: async (url: string) => void fake.opened.push(url) },
}));

let dataDir: string;
const rendererFile = resolve('src-main/renderer/index.html');

beforeAll(async () => {
  dataDir = await makeTempDir('factmark-electron-');
  process.env.FACTMARK_DATA_DIR = dataDir;
  await import('../../../src-main/electron/main');
  await vi.waitFor(() => expect(fake.windows).toHaveLength(1), { timeout: 20_000 });
});

afterAll(async () => {
  delete process.env.FACTMARK_DATA_DIR;
  await rm(dataDir, { recursive: true, force: true });
});

describe('desktop host', () => {
  it('opens one window with context isolation, the sandbox, no Node integration and the CJS preload', () => {
    const prefs = fake.windows[0].options.webPreferences;
    expect(prefs).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true });
    expect(String(prefs.preload)).toMatch(/preload[/\\]index\.cjs$/);
    expect(fake.windows[0].loaded).toBe(rendererFile);
  });

  it('answers contract calls from its own page only, from the shared data folder with the sample', async () => {
    const handler = fake.ipcHandlers.get('factmark:call')!;
    const own = await handler({ senderFrame: { url: pathToFileURL(rendererFile).href } }, 'library.list', {});
    expect(own).toMatchObject({ ok: true, value: [{ title: expect.stringMatching(/Antalya/) }] });
    const foreign = await handler({ senderFrame: { url: 'https://evil.example/' } }, 'library.list', {});
    expect(foreign).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    const bad = await handler({ senderFrame: { url: pathToFileURL(rendererFile).href } }, 'library.get', { articleId: '../x' });
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
  });

  it('blocks navigation, denies new windows and hands only http(s) links to the system browser', () => {
    const contents = fake.windows[0].webContents;
    const event = { prevented: false, preventDefault() {
      this.prevented = true;
    } };
    contents.listeners.get('will-navigate')!(event, 'https://elsewhere.example/');
    expect(event.prevented).toBe(true);
    expect(contents.openHandler!({ url: 'https://example.org/evidence' })).toEqual({ action: 'deny' });
    expect(contents.openHandler!({ url: 'file:///etc/passwd' })).toEqual({ action: 'deny' });
    expect(contents.openHandler!({ url: 'javascript:alert(1)' })).toEqual({ action: 'deny' });
    expect(fake.opened).toEqual(['https://example.org/evidence']);
  });

  it('denies every permission request', () => {
    let granted: boolean | undefined;
    fake.permissions.request!(null, 'media', (answer: boolean) => (granted = answer));
    expect(granted).toBe(false);
    expect(fake.permissions.check!(null, 'notifications')).toBe(false);
  });

  it('on quit closes the window first, then flushes writes and releases the data folder lock', async () => {
    const handler = fake.ipcHandlers.get('factmark:call')!;
    const list = (await handler({ senderFrame: { url: pathToFileURL(rendererFile).href } }, 'library.list', {})) as { value: { id: string }[] };
    const articleId = list.value[0].id;
    await handler({ senderFrame: { url: pathToFileURL(rendererFile).href } }, 'claims.create', { articleId, range: { quote: 'no progress has been made' } });
    const event = { prevented: false, preventDefault() {
      this.prevented = true;
    } };
    expect(JSON.parse(await readFile(join(dataDir, 'factmark.lock'), 'utf8')).pid).toBe(process.pid);
    fake.appListeners.get('before-quit')!(event);
    expect(event.prevented).toBe(true);
    expect(fake.windows[0].isDestroyed()).toBe(true);
    await vi.waitFor(() => expect(fake.quit.count).toBe(1));
    const file = JSON.parse(await readFile(join(dataDir, 'articles', `${articleId}.json`), 'utf8'));
    expect(file.claims).toHaveLength(1);
    await expect(readFile(join(dataDir, 'factmark.lock'))).rejects.toThrow();
  });
});
