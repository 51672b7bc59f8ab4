import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fetchPage } from '../../../src-main/services/import/url';
import { openTempLibrary, type TempLibrary } from '../../support/temp-library';
import { expectRejectedUnchanged, FIXTURES, sampleDocx, startServer, type TestServer } from './helpers';

let server: TestServer;
let lib: TempLibrary;

beforeAll(async () => {
  const news = await readFile(join(FIXTURES, 'news-article.html'));
  const cyrillic = await readFile(join(FIXTURES, 'cyrillic-windows-1251.html'));
  const docx = await sampleDocx({ title: 'Served Word file' });
  server = await startServer((req, res) => {
    switch (req.url) {
      case '/news':
        res.setHeader('content-type', 'text/html; charset=utf-8');
        return res.end(news);
      case '/moved':
        res.statusCode = 301;
        res.setHeader('location', '/news');
        return res.end();
      case '/cyrillic-header':
        // the header names the charset; the page's own <meta> says the same
        res.setHeader('content-type', 'text/html; charset=windows-1251');
        return res.end(cyrillic);
      case '/notes.txt':
        res.setHeader('content-type', 'text/plain; charset=utf-8');
        return res.end('Fetched notes\n\nA plain-text page about ferry fares.');
      case '/report.docx':
        res.setHeader('content-type', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document');
        return res.end(docx);
      case '/image':
        res.setHeader('content-type', 'image/png');
        return res.end(Buffer.from([0x89, 0x50, 0x4e, 0x47]));
      case '/huge':
        res.setHeader('content-type', 'text/html');
        res.write('<p>');
        // no content-length: the cap is enforced while reading
        return res.end('x'.repeat(3 * 1024 * 1024));
      case '/slow':
        return setTimeout(() => res.end('<p>late</p>'), 3_000);
      default:
        res.statusCode = 404;
        res.statusMessage = 'Not Found';
        return res.end('nothing here');
    }
  });
});
afterAll(async () => {
  await server.close();
});
beforeEach(async () => {
  lib = await openTempLibrary();
});
afterEach(async () => {
  await lib.cleanup();
});

describe('import.url', () => {
  it('fetches a page and imports its article with the page metadata', async () => {
    const { article } = await lib.call('import.url', { url: `${server.url}/news` });
    expect(article.title).toBe('Port expansion approved after late-night vote');
    expect(article.publisher).toBe('The Harbour Courier');
    // the page names a canonical address, which wins over where it was fetched from
    expect(article.sourceUrl).toBe('https://harbourcourier.example/news/2026/03/port-expansion-approved');
  });

  it('follows redirects', async () => {
    const { article } = await lib.call('import.url', { url: `${server.url}/moved` });
    expect(article.title).toBe('Port expansion approved after late-night vote');
  });

  it('honours the charset in the Content-Type header', async () => {
    const { article } = await lib.call('import.url', { url: `${server.url}/cyrillic-header` });
    expect(article.title).toBe('Городской совет одобрил расширение порта');
    expect(article.sourceUrl).toBe(`${server.url}/cyrillic-header`);
  });

  it('imports plain text and Word files served over HTTP', async () => {
    const text = await lib.call('import.url', { url: `${server.url}/notes.txt` });
    expect(text.article.title).toBe('Fetched notes');
    expect(text.article.sourceUrl).toBe(`${server.url}/notes.txt`);
    const word = await lib.call('import.url', { url: `${server.url}/report.docx` });
    expect(word.article.title).toBe('Served Word file');
  });

  it('refuses what is not a page, error statuses and oversized bodies, writing nothing', async () => {
    await expectRejectedUnchanged(lib, () => lib.call('import.url', { url: `${server.url}/image` }), /is not a web page \(it is image\/png\)$/);
    await expectRejectedUnchanged(lib, () => lib.call('import.url', { url: `${server.url}/gone` }), new RegExp(`^${server.url}/gone answered 404 Not Found$`));
  });

  it('stops reading a body past the size cap', async () => {
    await expect(fetchPage(`${server.url}/huge`, { maxBytes: 1024 * 1024 })).rejects.toThrow(/^http:.*\/huge is over 1 MB$/);
  });

  it('gives up after the time limit with a one-line error', async () => {
    await expect(fetchPage(`${server.url}/slow`, { timeoutMs: 300 })).rejects.toThrow(new RegExp(`^Could not reach ${server.url}/slow: no answer within 0.3 s$`));
  });

  it('reports an unknown host in one line', async () => {
    await expect(fetchPage('http://factmark-no-such-host.invalid/story')).rejects.toThrow(/^Could not reach http:\/\/factmark-no-such-host\.invalid\/story: getaddrinfo (ENOTFOUND|EAI_AGAIN)/);
  });
});
