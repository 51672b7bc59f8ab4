/**
 * The import service: a file's bytes, a URL or a paste -> a converter by format -> a new
 * article. Importing text that is already in the library (same textHash) returns the existing
 * article and writes nothing; a changed page from an already imported URL becomes a new version
 * linked to the previous one, with its claims carried over (as with an explicit newVersionOf).
 * Any rejection happens before anything is written.
 */
import { basename } from 'node:path';
import { FactmarkError, type ParsedRequestOf, type ResponseOf } from '../../../src-shared/contract';
import { docText } from '../../../src-shared/text';
import type { ServiceContext } from '../context';
import { hashText, parseDoc } from '../documents';
import { addArticle } from '../library';
import { carryClaims, checkNewVersionOf, versionNumber, type CarryCounts } from '../versions';
import type { ConversionJob } from './conversion';
import { titleFromFileName, titleFromText, titleFromUrl, type Converted } from './converted';
import { importExportFile, isExportFile } from './factmark-export';
import { EXTENSION_BY_MEDIA_TYPE, formatOf } from './formats';
import { checkSize, MAX_IMPORT_BYTES } from './input-checks';
import { withHeadline } from './headline';
import { completeMeta, normaliseUrl } from './metadata';
import { fetchPage } from './url';

export { CONVERTERS } from './formats';
export { MAX_IMPORT_BYTES };

/** What an import returns: the article, and whether it was already in the library. */
type ImportResult = ResponseOf<'import.file'>;

/** The same address, ignoring a fragment and a trailing slash. */
function sameUrl(a: string, b: string): boolean {
  const key = (u: string) => normaliseUrl(u)?.replace(/\/$/, '');
  return !!a && !!b && key(a) === key(b);
}

export function createImportService(ctx: ServiceContext) {
  /** Convert in the conversion worker (off this thread, under its memory cap and time budget). */
  async function convert(job: ConversionJob): Promise<Converted> {
    const { meta, doc, pages } = await ctx.conversions.convert(job);
    return { meta, doc: parseDoc(doc), ...(pages ? { pages } : {}) };
  }

  /**
   * Store a converted article, or return the existing one with the same text; `fallbackTitle` is
   * made from its text. With `newVersionOf` (or a known source URL) it is a new version and the
   * previous version's claims are carried over (see ../versions.ts).
   */
  function keep(received: Converted, fallbackTitle: (text: string) => string, newVersionOf?: string, sourceTitle: string | null | undefined = received.meta.title): Promise<ImportResult> {
    const body = docText(received.doc);
    if (!body.trim()) throw new FactmarkError('invalid-input', 'The article has no text');
    // The headline leads the text (claimable like any text); the same text imported before it did is still a duplicate.
    const converted = { ...received, ...withHeadline(received.doc, sourceTitle?.slice(0, 500), received.pages) };
    const text = docText(converted.doc);
    const textHash = hashText(text);
    const hashes = new Set([textHash, hashText(body)]);
    // Conversion ran outside the write queue; the duplicate check and the save run inside it.
    return ctx.exclusive(() => keepNew(converted, fallbackTitle(body), text, textHash, hashes, newVersionOf));
  }

  async function keepNew(converted: Converted, fallbackTitle: string, text: string, textHash: string, sameText: ReadonlySet<string>, newVersionOf?: string): Promise<ImportResult> {
    const rows = (await ctx.store.index()).articles;
    const named = newVersionOf === undefined ? undefined : checkNewVersionOf(rows, newVersionOf, textHash);
    const same = rows.find((row) => sameText.has(row.textHash));
    if (same) return { article: (await ctx.store.article(same.id)).article, duplicate: true };

    const meta = completeMeta(converted.meta, fallbackTitle);
    const previous =
      named ??
      (meta.sourceUrl
        ? [...rows].sort((a, b) => b.importedAt.localeCompare(a.importedAt)).find((row) => sameUrl(row.sourceUrl, meta.sourceUrl))
        : undefined);
    if (!previous) return { article: await addArticle(ctx, { meta, doc: converted.doc, text, textHash, pages: converted.pages }), duplicate: false };

    const previousData = await ctx.store.article(previous.id);
    let counts: CarryCounts | undefined;
    const reviewer = (await ctx.store.prefs()).reviewer;
    const article = await addArticle(ctx, {
      meta,
      doc: converted.doc,
      text,
      textHash,
      previousVersionId: previous.id,
      pages: converted.pages,
      claimsFor: (created) => {
        const carried = carryClaims(ctx, {
          previous: previousData,
          previousText: ctx.texts.of(previousData.article),
          previousVersion: versionNumber(rows, previous.id),
          articleId: created.id,
          text,
          reviewer,
        });
        counts = carried.counts;
        return carried.claims;
      },
    });
    return { article, duplicate: false, carried: counts };
  }

  /** Import a file's bytes; the extension picks the format (a Factmark export is restored). */
  async function importFile(fileName: string, bytes: Buffer, newVersionOf?: string): Promise<ImportResult> {
    const label = basename(fileName);
    if (isExportFile(fileName)) {
      if (newVersionOf !== undefined) throw new FactmarkError('invalid-input', `${label} is a Factmark export: it restores its own articles and cannot be a new version of another`);
      checkSize(bytes, label);
      return importExportFile(ctx, fileName, bytes);
    }
    const format = formatOf(fileName);
    checkSize(bytes, label);
    const converted = await convert({ kind: 'bytes', format, bytes, source: { label, fileName: label } });
    return keep(converted, () => titleFromFileName(fileName), newVersionOf);
  }

  /** Fetch a web address and import what it serves (a page, text, Markdown, a .docx or a PDF). */
  async function importUrl(url: string, newVersionOf?: string): Promise<ImportResult> {
    const page = await fetchPage(url);
    checkSize(page.bytes, page.url);
    const mediaType = page.contentType.split(';')[0].trim().toLowerCase();
    const extension = mediaType ? EXTENSION_BY_MEDIA_TYPE[mediaType] : '.html';
    if (!extension) throw new FactmarkError('invalid-input', `${page.url} is not a web page (it is ${mediaType})`);
    const source = { label: page.url, url: page.url, contentType: page.contentType };
    const converted = await convert({ kind: 'bytes', format: extension, bytes: page.bytes, source });
    // The fetched address is the source when the page names no canonical one.
    converted.meta.sourceUrl ??= page.url;
    return keep(converted, () => titleFromUrl(page.url), newVersionOf);
  }

  /** Import pasted content: rich HTML through the sanitiser, or plain text. */
  async function importPaste(input: ParsedRequestOf<'import.paste'>): Promise<ImportResult> {
    const label = 'The pasted text';
    const html = input.html?.trim() ? input.html : undefined;
    const text = input.text ?? '';
    const size = Buffer.byteLength(html ?? text, 'utf8');
    if (size > MAX_IMPORT_BYTES) throw new FactmarkError('invalid-input', `${label} is over 25 MB`);
    if (!html && !text.trim()) throw new FactmarkError('invalid-input', `${label} is empty`);
    const converted = await convert({ kind: 'paste', html, text, label });
    const title = input.title?.trim() || converted.meta.title;
    // A title typed for the paste names it; it is not the pasted text's headline.
    return keep({ ...converted, meta: { ...converted.meta, title } }, titleFromText, input.newVersionOf, input.title?.trim() ? null : converted.meta.title);
  }

  return { importFile, importUrl, importPaste };
}
