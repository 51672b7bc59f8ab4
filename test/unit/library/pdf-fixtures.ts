/**
 * Test PDFs generated with pdf-lib (nothing binary is committed): flowing text with headings,
 * page numbers and running heads, two-column pages, an image-only "scan", a password-protected
 * file and a truncated one.
 */
import { PDFDocument, PDFName, PDFHexString, StandardFonts, type PDFFont, type PDFPage } from 'pdf-lib';

export type PdfBlock = { heading: string; size?: number } | { paragraph: string };

export interface PdfSpec {
  title?: string;
  author?: string;
  created?: Date;
  /** One entry per page: its blocks, flowed in one column (or two, with `columns: 2`). */
  pages: { blocks: PdfBlock[]; columns?: 1 | 2 }[];
  /** A running head on every page and the page number at the foot. */
  furniture?: { header: string };
}

const PAGE = { width: 595, height: 842, margin: 60 };
const BODY = 11;

/** Lines of `text` that fit `width` at `size`. */
function wrap(text: string, font: PDFFont, size: number, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    const next = line ? `${line} ${word}` : word;
    if (font.widthOfTextAtSize(next, size) > width && line) {
      lines.push(line);
      line = word;
    } else line = next;
  }
  if (line) lines.push(line);
  return lines;
}

interface PlacedLine {
  text: string;
  x: number;
  y: number;
  size: number;
  bold: boolean;
}

/** Place blocks top-down in a column; paragraphs are separated by a blank line's height. */
function flow(blocks: PdfBlock[], x: number, width: number, top: number, fonts: { regular: PDFFont; bold: PDFFont }): PlacedLine[] {
  const out: PlacedLine[] = [];
  let y = top;
  for (const block of blocks) {
    const heading = 'heading' in block;
    const size = heading ? (block.size ?? 18) : BODY;
    const font = heading ? fonts.bold : fonts.regular;
    for (const text of wrap(heading ? block.heading : block.paragraph, font, size, width)) {
      out.push({ text, x, y, size, bold: heading });
      y -= size * 1.3;
    }
    y -= heading ? size * 0.4 : BODY * 1.1;
  }
  return out;
}

function draw(page: PDFPage, lines: PlacedLine[], fonts: { regular: PDFFont; bold: PDFFont }): void {
  for (const l of lines) page.drawText(l.text, { x: l.x, y: l.y, size: l.size, font: l.bold ? fonts.bold : fonts.regular });
}

/** A PDF with a text layer laid out as `spec` says. Two-column pages draw their lines interleaved (left, right, left…), as many generators do. */
export async function makeTextPdf(spec: PdfSpec): Promise<Buffer> {
  const doc = await PDFDocument.create();
  if (spec.title) doc.setTitle(spec.title);
  if (spec.author) doc.setAuthor(spec.author);
  doc.setCreationDate(spec.created ?? new Date('2024-03-05T10:00:00Z'));
  const fonts = { regular: await doc.embedFont(StandardFonts.TimesRoman), bold: await doc.embedFont(StandardFonts.HelveticaBold) };
  spec.pages.forEach((p, i) => {
    const page = doc.addPage([PAGE.width, PAGE.height]);
    const top = PAGE.height - PAGE.margin - 20;
    const inner = PAGE.width - 2 * PAGE.margin;
    if (p.columns === 2) {
      const [first, ...rest] = p.blocks;
      const title = first && 'heading' in first ? flow([first], PAGE.margin, inner, top, fonts) : [];
      const bodyTop = title.length ? title[title.length - 1].y - 36 : top;
      const blocks = title.length ? rest : p.blocks;
      const half = Math.ceil(blocks.length / 2);
      const colWidth = (inner - 30) / 2;
      const left = flow(blocks.slice(0, half), PAGE.margin, colWidth, bodyTop, fonts);
      const right = flow(blocks.slice(half), PAGE.margin + colWidth + 30, colWidth, bodyTop, fonts);
      draw(page, title, fonts);
      for (let k = 0; k < Math.max(left.length, right.length); k++) draw(page, [left[k], right[k]].filter(Boolean), fonts);
    } else draw(page, flow(p.blocks, PAGE.margin, inner, top, fonts), fonts);
    if (spec.furniture) {
      page.drawText(spec.furniture.header, { x: PAGE.margin, y: PAGE.height - 30, size: 8, font: fonts.regular });
      page.drawText(String(i + 1), { x: PAGE.width / 2, y: 25, size: 9, font: fonts.regular });
    }
  });
  return Buffer.from(await doc.save());
}

/** A one-pixel PNG, drawn large: a page that is only an image, like a scan. */
const PIXEL_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

/** A "scanned" PDF: pages holding only an image, no text layer. */
export async function makeScannedPdf(pages = 2): Promise<Buffer> {
  const doc = await PDFDocument.create();
  const image = await doc.embedPng(PIXEL_PNG);
  for (let i = 0; i < pages; i++) doc.addPage([PAGE.width, PAGE.height]).drawImage(image, { x: 0, y: 0, width: PAGE.width, height: PAGE.height });
  return Buffer.from(await doc.save());
}

/**
 * A password-protected PDF: a standard security handler (RC4, revision 2) whose user password is
 * not empty, so no reader opens it without the password.
 */
export async function makeEncryptedPdf(): Promise<Buffer> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.TimesRoman);
  doc.addPage().drawText('Secret text', { x: 50, y: 700, size: 12, font });
  const ctx = doc.context;
  const encrypt = ctx.obj({
    Filter: 'Standard',
    V: 1,
    R: 2,
    O: PDFHexString.of('a1'.repeat(32)),
    U: PDFHexString.of('b2'.repeat(32)),
    P: -44,
  });
  ctx.trailerInfo.Encrypt = ctx.register(encrypt);
  ctx.trailerInfo.ID = ctx.obj([PDFHexString.of('c3'.repeat(16)), PDFHexString.of('c3'.repeat(16))]);
  void PDFName;
  return Buffer.from(await doc.save({ useObjectStreams: false }));
}

/** A PDF cut off after its first quarter (a broken download). */
export async function makeTruncatedPdf(): Promise<Buffer> {
  const whole = await makeTextPdf({ pages: [{ blocks: [{ paragraph: 'Some text that will be cut off.' }] }] });
  return whole.subarray(0, Math.floor(whole.length / 4));
}
