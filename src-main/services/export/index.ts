/**
 * The export service: loads articles and claims, picks a format from the registry and renders a
 * file (text, or base64 bytes for PDF); previews the HTML report; and restores Factmark's own
 * exports. Bound to the export.* contract operations in handlers.ts.
 */
import { FactmarkError, type ParsedRequestOf, type ResponseOf } from '../../../src-shared/contract';
import { inDocumentOrder } from '../../../src-shared/model';
import type { ServiceContext } from '../context';
import { chromiumPrinter } from './chromium-printer';
import { defaultSummary, fileStem, numberClaims, sourceWarnings } from './common';
import { renderHtml } from './html';
import type { PdfPrinter } from './pdf';
import { EXPORT_FORMAT_IDS, EXPORT_FORMATS } from './registry';
import { restoreExport } from './restore';
import type { ExportBundle, ExportDeps, ExportedArticle, ExportedFileRecord, ExportFormatDescription, ExportFormatSpec } from './types';

export interface ExportServiceOptions {
  /** The PDF printer; default: the context's, else a local Chromium. */
  printer?: PdfPrinter;
}

export function createExportService(ctx: ServiceContext, options: ExportServiceOptions = {}) {
  const deps: ExportDeps = { printer: () => options.printer ?? ctx.printer ?? chromiumPrinter() };

  async function load(articleId: string, claimIds?: readonly string[]): Promise<ExportedArticle> {
    const { article, claims } = await ctx.store.article(articleId);
    let chosen = inDocumentOrder(claims);
    if (claimIds) {
      const wanted = new Set(claimIds);
      const known = new Set(claims.map((c) => c.id));
      const missing = [...wanted].find((id) => !known.has(id));
      if (missing) throw new FactmarkError('not-found', `No claim with id ${missing} in article ${articleId}`);
      chosen = chosen.filter((c) => wanted.has(c.id));
    }
    return { article, claims: chosen, text: ctx.texts.of(article) };
  }

  async function bundleOf(articles: ExportedArticle[], includeNotes = false): Promise<ExportBundle> {
    return { articles, prefs: await ctx.store.prefs(), exportedAt: ctx.clock().toISOString(), options: { includeNotes } };
  }

  async function render(spec: ExportFormatSpec, bundle: ExportBundle, stem: string): Promise<ExportedFileRecord> {
    const fileName = `${stem}.${spec.extension}`;
    const out = await spec.render(bundle, deps);
    return typeof out === 'string' ? { fileName, mimeType: spec.mimeType, text: out } : { fileName, mimeType: spec.mimeType, dataBase64: out.toString('base64') };
  }

  /** One article (optionally only some of its claims) in one format. */
  async function exportArticle(req: ParsedRequestOf<'export.article'>): Promise<ExportedFileRecord> {
    const item = await load(req.articleId, req.claimIds);
    return render(EXPORT_FORMATS[req.format], await bundleOf([item], req.includeNotes), fileStem(item.article.title, item.article.id));
  }

  /** The HTML report exactly as export.article would write it, and a line for each claim it flags. */
  async function preview(req: ParsedRequestOf<'export.preview'>): Promise<ResponseOf<'export.preview'>> {
    const item = await load(req.articleId, req.claimIds);
    return { html: renderHtml(await bundleOf([item], req.includeNotes)), warnings: sourceWarnings(numberClaims(item)), defaultSummary: defaultSummary(item.claims) };
  }

  /** Every article (or the listed ones) in one file of a collection format. */
  async function exportLibrary(req: ParsedRequestOf<'export.library'>): Promise<ExportedFileRecord> {
    const spec = EXPORT_FORMATS[req.format];
    if (spec.scope !== 'collection') {
      throw new FactmarkError('invalid-input', `${spec.label} is one file per article: export the articles one by one`);
    }
    const ids = req.articleIds ?? [...(await ctx.store.index()).articles].sort((a, b) => a.importedAt.localeCompare(b.importedAt)).map((row) => row.id);
    if (ids.length === 0) throw new FactmarkError('invalid-input', 'The library has no articles to export');
    const wanted = req.claimIds ? new Set(req.claimIds) : null;
    const items: ExportedArticle[] = [];
    for (const id of ids) {
      const item = await load(id);
      items.push(wanted ? { ...item, claims: item.claims.filter((c) => wanted.has(c.id)) } : item);
    }
    return render(spec, await bundleOf(items, req.includeNotes), 'factmark-library');
  }

  function formats(): ExportFormatDescription[] {
    return EXPORT_FORMAT_IDS.map((id) => {
      const { render: _render, ...description } = EXPORT_FORMATS[id];
      return description;
    });
  }

  function restore(req: ParsedRequestOf<'export.restore'>): Promise<ResponseOf<'export.restore'>> {
    return restoreExport(ctx, req);
  }

  return { exportArticle, exportLibrary, preview, formats, restore };
}

export type { PdfPrinter } from './pdf';
export { CHROMIUM_MISSING, findChromium } from './chromium-printer';
