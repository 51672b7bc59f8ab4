/**
 * The formats Factmark imports: a converter for each file extension (loaded on first use, so a
 * process that only lists or exports never loads jsdom or mammoth), and the extension whose
 * converter reads each fetched media type. Conversions run in the conversion worker.
 */
import { extname } from 'node:path';
import { FactmarkError } from '../../../src-shared/contract';
import type { Converter } from './converted';

/** Converters by lower-case file extension. */
export const CONVERTERS: Record<string, () => Promise<Converter>> = {
  '.txt': () => import('./plain-text').then((m) => m.convertPlainText),
  '.text': () => import('./plain-text').then((m) => m.convertPlainText),
  '.md': () => import('./markdown').then((m) => m.convertMarkdown),
  '.markdown': () => import('./markdown').then((m) => m.convertMarkdown),
  '.html': () => import('./html').then((m) => m.convertHtmlPage),
  '.htm': () => import('./html').then((m) => m.convertHtmlPage),
  '.xhtml': () => import('./html').then((m) => m.convertHtmlPage),
  '.docx': () => import('./docx').then((m) => m.convertDocx),
  '.pdf': () => import('./pdf').then((m) => m.convertPdf),
};

/** Extensions of files that may hold a Factmark export (JSON or W3C JSON-LD), restored rather than converted. */
export const EXPORT_EXTENSIONS = ['.json', '.jsonld'];

/** The file extension whose converter reads a fetched media type. */
export const EXTENSION_BY_MEDIA_TYPE: Record<string, string> = {
  'text/html': '.html',
  'application/xhtml+xml': '.html',
  'text/plain': '.txt',
  'text/markdown': '.md',
  'text/x-markdown': '.md',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': '.docx',
  'application/pdf': '.pdf',
  'application/x-pdf': '.pdf',
};

/** The import format (lower-case extension) of a file name; invalid-input naming the supported extensions otherwise. */
export function formatOf(fileName: string): string {
  const format = extname(fileName).toLowerCase();
  if (!(format in CONVERTERS)) {
    const ext = extname(fileName);
    throw new FactmarkError('invalid-input', `Cannot import ${ext ? `${ext} files` : 'files without an extension'}: use ${[...Object.keys(CONVERTERS), ...EXPORT_EXTENSIONS].join(', ')}`);
  }
  return format;
}
