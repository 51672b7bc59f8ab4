/**
 * One conversion job, as the conversion worker runs it: "convert these bytes of format X" (a file,
 * a fetched page) or a paste, to metadata and document JSON that can cross a thread boundary.
 * Failures become a plain { code, message }: a parser's stack overflow is the one-line refusal
 * for input too complex to import.
 */
import type { PageStartEntry } from '../../../src-shared/model';
import { FactmarkError, type ErrorCode } from '../../../src-shared/contract';
import type { Source } from './converted';
import { CONVERTERS } from './formats';
import type { MetaDraft } from './metadata';

export type ConversionJob =
  /** A file or fetched page; `format` is a key of CONVERTERS (".html", ".docx", ...). */
  | { kind: 'bytes'; format: string; bytes: Uint8Array; source: Source }
  /** Pasted content: rich HTML when there is some, and its plain text. */
  | { kind: 'paste'; html?: string; text: string; label: string };

/** A converted article that can be posted between threads: the document as JSON. */
export interface ConvertedData {
  meta: MetaDraft;
  doc: Record<string, unknown>;
  /** Where each page starts in the text (PDF). */
  pages?: PageStartEntry[];
}

export type ConversionOutcome = { ok: true; value: ConvertedData } | { ok: false; error: { code: ErrorCode; message: string } };

/** The refusal for input whose conversion ran out of time, memory or stack. */
export function tooComplex(label: string): FactmarkError {
  return new FactmarkError('invalid-input', `${label}: this file is too large or too complex to import`);
}

function labelOf(job: ConversionJob): string {
  return job.kind === 'paste' ? job.label : job.source.label;
}

async function convert(job: ConversionJob): Promise<ConvertedData> {
  if (job.kind === 'paste') {
    const { convertPaste } = await import('./paste');
    const converted = convertPaste(job.html, job.text, job.label);
    return { meta: converted.meta, doc: converted.doc.toJSON() };
  }
  const load = CONVERTERS[job.format];
  if (!load) throw new FactmarkError('invalid-input', `Cannot import ${job.format} files`);
  const converted = await (await load())(Buffer.from(job.bytes.buffer, job.bytes.byteOffset, job.bytes.byteLength), job.source);
  return { meta: converted.meta, doc: converted.doc.toJSON(), ...(converted.pages ? { pages: converted.pages } : {}) };
}

/** Run a job; never throws. */
export async function runConversion(job: ConversionJob): Promise<ConversionOutcome> {
  try {
    return { ok: true, value: await convert(job) };
  } catch (error) {
    if (error instanceof FactmarkError) return { ok: false, error: { code: error.code, message: error.message } };
    if (error instanceof RangeError && /call stack/i.test(error.message)) {
      return { ok: false, error: { code: 'invalid-input', message: tooComplex(labelOf(job)).message } };
    }
    return { ok: false, error: { code: 'internal', message: `Import failed: ${String((error as Error)?.message ?? error).split('\n')[0]}` } };
  }
}

/** Load every converter (the worker does this once at start, so a job's time budget is spent on parsing). */
export async function loadConverters(): Promise<void> {
  await Promise.all([...Object.values(CONVERTERS).map((load) => load()), import('./paste')]);
}
