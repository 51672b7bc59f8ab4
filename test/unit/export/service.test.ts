/** The export.* operations through the dispatcher: formats, claim filters, scopes, PDF printers, bad requests. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FactmarkError } from '../../../src-shared/contract';
import { inDocumentOrder } from '../../../src-shared/model';
import { createExportService } from '../../../src-main/services/export';
import { chromiumPrinter, CHROMIUM_MISSING, findChromium } from '../../../src-main/services/export/chromium-printer';
import { fileStem } from '../../../src-main/services/export/common';
import { EXPORT_FORMAT_IDS } from '../../../src-main/services/export/registry';
import { openSampleLibrary, type SampleLibrary } from '../../fixtures/export/sample-library';

let sample: SampleLibrary;

beforeAll(async () => {
  sample = await openSampleLibrary();
});

afterAll(async () => {
  await sample?.lib.cleanup();
});

describe('export operations', () => {
  it('lists every format with its extension, MIME type and scope', async () => {
    const formats = await sample.lib.call('export.formats', {});
    expect(formats.map((f) => f.id)).toEqual(EXPORT_FORMAT_IDS);
    expect(formats.find((f) => f.id === 'pdf')).toEqual({ id: 'pdf', label: 'PDF report', extension: 'pdf', mimeType: 'application/pdf', scope: 'article' });
    expect(formats.filter((f) => f.scope === 'collection').map((f) => f.id)).toEqual(['csv', 'json', 'w3c', 'claimreview']);
  });

  it('names the file after the title and exports only the chosen claims, in document order', async () => {
    const chosen = inDocumentOrder(sample.claims).slice(0, 3).reverse().map((c) => c.id);
    const file = await sample.lib.call('export.article', { articleId: sample.articleId, format: 'csv', claimIds: chosen });
    expect(file.fileName).toBe('lavrov-and-kuleba-meet-in-antalya-no-progress-on-ceasefire.csv');
    expect(file.mimeType).toBe('text/csv; charset=utf-8');
    const ids = ('text' in file ? file.text : '').split('\r\n').slice(1, -1).map((row) => row.split(',')[4]);
    expect(ids).toEqual([...chosen].reverse());
  });

  it('exports the library into one file for collection formats, and refuses report formats', async () => {
    const file = await sample.lib.call('export.library', { format: 'w3c' });
    expect(file.fileName).toBe('factmark-library.annotations.jsonld');
    await expect(sample.lib.call('export.library', { format: 'html' })).rejects.toThrow('HTML report is one file per article: export the articles one by one');
  });

  it('rejects unknown formats, articles and claims before rendering', async () => {
    const bad = await sample.lib.factmark.dispatcher.call('export.article', { articleId: sample.articleId, format: 'docx' });
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    await expect(sample.lib.call('export.article', { articleId: 'nope', format: 'html' })).rejects.toMatchObject({ code: 'not-found' });
    await expect(sample.lib.call('export.article', { articleId: sample.articleId, format: 'html', claimIds: ['nope'] })).rejects.toThrow(`No claim with id nope in article ${sample.articleId}`);
  });

  it('prints PDFs with the printer the context was opened with (as the Electron host does), base64 in the response', async () => {
    const seen: { html: string; title: string }[] = [];
    const ctx = { ...sample.lib.factmark.ctx, printer: async (html: string, { title }: { title: string }) => {
      seen.push({ html, title });
      return Buffer.from('%PDF-1.7\nfake');
    } };
    const file = await createExportService(ctx).exportArticle({ articleId: sample.articleId, format: 'pdf' });
    expect(file).toEqual({ fileName: 'lavrov-and-kuleba-meet-in-antalya-no-progress-on-ceasefire.pdf', mimeType: 'application/pdf', dataBase64: Buffer.from('%PDF-1.7\nfake').toString('base64') });
    expect(seen[0].html).toContain('<!doctype html>');
    expect(seen[0].title).toBe('Fact-check: Lavrov and Kuleba meet in Antalya: no progress on ceasefire');
  });

  it('refuses a printer that returns something other than a PDF', async () => {
    const service = createExportService(sample.lib.factmark.ctx, { printer: async () => Buffer.from('<html>') });
    await expect(service.exportArticle({ articleId: sample.articleId, format: 'pdf' })).rejects.toThrow('not a PDF');
  });

  it('finds Chromium from CHROMIUM_PATH, and says so in one line when there is none', () => {
    expect(findChromium({ CHROMIUM_PATH: '/nonexistent/chromium' })).toBeNull();
    expect(() => chromiumPrinter({ CHROMIUM_PATH: '/nonexistent/chromium' })).toThrow(new FactmarkError('internal', CHROMIUM_MISSING));
  });

  it('exports an article without claims in every format except ClaimReview, which needs a verdict', async () => {
    const bare = await sample.lib.call('library.create', { meta: { title: 'Bare' }, doc: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Nothing claimed.' }] }] } });
    for (const format of ['html', 'md', 'csv', 'json', 'w3c'] as const) {
      const file = await sample.lib.call('export.article', { articleId: bare.id, format });
      expect('text' in file && file.text.length, format).toBeGreaterThan(0);
    }
    await expect(sample.lib.call('export.article', { articleId: bare.id, format: 'claimreview' })).rejects.toThrow(/No claim has a verdict/);
    await sample.lib.call('library.delete', { articleId: bare.id });
  });

  it('makes file names from titles in any script', () => {
    expect(fileStem('Лавров и Кулеба: встреча', 'x')).toBe('лавров-и-кулеба-встреча');
    expect(fileStem('../../etc/passwd', 'x')).toBe('etc-passwd');
    expect(fileStem('***', 'fallback-id')).toBe('fallback-id');
  });
});
