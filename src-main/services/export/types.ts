/** Shared shapes of the export formats: what a format is given, and what it is. */
import type { z } from 'zod';
import type { ExportedFile, ExportFormat, ExportFormatInfo, PreferencesRecord } from '../../../src-shared/contract';
import type { ArticleRecord, ClaimRecord } from '../../../src-shared/model';
import type { PdfPrinter } from './pdf';

export type ExportFormatId = z.infer<typeof ExportFormat>;
export type ExportFormatDescription = z.infer<typeof ExportFormatInfo>;
export type ExportedFileRecord = z.infer<typeof ExportedFile>;

/** One article as exported: its record, its claims in document order, and its plain-text projection. */
export interface ExportedArticle {
  article: ArticleRecord;
  claims: ClaimRecord[];
  text: string;
}

/** Choices the reviewer makes for one export. */
export interface ExportOptions {
  /** Publish the internal notes (claim notes, evidence notes) in the reports; off unless chosen. */
  includeNotes: boolean;
}

/** Everything a format renders from. `exportedAt` comes from the service clock, so output is reproducible. */
export interface ExportBundle {
  articles: ExportedArticle[];
  prefs: PreferencesRecord;
  exportedAt: string;
  options: ExportOptions;
}

/** What a format may need beyond the data: only PDF needs something (a printer). */
export interface ExportDeps {
  /** Returns the printer to use; called only when a PDF is asked for. */
  printer: () => PdfPrinter;
}

export type { PdfPrinter };

/** One export format: its description plus a render function. Text formats render synchronously. */
export interface ExportFormatSpec extends ExportFormatDescription {
  render(bundle: ExportBundle, deps: ExportDeps): string | Promise<Buffer>;
}
