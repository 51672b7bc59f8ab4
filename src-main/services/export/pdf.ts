/**
 * PDF export: the HTML report printed by a PdfPrinter, so its text stays selectable and its links
 * and highlights are kept, with the report's title and "Page N of M" in every page's footer, tagged
 * where the printer can. The printer is injected: the desktop app passes one over
 * webContents.printToPDF when it opens the library (openFactmark's `printer`); elsewhere (browser
 * host, CLI) Debian's Chromium prints it through playwright-core (chromium-printer.ts).
 */
import { FactmarkError } from '../../../src-shared/contract';
import { isolateBidi, singleArticle } from './common';
import { escapeHtml } from './escape';
import { renderHtml, reportTitle } from './html';
import type { ExportBundle, ExportDeps } from './types';

/** What a printer is asked to put on every page besides the document. */
export interface PrintOptions {
  /** The running title for the footer, as plain text. */
  title: string;
}

/** Prints a complete, self-contained HTML document to PDF bytes (A4, backgrounds printed, tagged where possible). */
export type PdfPrinter = (html: string, options: PrintOptions) => Promise<Buffer>;

/**
 * The footer template Chromium draws in each page's bottom margin: the running title on the left,
 * "Page N of M" on the right (Chromium fills the pageNumber and totalPages spans).
 */
export function footerTemplate(title: string): string {
  const shown = title.length > 90 ? `${title.slice(0, 89)}…` : title;
  return `<div style="font:8px system-ui,sans-serif;color:#555;width:100%;margin:0 16mm;display:flex;justify-content:space-between;gap:8mm"><span style="overflow:hidden;white-space:nowrap;text-overflow:ellipsis">${escapeHtml(isolateBidi(shown))}</span><span style="white-space:nowrap">Page <span class="pageNumber"></span> of <span class="totalPages"></span></span></div>`;
}

/** An empty header, so Chromium draws none of its own (date, URL) when the footer is on. */
export const EMPTY_HEADER = '<span></span>';

/** Render the bundle's one article as a PDF report. */
export async function renderPdf(bundle: ExportBundle, deps: ExportDeps): Promise<Buffer> {
  const html = renderHtml(bundle);
  const bytes = await deps.printer()(html, { title: reportTitle(singleArticle(bundle)) });
  if (bytes.subarray(0, 5).toString('latin1') !== '%PDF-') throw new FactmarkError('internal', 'The PDF printer returned something that is not a PDF');
  return bytes;
}
