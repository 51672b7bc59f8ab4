import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCliIn } from '../../support/cli';
import { startServer } from '../../support/http';
import { openTempLibrary, type TempLibrary } from '../../support/temp-library';
import { expectRejectedUnchanged, importBytes, storedArticle, textOfDoc } from '../import/helpers';
import { makeEncryptedPdf, makeScannedPdf, makeTextPdf, makeTruncatedPdf, type PdfSpec } from './pdf-fixtures';

const words = (n: number, stem: string) => Array.from({ length: n }, (_, i) => `${stem}${i}`).join(' ');

/** A three-page report: headings of two sizes, long wrapped paragraphs, a running head and page numbers. */
const REPORT: PdfSpec = {
  title: 'Annual labour report',
  author: 'Statistics Office',
  created: new Date('2024-03-05T10:00:00Z'),
  furniture: { header: 'Annual labour report 2024 — Statistics Office' },
  pages: [
    {
      blocks: [
        { heading: 'Introduction' },
        { paragraph: `The first paragraph opens the report. ${words(70, 'alpha')}.` },
        { paragraph: `A second paragraph follows it. ${words(20, 'beta')}.` },
      ],
    },
    { blocks: [{ heading: 'Findings', size: 14 }, { paragraph: 'Unemployment fell to 4.2% in 2023, the ministry said.' }] },
    { blocks: [{ heading: 'Method', size: 14 }, { paragraph: 'Figures come from the quarterly labour force survey.' }] },
  ],
};

type DocNode = { type: string; attrs?: { level?: number }; content?: { text?: string }[] };

function blocksOf(doc: unknown): { type: string; level?: number; text: string }[] {
  return ((doc as { content: DocNode[] }).content ?? []).map((n) => ({
    type: n.type,
    ...(n.type === 'heading' ? { level: n.attrs?.level } : {}),
    text: (n.content ?? []).map((c) => c.text ?? '').join(''),
  }));
}

