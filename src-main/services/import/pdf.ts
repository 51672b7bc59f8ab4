/**
 * PDF -> article, with pdfjs-dist (its legacy build runs in Node without a worker download). Each
 * page's positioned text goes through pdf-layout (reading order, columns, paragraphs, headings);
 * where each page starts in the article's text is kept as `pages`, so a claim can say "p. 12".
 * Title, author, language and date come from the PDF's document information. A PDF with no text
 * layer (a scan) is refused; an encrypted or damaged one gets a one-line error.
 */
import { FactmarkError } from '../../../src-shared/contract';
import type { PageStartEntry } from '../../../src-shared/model';
import { articleSchema } from '../../../src-shared/schema';
import { projectText } from '../../../src-shared/text';
import type { Converter } from './converted';
import { layoutBlocks, type LayoutPage, type TextRun } from './pdf-layout';
import type { MetaDraft } from './metadata';

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
type PdfDocument = Awaited<ReturnType<PdfJs['getDocument']>['promise']>;

let pdfjs: Promise<PdfJs> | null = null;

/** pdf.js, loaded on first use (it is large, and most imports are not PDFs). */
function loadPdfJs(): Promise<PdfJs> {
  pdfjs ??= import('pdfjs-dist/legacy/build/pdf.mjs');
  return pdfjs;
}

/** Control characters a PDF's text can carry that an article must not. */
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\ufffe\uffff]/g;

/** Open the PDF, turning pdf.js's failures into one-line invalid-input errors naming the file. */
async function openPdf(lib: PdfJs, bytes: Buffer, label: string): Promise<PdfDocument> {
  if (!bytes.subarray(0, 1024).includes('%PDF-')) throw new FactmarkError('invalid-input', `${label} is not a PDF document (no %PDF header)`);
  const task = lib.getDocument({
    data: new Uint8Array(bytes),
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    stopAtErrors: false,
    verbosity: lib.VerbosityLevel.ERRORS,
  });
  try {
    return await task.promise;
  } catch (error) {
    await task.destroy().catch(() => undefined);
    const name = (error as Error).name;
    if (name === 'PasswordException') {
      throw new FactmarkError('invalid-input', `${label} is password-protected (encrypted); remove the password and import it again`);
    }
    const reason = ((error as Error).message || name).split('\n')[0];
    throw new FactmarkError('invalid-input', `${label} is a damaged or unreadable PDF (${reason})`);
  }
}

/** The positioned text runs of one page. */
async function pageLayout(pdf: PdfDocument, n: number): Promise<LayoutPage> {
  const page = await pdf.getPage(n);
  const [x0, y0, x1, y1] = page.view;
  const content = await page.getTextContent();
  const runs: TextRun[] = [];
  for (const item of content.items) {
    if (!('str' in item)) continue;
    const [a, b, , d, e, f] = item.transform as number[];
    const size = Math.hypot(b, d) || Math.abs(a) || item.height;
    const family = content.styles[item.fontName]?.fontFamily ?? '';
    runs.push({
      text: item.str.replace(CONTROL, ''),
      x: e - x0,
      y: f - y0,
      width: item.width,
      size,
      bold: /bold|black|heavy/i.test(`${item.fontName} ${family}`),
    });
  }
  page.cleanup();
  return { width: x1 - x0, height: y1 - y0, runs };
}

/** An ISO date from a PDF date string ("D:20240115093000+01'00'"). */
function pdfDate(lib: PdfJs, value: unknown): string | undefined {
  if (typeof value !== 'string' || !value) return undefined;
  const date = lib.PDFDateString.toDateObject(value);
  return date && !Number.isNaN(date.getTime()) ? date.toISOString().slice(0, 10) : undefined;
}

function infoText(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const text = value.replace(CONTROL, '').replace(/\s+/g, ' ').trim();
  // Titles like "Microsoft Word - report.docx" name the file, not the document.
  return text && !/^(microsoft \w+ - |untitled\b)/i.test(text) ? text : undefined;
}

async function documentInfo(lib: PdfJs, pdf: PdfDocument): Promise<MetaDraft> {
  const { info } = (await pdf.getMetadata().catch(() => ({ info: {} }))) as { info: Record<string, unknown> };
  return {
    title: infoText(info.Title),
    byline: infoText(info.Author),
    language: infoText(info.Language),
    publishedAt: pdfDate(lib, info.CreationDate) ?? pdfDate(lib, info.ModDate),
  };
}

/** A .pdf file. */
export const convertPdf: Converter = async (bytes, source) => {
  const lib = await loadPdfJs();
  const pdf = await openPdf(lib, bytes, source.label);
  try {
    const pages: LayoutPage[] = [];
    for (let n = 1; n <= pdf.numPages; n++) pages.push(await pageLayout(pdf, n));
    if (!pages.some((p) => p.runs.some((r) => r.text.trim()))) {
      throw new FactmarkError('invalid-input', `${source.label} has no text layer (it looks like a scanned document); Factmark cannot read scanned PDFs yet (no OCR)`);
    }
    const labels = (await pdf.getPageLabels().catch(() => null)) ?? [];
    const blocks = layoutBlocks(pages);
    if (blocks.length === 0) throw new FactmarkError('invalid-input', `${source.label} holds no article text (only page numbers or running heads)`);
    const doc = articleSchema.node(
      'doc',
      null,
      blocks.map((b) =>
        b.kind === 'heading' ? articleSchema.node('heading', { level: b.level }, articleSchema.text(b.text)) : articleSchema.node('paragraph', null, articleSchema.text(b.text)),
      ),
    );
    const spans = projectText(doc).blocks;
    const pageStarts: PageStartEntry[] = [];
    blocks.forEach((b, i) => {
      if (i === 0 || blocks[i - 1].page !== b.page) pageStarts.push({ label: (labels[b.page] || String(b.page + 1)).slice(0, 40), start: spans[i].offset });
    });
    const meta = await documentInfo(lib, pdf);
    if (!meta.title && blocks[0]?.kind === 'heading') meta.title = blocks[0].text.slice(0, 500);
    return { doc, meta, pages: pageStarts };
  } finally {
    await pdf.destroy().catch(() => undefined);
  }
};
