/**
 * The desktop app, started by startDesktop with Electron's parts passed in (main.ts passes the
 * real ones; tests pass fakes): one instance, one hardened window on app://factmark/, the
 * contract over IPC; on quit the window closes first (waiting for a change its page is still
 * saving), then writes are flushed and the lock released.
 */
import { join } from 'node:path';
import type { App, BrowserWindowConstructorOptions, Dialog, IpcMain, Menu as ElectronMenu, MenuItemConstructorOptions, Protocol, Session, Shell } from 'electron';
import type { PdfPrinter } from '../services/export/pdf';
import { PRELOAD_AFTER_MS } from '../search/library-index';
import { openFactmark, type Factmark } from '../services/factmark';
import { ConversionWorker, conversionWorkerScript, DEFAULT_CONVERSION_LIMITS, type StartWorker } from '../services/import/conversion-host';
import { APP_PAGE_URL, APP_SCHEME, APP_SCHEME_PRIVILEGES, appProtocolHandler } from './app-protocol';
import { MENU_CHANNEL } from './channels';
import { closeAll, guardClose, type GuardedWindow } from './close-guard';
import { registerIpc, trustedSender } from './ipc';
import { menuTemplate, type MenuCommand } from './menu';
import { denyAllPermissions, lockNavigation, type NavigableContents } from './security';
import { safeStorageSecrets, type SafeStorageParts } from './sync-secrets';
import { resumeSync } from '../sync';

/** What the app uses of a BrowserWindow. */
export type DesktopWindow = GuardedWindow & {
  once(event: 'ready-to-show' | 'closed', listener: () => void): unknown;
  show(): void;
  focus(): void;
  restore(): void;
  isMinimized(): boolean;
  loadURL(url: string): Promise<void>;
  webContents: GuardedWindow['webContents'] & NavigableContents & { send(channel: string, ...args: unknown[]): void };
};

/** Electron's parts the app uses, passed in. */
export interface ElectronParts {
  app: Pick<App, 'requestSingleInstanceLock' | 'setName' | 'whenReady' | 'getPath' | 'getAppPath' | 'quit' | 'exit' | 'isPackaged'> & {
    on(event: string, listener: (...args: never[]) => void): unknown;
  };
  BrowserWindow: { new (options: BrowserWindowConstructorOptions): DesktopWindow; getAllWindows(): DesktopWindow[] };
  Menu: { buildFromTemplate(template: MenuItemConstructorOptions[]): ElectronMenu; setApplicationMenu(menu: ElectronMenu | null): void };
  dialog: Pick<Dialog, 'showErrorBox'>;
  ipcMain: Pick<IpcMain, 'handle'>;
  protocol: Pick<Protocol, 'registerSchemesAsPrivileged' | 'handle'>;
  session: { defaultSession: Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler'> };
  shell: Pick<Shell, 'openExternal'>;
  /** Encrypts the team library's password (absent in tests: the password then comes from the environment or a 0600 file). */
  safeStorage?: SafeStorageParts;
}

export interface DesktopOptions {
  /** The built main process's folder (out/main): the preload and the renderer are beside it. */
  mainDir: string;
  /** The electron-vite dev server's URL (ELECTRON_RENDERER_URL), used only when not packaged. */
  devServerUrl?: string;
  /** FACTMARK_DATA_DIR, when set. */
  dataDir?: string;
  pdfPrinter: PdfPrinter;
  /** How import conversion workers start (main.ts: Electron utility processes); default: worker threads. */
  importWorkers?: StartWorker;
  platform?: NodeJS.Platform;
}

export interface Desktop {
  /** Resolves once the library is open and the window created; null when another instance runs. */
  ready: Promise<Factmark | null>;
}

export function startDesktop(electron: ElectronParts, options: DesktopOptions): Desktop {
  const { app, BrowserWindow, Menu, dialog, ipcMain, protocol, session, shell } = electron;
  const platform = options.platform ?? process.platform;
  const devServerUrl = options.devServerUrl && !app.isPackaged ? options.devServerUrl : null;
  let mainWindow: DesktopWindow | null = null;
  let factmark: Factmark | null = null;

  function createWindow(): DesktopWindow {
    const win = new BrowserWindow({
      width: 1400,
      height: 900,
      minWidth: 900,
      minHeight: 600,
      title: 'Factmark',
      show: false,
      ...(platform === 'linux' ? { icon: join(app.getAppPath(), 'resources', 'icons', 'icon.png') } : {}),
      webPreferences: {
        // electronegativity-ok PRELOAD_JS_CHECK: the preload only exposes one narrow contextBridge object (src-main/preload/index.ts) that forwards contract operations by name.
        preload: join(options.mainDir, '../preload/index.cjs'),
        contextIsolation: true,
        sandbox: true,
        nodeIntegration: false,
        webSecurity: true,
        spellcheck: false,
        devTools: !app.isPackaged,
        disableBlinkFeatures: 'Auxclick', // middle-click must not open links in new windows
      },
    });
    lockNavigation(win.webContents, shell);
    win.once('ready-to-show', () => win.show());
    guardClose(win);
    void win.loadURL(devServerUrl ?? APP_PAGE_URL);
    return win;
  }

  async function open(): Promise<Factmark> {
    const dataDir = options.dataDir ?? join(app.getPath('appData'), 'Factmark', 'library');
    const resourcesDir = join(app.getAppPath(), 'resources');
    const conversions = options.importWorkers ? new ConversionWorker(DEFAULT_CONVERSION_LIMITS, conversionWorkerScript(), options.importWorkers) : undefined;
    factmark = await openFactmark({ dataDir, resourcesDir, printer: options.pdfPrinter, preloadIndexAfterMs: PRELOAD_AFTER_MS, ...(conversions ? { conversions } : {}) });
    // A library in a team resumes syncing in the background (its status says how it went).
    void resumeSync(factmark.ctx, { resourcesDir, ...(electron.safeStorage ? { secrets: safeStorageSecrets(dataDir, electron.safeStorage) } : {}) });
    denyAllPermissions(session.defaultSession);
    protocol.handle(APP_SCHEME, appProtocolHandler(join(options.mainDir, '../renderer')));
    registerIpc(ipcMain, factmark.dispatcher, trustedSender(devServerUrl));
    const send = (command: MenuCommand) => mainWindow?.webContents.send(MENU_CHANNEL, command);
    Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate(send, { platform, development: !app.isPackaged })));
    mainWindow = createWindow();
    return factmark;
  }

  // Before the app is ready: app:// is a standard, secure scheme.
  protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return { ready: Promise.resolve(null) };
  }
  app.setName('Factmark');
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  app.on('web-contents-created', (_event: unknown, contents: NavigableContents) => lockNavigation(contents, shell));
  app.on('window-all-closed', () => {
    if (platform !== 'darwin') app.quit();
  });
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0 && factmark) mainWindow = createWindow();
  });
  let quitting = false;
  let closed = false;
  app.on('before-quit', (event: { preventDefault(): void }) => {
    if (closed || !factmark) return;
    event.preventDefault();
    if (quitting) return; // already under way (closing the last window asks to quit again)
    quitting = true;
    // The windows first, so a change a page is still saving reaches the store; then flush pending
    // writes and release the data folder's write lock.
    const library = factmark;
    void closeAll(BrowserWindow.getAllWindows())
      .then(() => library.close())
      .finally(() => {
        closed = true;
        app.quit();
      });
  });
  const ready = app
    .whenReady()
    .then(open)
    .catch((error: Error) => {
      dialog.showErrorBox('Factmark could not start', error.message);
      app.exit(1);
      return null;
    });
  return { ready };
}