describe('PDF import', () => {
  let lib: TempLibrary;
  beforeEach(async () => {
    lib = await openTempLibrary();
  });
  afterEach(async () => {
    await lib.cleanup();
  });

  it('reads headings and paragraphs in order, without page numbers or running heads, with the PDF’s metadata', async () => {
    const { article } = await importBytes(lib, 'report.pdf', await makeTextPdf(REPORT));
    const blocks = blocksOf(article.doc);
    expect(blocks.map((b) => `${b.type}${b.level ?? ''}`)).toEqual(['heading1', 'paragraph', 'paragraph', 'heading2', 'paragraph', 'heading2', 'paragraph']);
    expect(blocks[0].text).toBe('Introduction');
    expect(blocks[1].text).toBe(`The first paragraph opens the report. ${words(70, 'alpha')}.`);
    expect(blocks[2].text).toBe(`A second paragraph follows it. ${words(20, 'beta')}.`);
    expect(blocks[4].text).toBe('Unemployment fell to 4.2% in 2023, the ministry said.');
    const text = textOfDoc(article.doc);
    expect(text).not.toMatch(/Statistics Office|^\d$/m);
    expect(article).toMatchObject({ title: 'Annual labour report', byline: 'Statistics Office', publishedAt: '2024-03-05' });
  });

  it('keeps where each page starts, so a claim knows its page ("p. 2")', async () => {
    const { article } = await importBytes(lib, 'report.pdf', await makeTextPdf(REPORT));
    const text = textOfDoc(article.doc);
    expect(article.pages).toEqual([
      { label: '1', start: 0 },
      { label: '2', start: text.indexOf('Findings') },
      { label: '3', start: text.indexOf('Method') },
    ]);
    expect((await storedArticle(lib, article.id)).pages).toEqual(article.pages);
    await lib.call('claims.create', { articleId: article.id, range: { quote: 'Unemployment fell to 4.2% in 2023' } });
    lib.tick();
    await lib.call('claims.create', { articleId: article.id, range: { quote: 'The first paragraph opens the report.' } });
    const found = await lib.call('claims.search', { sort: 'oldest' });
    expect(found.claims.map((c) => c.page)).toEqual(['2', '1']);
  });

  it('shows a claim\'s page in the exports: HTML and Markdown reports ("p. 2"), CSV (page column); JSON keeps the page starts', async () => {
    const { article } = await importBytes(lib, 'report.pdf', await makeTextPdf(REPORT));
    const onTwo = await lib.call('claims.create', { articleId: article.id, range: { quote: 'Unemployment fell to 4.2% in 2023' }, status: 'false' });
    const onOne = await lib.call('claims.create', { articleId: article.id, range: { quote: 'The first paragraph opens the report.' }, status: 'verified' });
    const text = async (format: 'html' | 'md' | 'csv' | 'json') => {
      const file = await lib.call('export.article', { articleId: article.id, format });
      if (!('text' in file)) throw new Error(`${format} is not a text export`);
      return file.text;
    };
    const html = await text('html');
    expect(html).toMatch(new RegExp(`data-claim="${onTwo.id}"[^]*?<p class="claim-head">.*<span class="page">p\\. 2</span></p>`));
    expect(html).toMatch(new RegExp(`data-claim="${onOne.id}"[^]*?<p class="claim-head">.*<span class="page">p\\. 1</span></p>`));
    expect(await text('md')).toContain('- **In the source:** p. 2');
    const rows = (await text('csv')).replace(/^\uFEFF/, '').trim().split('\r\n').map((line) => line.split(','));
    const column = rows[0].indexOf('page');
    expect(column).toBeGreaterThan(0);
    expect(new Map(rows.slice(1).map((r) => [r[4], r[column]]))).toEqual(new Map([[onTwo.id, '2'], [onOne.id, '1']]));
    expect(JSON.parse(await text('json')).articles[0].article.pages).toEqual(article.pages);

    // An article that is not paged has no page anywhere.
    const plain = await lib.call('import.paste', { text: 'A plain article. Unemployment fell to 4.2% in 2023.' });
    await lib.call('claims.create', { articleId: plain.article.id, range: { quote: 'Unemployment fell to 4.2% in 2023' } });
    const plainHtml = await lib.call('export.article', { articleId: plain.article.id, format: 'html' });
    expect('text' in plainHtml && plainHtml.text).not.toContain('class="page"');
  });

  it('reads a two-column page column by column, after its full-width title', async () => {
    const spec: PdfSpec = {
      pages: [
        {
          columns: 2,
          blocks: [
            { heading: 'Port talks stall' },
            { paragraph: `Left column opens here. ${words(45, 'left')}.` },
            { paragraph: `Left column ends here. ${words(12, 'lower')}.` },
            { paragraph: `Right column opens here. ${words(45, 'right')}.` },
            { paragraph: `Right column ends here. ${words(12, 'last')}.` },
          ],
        },
      ],
    };
    const { article } = await importBytes(lib, 'columns.pdf', await makeTextPdf(spec));
    expect(blocksOf(article.doc)).toEqual([
      { type: 'heading', level: 1, text: 'Port talks stall' },
      { type: 'paragraph', text: `Left column opens here. ${words(45, 'left')}.` },
      { type: 'paragraph', text: `Left column ends here. ${words(12, 'lower')}.` },
      { type: 'paragraph', text: `Right column opens here. ${words(45, 'right')}.` },
      { type: 'paragraph', text: `Right column ends here. ${words(12, 'last')}.` },
    ]);
    expect(article.title).toBe('Port talks stall');
  });

  it('refuses a scanned PDF with no text layer, and adds nothing', async () => {
    const bytes = await makeScannedPdf();
    await expectRejectedUnchanged(lib, () => importBytes(lib, 'scan.pdf', bytes), /^scan\.pdf has no text layer \(it looks like a scanned document\)/);
    expect(await lib.call('library.list', {})).toEqual([]);
  });

  it('refuses an encrypted PDF with a one-line error, and adds nothing', async () => {
    const bytes = await makeEncryptedPdf();
    await expectRejectedUnchanged(lib, () => importBytes(lib, 'secret.pdf', bytes), /^secret\.pdf is password-protected \(encrypted\)/);
  });

  it('refuses a damaged PDF and a file that only claims to be one', async () => {
    await expectRejectedUnchanged(lib, async () => importBytes(lib, 'cut.pdf', await makeTruncatedPdf()), /^cut\.pdf is a damaged or unreadable PDF/);
    await expectRejectedUnchanged(lib, () => importBytes(lib, 'fake.pdf', Buffer.from('just some text')), /^fake\.pdf is not a PDF document/);
  });

  it('imports a PDF served at a URL', async () => {
    const bytes = await makeTextPdf(REPORT);
    const server = await startServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/pdf' });
      res.end(bytes);
    });
    try {
      const { article } = await lib.call('import.url', { url: `${server.url}/files/annual-report.pdf` });
      expect(article.title).toBe('Annual labour report');
      expect(article.sourceUrl).toBe(`${server.url}/files/annual-report.pdf`);
      expect(article.pages?.length).toBe(3);
    } finally {
      await server.close();
    }
  });

  it('imports from the command line: import report.pdf', async () => {
    const file = join(lib.dir, '..', `report-${process.pid}.pdf`);
    await writeFile(file, await makeTextPdf(REPORT));
    await lib.factmark.close();
    const run = await runCliIn(lib.dir, 'import', file);
    expect(run.err).toBe('');
    expect(run.out).toMatch(/^Imported "Annual labour report" as /);
    const listed = await runCliIn(lib.dir, 'list', '--json');
    expect((JSON.parse(listed.out) as { title: string }[]).map((r) => r.title)).toContain('Annual labour report');
    await rm(file);
    lib = await openTempLibrary({ dir: lib.dir });
  });
});
