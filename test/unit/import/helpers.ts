/** Helpers for the import tests: unchanged-folder checks, stored-document checks, .docx fixtures (HTTP ones re-exported). */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  AlignmentType,
  Document,
  ExternalHyperlink,
  HeadingLevel,
  ImageRun,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
} from 'docx';
import { JSDOM } from 'jsdom';
import { DOMSerializer, Node as PMNode } from 'prosemirror-model';
import { expect } from 'vitest';
import type { ArticleRecord } from '../../../src-shared/model';
import { articleSchema, isSafeHref } from '../../../src-shared/schema';
import { docText } from '../../../src-shared/text';
import { snapshotFolder } from '../../support/folder-snapshot';
import { activeContentIn } from '../../support/hostile-corpus';
import { FIXTURES } from '../../support/http';
import type { TempLibrary } from '../../support/temp-library';

export { FIXTURES, hostPage, startServer, type TestServer } from '../../support/http';

/** Import `bytes` into the library as a file named `fileName` (through import.file). */
export function importBytes(lib: TempLibrary, fileName: string, bytes: Buffer) {
  return lib.call('import.file', { fileName, dataBase64: bytes.toString('base64') });
}

/** Import the fixture file `name` (from FIXTURES) into the library. */
export async function importFixture(lib: TempLibrary, name: string) {
  return importBytes(lib, name, await readFile(join(FIXTURES, name)));
}

/** The plain-text projection (docText) of a stored document's JSON, parsed with the article schema. */
export function textOfDoc(docJSON: unknown): string {
  return docText(PMNode.fromJSON(articleSchema, docJSON));
}

/** Run `action`, expect it to fail with `message`, and expect the data folder to be byte-identical. */
export async function expectRejectedUnchanged(lib: TempLibrary, action: () => Promise<unknown>, message: RegExp): Promise<void> {
  await lib.factmark.flush();
  const before = await snapshotFolder(lib.dir);
  await expect(action()).rejects.toThrow(message);
  await lib.factmark.flush();
  expect(await snapshotFolder(lib.dir)).toEqual(before);
}

/** The article as stored on disk (after flushing pending writes). */
export async function storedArticle(lib: TempLibrary, id: string): Promise<ArticleRecord> {
  await lib.factmark.flush();
  const file = JSON.parse(await readFile(lib.factmark.ctx.store.articleFile(id), 'utf8')) as { article: ArticleRecord };
  return file.article;
}

const SCHEMA_ATTRS: Record<string, string[]> = { heading: ['level'], ordered_list: ['order'], link: ['href'] };

/** Walk stored document JSON: only schema node/mark types, only their known attrs, only safe hrefs. */
export function schemaProblems(json: unknown): string[] {
  const problems: string[] = [];
  const visit = (node: Record<string, unknown>): void => {
    const type = String(node.type);
    if (!articleSchema.nodes[type]) problems.push(`unknown node ${type}`);
    for (const key of Object.keys(node)) if (!['type', 'content', 'text', 'marks', 'attrs'].includes(key)) problems.push(`extra key ${key} on ${type}`);
    for (const key of Object.keys((node.attrs as object) ?? {})) if (!(SCHEMA_ATTRS[type] ?? []).includes(key)) problems.push(`attr ${key} on ${type}`);
    for (const mark of (node.marks as Record<string, unknown>[]) ?? []) {
      const mtype = String(mark.type);
      if (!articleSchema.marks[mtype]) problems.push(`unknown mark ${mtype}`);
      for (const key of Object.keys((mark.attrs as object) ?? {})) if (!(SCHEMA_ATTRS[mtype] ?? []).includes(key)) problems.push(`attr ${key} on mark ${mtype}`);
      if (mtype === 'link' && !isSafeHref(String((mark.attrs as { href?: unknown })?.href))) problems.push(`unsafe href ${String((mark.attrs as { href?: unknown })?.href)}`);
    }
    for (const child of (node.content as Record<string, unknown>[]) ?? []) visit(child);
  };
  visit(json as Record<string, unknown>);
  return problems;
}

