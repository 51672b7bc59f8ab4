import { Node as PMNode } from 'prosemirror-model';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ArticleRecord } from '../../../src-shared/model';
import { articleSchema } from '../../../src-shared/schema';
import { openTempLibrary, type TempLibrary } from '../../support/temp-library';
import { expectNoActiveContent, importBytes, importFixture, sampleDocx, storedArticle, textOfDoc } from './helpers';

let lib: TempLibrary;
beforeEach(async () => {
  lib = await openTempLibrary();
});
afterEach(async () => {
  await lib.cleanup();
});

function textOf(article: ArticleRecord): string {
  return textOfDoc(article.doc);
}

/** Node type names of the document's top-level blocks. */
function blockTypes(article: ArticleRecord): string[] {
  return (article.doc.content ?? []).map((n: { type: string }) => n.type);
}

/** Every [text, marks] pair of the document. */
function markedTexts(article: ArticleRecord): { text: string; marks: string[]; href?: string }[] {
  const out: { text: string; marks: string[]; href?: string }[] = [];
  PMNode.fromJSON(articleSchema, article.doc).descendants((node) => {
    if (node.isText && node.marks.length) {
      out.push({ text: node.text!, marks: node.marks.map((m) => m.type.name), href: node.marks.find((m) => m.type.name === 'link')?.attrs.href });
    }
  });
  return out;
}

/** Reopen the data folder in a new process-like instance and compare the text projection. */
async function expectSameAfterReload(article: ArticleRecord): Promise<void> {
  await lib.factmark.flush();
  const reopened = await openTempLibrary({ dir: lib.dir });
  const { article: again } = await reopened.call('library.get', { articleId: article.id });
  expect(textOf(again)).toBe(textOf(article));
  expect(again.textHash).toBe(article.textHash);
  await reopened.factmark.flush();
}

describe('plain text', () => {
  it('splits paragraphs on blank lines and takes a short first line as the title', async () => {
    const { article, duplicate } = await importFixture(lib, 'utf8-bom.txt');
    expect(duplicate).toBe(false);
    expect(article.title).toBe('Naïve café owners welcome the port plan');
    expect(textOf(article).split('\n\n')).toEqual([
      'Naïve café owners welcome the port plan',
      'The owners of the Café Möwe on the old quay said the expansion would bring “more customers, not fewer”.',
      'Others were less sure.',
    ]);
    await expectSameAfterReload(article);
  });

  it('splits on single line breaks when the text has no blank lines, titled from the file name', async () => {
    const { article } = await importBytes(lib, 'ferry-notes.txt', Buffer.from('Fares rise in April.\nSeason tickets rise less.\r\nThe regulator will review.'));
    expect(article.title).toBe('Ferry notes');
    expect(textOf(article)).toBe('Fares rise in April.\n\nSeason tickets rise less.\n\nThe regulator will review.');
  });
});

describe('Markdown', () => {
  it('maps headings, lists, emphasis, links, quotes and line breaks; images and tables become placeholders', async () => {
    const { article } = await importFixture(lib, 'port-briefing.md');
    expect(article).toMatchObject({
      title: 'Port expansion: what we know',
      byline: 'Amira Haddad',
      publishedAt: '2026-03-05',
      sourceUrl: 'https://harbourcourier.example/explainers/port-expansion',
      language: 'en-GB',
    });
    expect(blockTypes(article)).toEqual(['heading', 'paragraph', 'heading', 'ordered_list', 'bullet_list', 'blockquote', 'paragraph', 'paragraph', 'paragraph']);
    const text = textOf(article);
    expect(text).toContain('Line one of an address\nLine two after a hard break');
    expect(text).toContain('[Image: Cranes at dusk]');
    expect(text).toContain('[Table omitted]');
    // markdown-it refuses javascript: links and leaves the source as text; no link mark is made
    expect(text).toContain('A [bad link](javascript:alert(1)) is left as plain text.');
    expect(markedTexts(article)).toEqual(
      expect.arrayContaining([
        { text: '£240 million', marks: ['strong'], href: undefined },
        { text: 'short', marks: ['em'], href: undefined },
        { text: 'business case', marks: ['link'], href: 'https://harbourcourier.example/documents/port-business-case.pdf' },
        { text: 'mailto:desk@harbourcourier.example', marks: ['link'], href: 'mailto:desk@harbourcourier.example' },
      ]),
    );
    expect(markedTexts(article).some((m) => m.text === 'bad link')).toBe(false);
    expectNoActiveContent((await storedArticle(lib, article.id)).doc);
    await expectSameAfterReload(article);
  });
});

