/**
 * PDF export: the HTML report printed by a PdfPrinter, so its text stays selectable. In the desktop
 * app the Electron host registers webContents.printToPDF with setPdfPrinter; elsewhere (browser
 * host, CLI) Debian's Chromium prints it through playwright-core (chromium-printer.ts).
 */
import { FactmarkError } from '../../../src-shared/contract';
import { chromiumPrinter } from './chromium-printer';
import { renderHtml } from './html';
import type { ExportBundle, ExportDeps } from './types';

/** Prints a complete, self-contained HTML document to PDF bytes (A4, backgrounds printed). */
export type PdfPrinter = (html: string) => Promise<Buffer>;

let registered: PdfPrinter | null = null;

/**
 * Use `printer` for every PDF export in this process, or go back to Chromium with null. The
 * Electron host calls this once at startup with a printer over webContents.printToPDF.
 */
export function setPdfPrinter(printer: PdfPrinter | null): void {
  registered = printer;
}

/** The printer in force: the registered one, else Chromium (throws the one-line message when there is none). */
export function defaultPdfPrinter(): PdfPrinter {
  return registered ?? chromiumPrinter();
}

/** Render the bundle's one article as a PDF report. */
export async function renderPdf(bundle: ExportBundle, deps: ExportDeps): Promise<Buffer> {
  const html = renderHtml(bundle);
  const bytes = await deps.printer()(html);
  if (bytes.subarray(0, 5).toString('latin1') !== '%PDF-') throw new FactmarkError('internal', 'The PDF printer returned something that is not a PDF');
  return bytes;
}
