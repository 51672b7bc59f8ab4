/**
 * The import service: bytes of a file -> {meta, doc} by the file's format, then a new article.
 * Each format is a converter in this folder; this module picks one and checks the result.
 */
import { basename, extname } from 'node:path';
import { FactmarkError } from '../../../src-shared/contract';
import type { ArticleMetaFields, ArticleRecord } from '../../../src-shared/model';
import type { ServiceContext } from '../context';
import { createLibraryService } from '../library';
import type { DocJSONValue } from './doc-json';
import { plainTextToDoc, splitParagraphs } from './plain-text';

/** Largest file accepted for import. */
export const MAX_IMPORT_BYTES = 25 * 1024 * 1024;

export interface Converted {
  meta: Partial<ArticleMetaFields>;
  doc: DocJSONValue;
}

export type Converter = (bytes: Buffer, fileName: string) => Promise<Converted> | Converted;

/** Decode bytes as UTF-8 text, refusing binary content. */
export function decodeText(bytes: Buffer): string {
  if (bytes.includes(0)) throw new FactmarkError('invalid-input', 'The file is binary, not text');
  return bytes.toString('utf8').replace(/^\uFEFF/, '');
}

/** A readable title from a file name: "antalya-talks.txt" -> "Antalya talks". */
export function titleFromFileName(fileName: string): string {
  const stem = basename(fileName, extname(fileName)).replace(/[-_]+/g, ' ').trim();
  return stem ? stem[0].toUpperCase() + stem.slice(1) : 'Untitled article';
}

/** Plain text: the first line is the title when it is short and more paragraphs follow. */
const convertPlainText: Converter = (bytes, fileName) => {
  const text = decodeText(bytes);
  const paragraphs = splitParagraphs(text);
  const first = paragraphs[0] ?? '';
  const looksLikeTitle = paragraphs.length > 1 && first.length <= 150 && !/[.!?]$/.test(first);
  return { meta: { title: looksLikeTitle ? first : titleFromFileName(fileName) }, doc: plainTextToDoc(text) };
};

/** Converters by lower-case file extension. */
export const CONVERTERS: Record<string, Converter> = {
  '.txt': convertPlainText,
  '.text': convertPlainText,
  '.md': convertPlainText,
  '.markdown': convertPlainText,
};

export function createImportService(ctx: ServiceContext) {
  const library = createLibraryService(ctx);

  async function importFile(fileName: string, bytes: Buffer): Promise<ArticleRecord> {
    const converter = CONVERTERS[extname(fileName).toLowerCase()];
    if (!converter) {
      throw new FactmarkError('invalid-input', `Cannot import ${extname(fileName) || 'files without an extension'}: use ${Object.keys(CONVERTERS).join(', ')}`);
    }
    if (bytes.length === 0) throw new FactmarkError('invalid-input', `${basename(fileName)} is empty`);
    if (bytes.length > MAX_IMPORT_BYTES) throw new FactmarkError('invalid-input', `${basename(fileName)} is over 25 MB`);
    const { meta, doc } = await converter(bytes, fileName);
    return library.create({ meta: { ...meta, title: meta.title || titleFromFileName(fileName) }, doc });
  }

  return { importFile };
}
