/** PDF export in the desktop app: the report printed by a hidden, script-less window's printToPDF. */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BrowserWindow } from 'electron';
import { EMPTY_HEADER, footerTemplate, type PdfPrinter } from '../services/export/pdf';

export const electronPdfPrinter: PdfPrinter = async (html, { title }) => {
  const folder = await mkdtemp(join(tmpdir(), 'factmark-pdf-'));
  const file = join(folder, 'report.html');
  const win = new BrowserWindow({
    show: false,
    webPreferences: { javascript: false, sandbox: true, contextIsolation: true, nodeIntegration: false, disableBlinkFeatures: 'Auxclick' },
  });
  try {
    await writeFile(file, html, 'utf8');
    await win.loadFile(file);
    return await win.webContents.printToPDF({
      printBackground: true,
      pageSize: 'A4',
      preferCSSPageSize: true,
      generateTaggedPDF: true,
      generateDocumentOutline: true,
      displayHeaderFooter: true,
      headerTemplate: EMPTY_HEADER,
      footerTemplate: footerTemplate(title),
    });
  } finally {
    win.destroy();
    await rm(folder, { recursive: true, force: true });
  }
};
