/**
 * The desktop host's wiring (src-main/electron/desktop.ts), started with recording stand-ins for
 * Electron's parts against a real temp data folder: the window's security settings, the app://
 * page, the IPC sender check, the menu, navigation and link handling, and flush-on-quit. Each test
 * starts its own app.
 */
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { MenuItemConstructorOptions } from 'electron';
import { startDesktop, type Desktop } from '../../../src-main/electron/desktop';
import type { Factmark } from '../../../src-main/services/factmark';
import { makeTempDir } from '../../support/temp-library';
import { fakeElectron, type FakeElectron } from './fake-electron';

const printer = async () => Buffer.from('%PDF-');
const started: { dir: string; factmark: Factmark | null }[] = [];

afterEach(async () => {
  for (const { dir, factmark } of started.splice(0)) {
    await factmark?.close();
    await rm(dir, { recursive: true, force: true });
  }
});

/** Start the desktop app on a fresh data folder, with a built renderer of one page. */
async function launch(options: { packaged?: boolean; devServerUrl?: string; singleInstance?: boolean } = {}): Promise<{ electron: FakeElectron; desktop: Desktop; dataDir: string; factmark: Factmark | null }> {
  const dir = await makeTempDir('factmark-desktop-');
  const mainDir = join(dir, 'out', 'main');
  await mkdir(join(dir, 'out', 'renderer'), { recursive: true });
  await writeFile(join(dir, 'out', 'renderer', 'index.html'), '<!doctype html><title>Factmark</title>');
  const electron = fakeElectron({ packaged: options.packaged, singleInstance: options.singleInstance, appData: dir, appPath: process.cwd() });
  const desktop = startDesktop(electron.parts, { mainDir, devServerUrl: options.devServerUrl, pdfPrinter: printer, platform: 'linux' });
  const factmark = await desktop.ready;
  started.push({ dir, factmark });
  return { electron, desktop, dataDir: join(dir, 'Factmark', 'library'), factmark };
}

const callFrom = (electron: FakeElectron, url: string, name: string, payload: unknown) => electron.ipcHandlers.get('factmark:call')!({ senderFrame: { url } } as never, name as never, payload as never);

/** Every role and label in a menu template, depth first. */
function menuEntries(items: MenuItemConstructorOptions[]): string[] {
  return items.flatMap((item) => [item.role ?? item.label ?? item.type ?? '', ...(Array.isArray(item.submenu) ? menuEntries(item.submenu) : [])]);
}

