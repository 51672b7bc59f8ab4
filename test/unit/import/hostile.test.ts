/**
 * No active content survives import: every payload of the hostile corpus goes through every
 * path (saved page, Markdown, paste, URL from a local server, .docx made with `docx`), and the
 * document stored on disk is checked (schema-only JSON; its rendering and a reparse of that
 * rendering hold no script, handler, frame, form, SVG, style or unsafe URL).
 */
import { ExternalHyperlink, Paragraph, TextRun } from 'docx';
import { Node as PMNode } from 'prosemirror-model';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { articleSchema } from '../../../src-shared/schema';
import { hostileCorpus } from '../../support/hostile-corpus';
import { openTempLibrary, type TempLibrary } from '../../support/temp-library';
import { expectNoActiveContent, hostPage, sampleDocx, startServer, storedArticle, textOfDoc, type TestServer } from './helpers';

const PAYLOADS = hostileCorpus();

/** Markup that must not appear even as text when HTML was parsed (raw-text elements lose their content). */
const MARKUP_IN_TEXT = /<\s*\/?\s*(script|iframe|img|svg|math|object|embed|style|form|input|textarea|base|meta|link)\b|javascript:|\bon[a-z]+\s*=/i;

let lib: TempLibrary;
let server: TestServer;

beforeAll(async () => {
  lib = await openTempLibrary();
  server = await startServer((req, res) => {
    const index = Number(/^\/payload\/(\d+)$/.exec(req.url ?? '')?.[1]);
    if (!Number.isInteger(index) || !PAYLOADS[index]) {
      res.statusCode = 404;
      return res.end();
    }
    res.setHeader('content-type', 'text/html; charset=utf-8');
    res.end(hostPage(PAYLOADS[index], `URL payload ${index}`));
  });
});
afterAll(async () => {
  await server.close();
  await lib.cleanup();
});

/** Check the stored article and, where HTML was parsed, that no markup survived as text. */
async function expectClean(id: string, htmlParsed: boolean): Promise<void> {
  const stored = await storedArticle(lib, id);
  expectNoActiveContent(stored.doc);
  if (htmlParsed) expect(textOfDoc(stored.doc)).not.toMatch(MARKUP_IN_TEXT);
}

it('has a corpus of payloads', () => {
  expect(PAYLOADS.length).toBeGreaterThanOrEqual(60);
  expect(PAYLOADS.some((p) => p.includes('<mglyph>'))).toBe(true); // the DOMPurify mXSS vectors are in it
});

describe.each(PAYLOADS.map((payload, index) => ({ payload, index })))('payload $index', ({ payload, index }) => {
  it('leaves nothing active through a saved .html page', async () => {
    const html = hostPage(payload, `file payload ${index}`);
    const { article } = await lib.call('import.file', { fileName: `payload-${index}.html`, dataBase64: Buffer.from(html).toString('base64') });
    await expectClean(article.id, true);
  });

  it('leaves nothing active through a rich paste', async () => {
    const html = `<p>Pasted text for payload ${index}, about the port.</p>${payload}<p>More pasted text.</p>`;
    const { article } = await lib.call('import.paste', { html });
    await expectClean(article.id, true);
  });

  it('leaves nothing active through Markdown with inline HTML', async () => {
    const md = `# Markdown payload ${index}\n\nSome text about the port.\n\n${payload}\n\nMore text.\n`;
    const { article } = await lib.call('import.file', { fileName: `payload-${index}.md`, dataBase64: Buffer.from(md).toString('base64') });
    // markdown-it escapes what is not a valid tag into literal text ("<scr" + "ipt>"), so only the structure is checked
    await expectClean(article.id, false);
  });

  it('leaves nothing active through a fetched URL', async () => {
    const { article } = await lib.call('import.url', { url: `${server.url}/payload/${index}` });
    await expectClean(article.id, true);
  });

  it('is refused or stored inert when pasted alone', async () => {
    const result = await lib.factmark.dispatcher.call('import.paste', { html: payload });
    if (result.ok) await expectClean((result.value as { article: { id: string } }).article.id, true);
    else expect(result.error.message).toMatch(/has no text to import$/);
  });
});

describe('Word documents', () => {
  it('keeps payload text as inert text and drops unsafe hyperlinks', async () => {
    const unsafeLinks = ['javascript:alert(1)', 'data:text/html,<script>alert(1)</script>', 'vbscript:msgbox(1)', 'file:///etc/passwd'];
    const extra = [
      ...PAYLOADS.map((payload) => new Paragraph({ children: [new TextRun(`Text run: ${payload}`)] })),
      ...unsafeLinks.map(
        (link, i) => new Paragraph({ children: [new ExternalHyperlink({ link, children: [new TextRun({ text: `unsafe link ${i}`, style: 'Hyperlink' })] })] }),
      ),
    ];
    const { article } = await lib.call('import.file', { fileName: 'hostile.docx', dataBase64: (await sampleDocx({ extra })).toString('base64') });
    await expectClean(article.id, false);
    const text = textOfDoc(article.doc);
    for (const payload of PAYLOADS) expect(text).toContain(`Text run: ${payload.replace(/\s+/g, ' ')}`); // text stays text (whitespace collapsed)
    const hrefs: string[] = [];
    PMNode.fromJSON(articleSchema, article.doc).descendants((node) => {
      for (const mark of node.marks) if (mark.type.name === 'link') hrefs.push(mark.attrs.href);
    });
    expect(hrefs).toEqual(['https://harbourcourier.example/business-case']); // the one safe link of the sample
    unsafeLinks.forEach((_, i) => expect(text).toContain(`unsafe link ${i}`));
  });
});