/**
 * Check a stored document holds no active content: its JSON fits the schema, and its rendering
 * (the schema's toDOM, as the app renders it) has none — also after serialising and reparsing
 * the rendering, the step mutation-XSS relies on.
 */
export function expectNoActiveContent(docJSON: unknown): void {
  expect(schemaProblems(docJSON)).toEqual([]);
  const doc = PMNode.fromJSON(articleSchema, docJSON);
  doc.check();
  const { window } = new JSDOM('<!DOCTYPE html><body><div id="article"></div></body>');
  const container = window.document.getElementById('article')!;
  container.append(DOMSerializer.fromSchema(articleSchema).serializeFragment(doc.content, { document: window.document }));
  expect(activeContentIn(container)).toEqual([]);
  const reparsed = new JSDOM(`<!DOCTYPE html><body>${container.outerHTML}</body>`).window.document.body;
  expect(activeContentIn(reparsed)).toEqual([]);
  window.close();
}

/** A tiny real PNG (1x1) for .docx images. */
export const PNG_1x1 = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGP4z8AAAAMBAQDJ/pLvAAAAAElFTkSuQmCC',
  'base64',
);

/** A realistic .docx made with the `docx` package: title, headings, emphasis, links, lists, a table and an image. */
export async function sampleDocx(options: { title?: string; creator?: string; extra?: Paragraph[] } = {}): Promise<Buffer> {
  const doc = new Document({
    title: options.title,
    creator: options.creator ?? 'Amira Haddad',
    numbering: {
      config: [{ reference: 'steps', levels: [{ level: 0, format: 'decimal', text: '%1.', alignment: AlignmentType.START }] }],
    },
    sections: [
      {
        children: [
          new Paragraph({ text: 'Port expansion approved', heading: HeadingLevel.TITLE }),
          new Paragraph({
            children: [
              new TextRun('The council approved the '),
              new TextRun({ text: '£240 million', bold: true }),
              new TextRun(' expansion, said to create '),
              new TextRun({ text: '1,800 jobs', italics: true }),
              new TextRun('. See the '),
              new ExternalHyperlink({ link: 'https://harbourcourier.example/business-case', children: [new TextRun({ text: 'business case', style: 'Hyperlink' })] }),
              new TextRun(' or a '),
              new ExternalHyperlink({ link: 'javascript:alert(1)', children: [new TextRun({ text: 'script link', style: 'Hyperlink' })] }),
              new TextRun('.'),
            ],
          }),
          new Paragraph({ text: 'What the plan includes', heading: HeadingLevel.HEADING_2 }),
          new Paragraph({ text: 'Two deep-water berths', bullet: { level: 0 } }),
          new Paragraph({ text: 'A rail link', bullet: { level: 0 } }),
          new Paragraph({ text: 'Approve the budget', numbering: { reference: 'steps', level: 0 } }),
          new Paragraph({ text: 'Start dredging', numbering: { reference: 'steps', level: 0 } }),
          new Table({
            rows: [
              new TableRow({ children: [new TableCell({ children: [new Paragraph('Party')] }), new TableCell({ children: [new Paragraph('For')] })] }),
              new TableRow({ children: [new TableCell({ children: [new Paragraph('Labour')] }), new TableCell({ children: [new Paragraph('31')] })] }),
            ],
          }),
          new Paragraph({
            children: [new ImageRun({ type: 'png', data: PNG_1x1, transformation: { width: 10, height: 10 }, altText: { name: 'cranes', description: 'Cranes at dusk', title: 'Cranes' } })],
          }),
          new Paragraph({ children: [new TextRun('First line'), new TextRun({ text: 'after a break', break: 1 })] }),
          ...(options.extra ?? []),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}
