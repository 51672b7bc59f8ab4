/** The desktop app's entry: Electron's real parts handed to startDesktop (desktop.ts). */
import { fileURLToPath } from 'node:url';
import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, safeStorage, session, shell, utilityProcess } from 'electron';
import { defaultDataDir } from '../paths';
import { startDesktop } from './desktop';
import { electronPdfPrinter } from './pdf-printer';
import { utilityProcessWorkers } from './utility-worker';

startDesktop(
  { app, BrowserWindow, Menu, dialog, ipcMain, protocol, session, shell, safeStorage },
  {
    mainDir: fileURLToPath(new URL('.', import.meta.url)),
    devServerUrl: process.env.ELECTRON_RENDERER_URL,
    dataDir: process.env.FACTMARK_DATA_DIR ? defaultDataDir() : undefined,
    pdfPrinter: electronPdfPrinter,
    importWorkers: utilityProcessWorkers((modulePath, args, options) => utilityProcess.fork(modulePath, args, options)),
  },
);
