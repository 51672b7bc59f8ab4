import { isUtf8 } from 'node:buffer';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { decodeHtml, decodePlain, sniffHtml } from '../../../src-main/services/import/encoding';
import { openTempLibrary, type TempLibrary } from '../../support/temp-library';
import { FIXTURES, importFixture, textOfDoc } from './helpers';

let lib: TempLibrary;
beforeEach(async () => {
  lib = await openTempLibrary();
});
afterEach(async () => {
  await lib.cleanup();
});

async function importText(name: string): Promise<{ title: string; text: string; language: string }> {
  const { article } = await importFixture(lib, name);
  return { title: article.title, text: textOfDoc(article.doc), language: article.language };
}

describe('declared charsets', () => {
  it('reads a windows-1251 page by its <meta http-equiv> charset', async () => {
    const bytes = await readFile(join(FIXTURES, 'cyrillic-windows-1251.html'));
    expect(isUtf8(bytes)).toBe(false); // the fixture really is single-byte Cyrillic
    const { title, text, language } = await importText('cyrillic-windows-1251.html');
    expect(title).toBe('Городской совет одобрил расширение порта');
    expect(language).toBe('ru');
    expect(text).toContain('Глава совета Мартин Осеи заявил, что проект создаст «не менее 1800 постоянных рабочих мест»');
    expect(text).not.toMatch(/[ÀÃÐ�]/);
  });

  it('reads an ISO-8859-1 page (decoded as its superset windows-1252)', async () => {
    expect(sniffHtml(await readFile(join(FIXTURES, 'german-iso-8859-1.html')))).toBe('windows-1252');
    const { title, text } = await importText('german-iso-8859-1.html');
    expect(title).toBe('Hafenausbau nach nächtlicher Abstimmung genehmigt');
    expect(text).toContain('Anwohner äußerten sich skeptisch: «Uns wurden schon früher Jobs versprochen»');
    expect(text).toContain('Straße am Kai 5, Café «Möwe».');
  });

  it('lets an HTTP charset override the <meta> one, and a BOM override both', () => {
    const html = '<meta charset="windows-1251"><p>caf\u00e9</p>';
    expect(decodeHtml(iconv.encode(html, 'latin1'), 'iso-8859-1')).toContain('café');
    const withBom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(html, 'utf8')]);
    expect(decodeHtml(withBom, 'windows-1251')).toContain('café');
  });
});

describe('byte-order marks', () => {
  it.each(['utf16le-bom.html', 'utf16be-bom.html'])('detects UTF-16 from the BOM in %s', async (name) => {
    const { title, text } = await importText(name);
    expect(title).toBe('Encoded page');
    expect(text).toContain('Ελληνικά και 日本語 in one paragraph');
    expect(text).toContain('£240 million');
  });

  it('drops a UTF-8 BOM from plain text', async () => {
    const { title } = await importText('utf8-bom.txt');
    expect(title.charCodeAt(0)).not.toBe(0xfeff);
    expect(title).toBe('Naïve café owners welcome the port plan');
  });
});

describe('undeclared encodings', () => {
  it('reads plain text that is not valid UTF-8 as windows-1252', async () => {
    const { text } = await importText('windows-1252-undeclared.txt');
    expect(text).toBe('Smart quotes “like these” and a euro sign €\n\nThe fee rose to €12 — a 20% increase — on the ferry to Île-de-Ré.');
  });

  it('reads undeclared valid UTF-8 as UTF-8, in HTML and in text', () => {
    const bytes = Buffer.from('<p>Zürich – “quoted”</p>', 'utf8');
    expect(decodeHtml(bytes)).toBe('<p>Zürich – “quoted”</p>');
    expect(decodePlain(Buffer.from('Zürich – “quoted”', 'utf8'))).toBe('Zürich – “quoted”');
  });
});