describe('saved web page', () => {
  it('extracts the article body and its metadata from JSON-LD, Open Graph and the canonical link', async () => {
    const { article } = await importFixture(lib, 'news-article.html');
    expect(article).toMatchObject({
      title: 'Port expansion approved after late-night vote',
      byline: 'Amira Haddad, Tom Reyes',
      publisher: 'The Harbour Courier',
      publishedAt: '2026-03-04T21:40:00+00:00',
      sourceUrl: 'https://harbourcourier.example/news/2026/03/port-expansion-approved',
      language: 'en-GB',
    });
    const text = textOf(article);
    expect(text).toContain('The city council approved the £240 million expansion');
    expect(text).toContain('[Image: Cranes at the eastern terminal at dusk]');
    expect(text).toContain('[Table omitted: How councillors voted]');
    expect(text).toContain('in 2029.\nAdditional reporting by Lee Chen.');
    // Navigation, related links, footer, forms and scripts are not article text.
    for (const chrome of ['Subscribe', 'Ferry fares to rise', 'All rights reserved', 'Sign up', 'trackPageView', 'By Amira Haddad']) expect(text).not.toContain(chrome);
    expect(blockTypes(article)).toEqual(expect.arrayContaining(['heading', 'bullet_list', 'blockquote']));
    expect(markedTexts(article)).toEqual(
      expect.arrayContaining([
        { text: '£240 million', marks: ['strong'], href: undefined },
        // relative links resolve against the page's canonical address
        { text: 'business case', marks: ['link'], href: 'https://harbourcourier.example/documents/port-business-case.pdf' },
        { text: 'the news desk', marks: ['link'], href: 'mailto:desk@harbourcourier.example' },
      ]),
    );
    expect(markedTexts(article).some((m) => m.text === 'flood barrier')).toBe(false);
    expect(text).toContain('a flood barrier along the old quay.');
    expectNoActiveContent((await storedArticle(lib, article.id)).doc);
    await expectSameAfterReload(article);
  });

  it('imports what it can from malformed HTML', async () => {
    const { article } = await importFixture(lib, 'malformed.html');
    const text = textOf(article);
    expect(text).toContain('would rise by twelve per cent from April, blaming fuel costs and a new berth levy.');
    expect(text).toContain('Passenger groups called the rise "unjustified" & said they would complain');
    expect(text).toContain('Single: £4.10');
    expect(text).toContain('Unclosed paragraph at the end with unclosed emphasis');
    expect(markedTexts(article)).toEqual(expect.arrayContaining([{ text: 'published accounts', marks: ['link'], href: 'https://example.org/accounts' }]));
    await expectSameAfterReload(article);
  });
});

describe('Word document', () => {
  it('maps the title, headings, lists, emphasis and links; keeps image alt text and drops tables', async () => {
    const bytes = await sampleDocx({ title: 'Port expansion (core title)', creator: 'Amira Haddad' });
    const { article } = await importBytes(lib, 'port.docx', bytes);
    expect(article.title).toBe('Port expansion (core title)');
    expect(article.byline).toBe('Amira Haddad');
    expect(blockTypes(article)).toEqual(['heading', 'paragraph', 'heading', 'bullet_list', 'ordered_list', 'paragraph', 'paragraph', 'paragraph']);
    const text = textOf(article);
    expect(text).toContain('Port expansion approved\n\nThe council approved the £240 million expansion');
    expect(text).toContain('[Table omitted]');
    expect(text).toContain('[Image: Cranes at dusk]');
    expect(text).toContain('First line\nafter a break');
    expect(markedTexts(article)).toEqual(
      expect.arrayContaining([
        { text: '£240 million', marks: ['strong'], href: undefined },
        { text: '1,800 jobs', marks: ['em'], href: undefined },
        { text: 'business case', marks: ['link'], href: 'https://harbourcourier.example/business-case' },
      ]),
    );
    expect(markedTexts(article).some((m) => m.text === 'script link')).toBe(false);
    expectNoActiveContent((await storedArticle(lib, article.id)).doc);
    await expectSameAfterReload(article);
  });

  it('takes the title from the Title paragraph when the file has no title property', async () => {
    const { article } = await importBytes(lib, 'untitled.docx', await sampleDocx());
    expect(article.title).toBe('Port expansion approved');
  });
});

describe('paste', () => {
  it('imports rich HTML through the sanitiser, reading Google Docs styles', async () => {
    const html =
      '<meta charset="utf-8"><b style="font-weight:normal;" id="docs-internal-guid-1"><h1>Pasted heading</h1>' +
      '<p><span style="font-weight:700">Bold claim</span> and <span style="font-style:italic">an aside</span> with <a href="https://example.org/src">a source</a>.</p>' +
      '<p onclick="alert(1)">Second paragraph<script>alert(1)</script></p></b>';
    const { article } = await lib.call('import.paste', { html });
    expect(article.title).toBe('Pasted heading');
    expect(textOf(article)).toBe('Pasted heading\n\nBold claim and an aside with a source.\n\nSecond paragraph');
    expect(markedTexts(article)).toEqual([
      { text: 'Bold claim', marks: ['strong'], href: undefined },
      { text: 'an aside', marks: ['em'], href: undefined },
      { text: 'a source', marks: ['link'], href: 'https://example.org/src' },
    ]);
    expectNoActiveContent((await storedArticle(lib, article.id)).doc);
    await expectSameAfterReload(article);
  });

  it('falls back to the plain text of a paste whose HTML has no text', async () => {
    const { article } = await lib.call('import.paste', { html: '<img src="chart.png" alt="">', text: 'Chart caption from the clipboard.' });
    expect(textOf(article)).toBe('Chart caption from the clipboard.');
  });

  it('imports plain text with a given title', async () => {
    const { article } = await lib.call('import.paste', { text: 'One paragraph.\n\nAnother one.', title: 'My paste' });
    expect(article.title).toBe('My paste');
    expect(textOf(article)).toBe('One paragraph.\n\nAnother one.');
  });

  it('titles an untitled plain paste from its first line', async () => {
    const { article } = await lib.call('import.paste', { text: 'The mayor said the port would create 1,800 jobs within five years, a figure the opposition disputes strongly.\n\nMore.' });
    expect(article.title).toBe('The mayor said the port would create 1,800 jobs within five years, a figure the…');
  });
});