describe('desktop host', () => {
  it('opens one hardened window on app://factmark/ (registered as a secure scheme before ready), without DevTools when packaged', async () => {
    const { electron } = await launch();
    expect(electron.privilegedSchemes).toEqual([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
    expect(electron.windows).toHaveLength(1);
    const prefs = electron.windows[0].options.webPreferences!;
    expect(prefs).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true, devTools: false });
    expect(String(prefs.preload)).toMatch(/out[/\\]preload[/\\]index\.cjs$/);
    expect(electron.windows[0].loaded).toBe('app://factmark/index.html');
    const page = await electron.protocolHandlers.get('app')!(new Request('app://factmark/index.html'));
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<title>Factmark</title>');
  });

  it('answers contract calls from its own page only, from the data folder with the sample', async () => {
    const { electron } = await launch();
    expect(await callFrom(electron, 'app://factmark/index.html', 'library.list', {})).toMatchObject({ ok: true, value: [{ title: expect.stringMatching(/Antalya/) }] });
    for (const foreign of ['https://evil.example/', 'file:///opt/factmark/out/renderer/index.html', 'app://evil/index.html', 'not a url']) {
      expect(await callFrom(electron, foreign, 'library.list', {}), foreign).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    }
    expect(await callFrom(electron, 'app://factmark/index.html', 'library.get', { articleId: '../x' })).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
  });

  it('in development loads the dev server and trusts exactly its origin, not a URL that merely starts with it', async () => {
    const { electron } = await launch({ packaged: false, devServerUrl: 'http://localhost:5173' });
    expect(electron.windows[0].loaded).toBe('http://localhost:5173');
    expect(electron.windows[0].options.webPreferences!.devTools).toBe(true);
    expect(await callFrom(electron, 'http://localhost:5173/index.html', 'library.list', {})).toMatchObject({ ok: true });
    for (const lookalike of ['http://localhost:51730/', 'http://localhost:5173.evil.example/', 'http://localhost:5173@evil.example/', 'app://factmark/index.html']) {
      expect(await callFrom(electron, lookalike, 'library.list', {}), lookalike).toMatchObject({ ok: false });
    }
  });

  it('a packaged app ignores a dev server URL from its environment', async () => {
    const { electron } = await launch({ packaged: true, devServerUrl: 'http://localhost:5173' });
    expect(electron.windows[0].loaded).toBe('app://factmark/index.html');
    expect(await callFrom(electron, 'http://localhost:5173/', 'library.list', {})).toMatchObject({ ok: false });
  });

  it('offers the developer tools in the View menu only in development', async () => {
    const packaged = await launch({ packaged: true });
    expect(menuEntries(packaged.electron.menu!)).not.toContain('toggleDevTools');
    expect(menuEntries(packaged.electron.menu!)).toEqual(expect.arrayContaining(['Import…', 'Export…', 'Undo', 'Redo', 'reload']));
    const development = await launch({ packaged: false });
    expect(menuEntries(development.electron.menu!)).toContain('toggleDevTools');
  });

  it('sends menu commands to the window’s page on the menu channel', async () => {
    const { electron } = await launch();
    const file = electron.menu!.find((item) => item.label === 'File')!.submenu as MenuItemConstructorOptions[];
    (file.find((item) => item.label === 'Export…')!.click as () => void)();
    expect(electron.windows[0].webContents.sent).toEqual([['factmark:menu', 'export']]);
  });

  it('blocks navigation, denies new windows and hands only http(s) links to the system browser', async () => {
    const { electron } = await launch();
    const contents = electron.windows[0].webContents;
    let prevented = false;
    contents.emit('will-navigate', { preventDefault: () => (prevented = true) }, 'https://elsewhere.example/');
    expect(prevented).toBe(true);
    expect(contents.openHandler!({ url: 'https://example.org/evidence' })).toEqual({ action: 'deny' });
    expect(contents.openHandler!({ url: 'file:///etc/passwd' })).toEqual({ action: 'deny' });
    expect(contents.openHandler!({ url: 'javascript:alert(1)' })).toEqual({ action: 'deny' });
    expect(electron.opened).toEqual(['https://example.org/evidence']);
  });

  it('denies every permission request', async () => {
    const { electron } = await launch();
    let granted: boolean | undefined;
    (electron.permissions.request as unknown as (...args: unknown[]) => void)(null, 'media', (answer: boolean) => (granted = answer));
    expect(granted).toBe(false);
    expect((electron.permissions.check as unknown as (...args: unknown[]) => boolean)(null, 'notifications')).toBe(false);
  });

  it('quits at once, opening nothing, when another instance is running', async () => {
    const { electron, factmark } = await launch({ singleInstance: false });
    expect(factmark).toBeNull();
    expect(electron.app.quits).toBe(1);
    expect(electron.windows).toEqual([]);
  });

  it('on quit closes the window first, then flushes writes and releases the data folder lock', async () => {
    const { electron, dataDir } = await launch();
    const list = (await callFrom(electron, 'app://factmark/index.html', 'library.list', {})) as { value: { id: string }[] };
    const articleId = list.value[0].id;
    await callFrom(electron, 'app://factmark/index.html', 'claims.create', { articleId, range: { quote: 'no progress has been made' } });
    expect(JSON.parse(await readFile(join(dataDir, 'factmark.lock'), 'utf8')).pid).toBe(process.pid);
    let prevented = false;
    electron.app.emit('before-quit', { preventDefault: () => (prevented = true) });
    expect(prevented).toBe(true);
    expect(electron.windows[0].isDestroyed()).toBe(true);
    await expect.poll(() => electron.app.quits).toBe(1);
    const file = JSON.parse(await readFile(join(dataDir, 'articles', `${articleId}.json`), 'utf8'));
    expect(file.claims).toHaveLength(1);
    await expect(readFile(join(dataDir, 'factmark.lock'))).rejects.toThrow();
  });
});
