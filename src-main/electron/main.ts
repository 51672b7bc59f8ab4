/**
 * The desktop app: one instance, one hardened window, the contract over IPC; on quit the window
 * closes first (waiting for a change its page is still saving), then writes are flushed and the
 * lock released.
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, BrowserWindow, dialog, Menu, session } from 'electron';
import { defaultDataDir } from '../paths';
import { openFactmark, type Factmark } from '../services/factmark';
import { closeAll, guardClose } from './close-guard';
import { registerIpc } from './ipc';
import { buildMenu } from './menu';
import { electronPdfPrinter } from './pdf-printer';
import { denyAllPermissions, lockNavigation } from './security';

const here = fileURLToPath(new URL('.', import.meta.url));
const rendererUrl = process.env.ELECTRON_RENDERER_URL;
const rendererFile = join(here, '../renderer/index.html');

let mainWindow: BrowserWindow | null = null;
let factmark: Factmark | null = null;

/** Only the app's own page may call the contract. */
function isTrustedSender(url: string): boolean {
  if (rendererUrl && !app.isPackaged) return url.startsWith(rendererUrl);
  try {
    return new URL(url).protocol === 'file:' && fileURLToPath(url) === rendererFile;
  } catch {
    return false;
  }
}

function createWindow(): BrowserWindow {
  const win = new BrowserWindow({
    width: 1400,
    height: 900,
    minWidth: 900,
    minHeight: 600,
    title: 'Factmark',
    show: false,
    webPreferences: {
      // electronegativity-ok PRELOAD_JS_CHECK: the preload only exposes one narrow contextBridge object (src-main/preload/index.ts) that forwards contract operations by name.
      preload: join(here, '../preload/index.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: false,
      disableBlinkFeatures: 'Auxclick', // middle-click must not open links in new windows
    },
  });
  lockNavigation(win.webContents);
  win.once('ready-to-show', () => win.show());
  guardClose(win);
  if (rendererUrl && !app.isPackaged) void win.loadURL(rendererUrl);
  else void win.loadFile(rendererFile);
  return win;
}

async function start(): Promise<void> {
  const dataDir = process.env.FACTMARK_DATA_DIR ? defaultDataDir() : join(app.getPath('appData'), 'Factmark', 'library');
  factmark = await openFactmark({ dataDir, resourcesDir: join(app.getAppPath(), 'resources'), printer: electronPdfPrinter });
  denyAllPermissions(session.defaultSession);
  registerIpc(factmark.dispatcher, isTrustedSender);
  Menu.setApplicationMenu(buildMenu(() => mainWindow));
  mainWindow = createWindow();
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.setName('Factmark');
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  app.on('web-contents-created', (_event, contents) => lockNavigation(contents));
  app.whenReady().then(start).catch((error: Error) => {
    dialog.showErrorBox('Factmark could not start', error.message);
    app.exit(1);
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0 && factmark) mainWindow = createWindow();
  });
  let quitting = false;
  let closed = false;
  app.on('before-quit', (event) => {
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
}
