/**
 * Hostile files (issue 17, items 1, 2 and 12): a .docx that inflates to hundreds of MB, HTML nested
 * thousands of levels deep (in a file and from a URL), and files too big for the conversion
 * worker's memory cap or time budget. Each is refused in one line or imported flattened, nothing
 * is written for a refusal, and the host keeps answering other requests while a file is refused.
 */
import { request } from 'node:http';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { utilityProcessWorkers } from '../../../src-main/electron/utility-worker';
import { ConversionWorker, conversionWorkerScript, startThreadWorker, type ConversionLimits, type StartWorker } from '../../../src-main/services/import/conversion-host';
import { forkLikeElectron } from '../../support/fake-utility-process';
import { startWebServer, TOKEN_HEADER } from '../../../src-main/web/server';
import { makeTempDir, openTempLibrary, type TempLibrary } from '../../support/temp-library';
import { docxBomb, smallDocx } from '../../support/zip-bomb';
import { expectRejectedUnchanged, importBytes, startServer, textOfDoc, type TestServer } from './helpers';

const TOO_BIG = /too large or too complex to import/;

/** `<div>` nested `depth` levels around a paragraph of article text. */
function nestedPage(depth: number): string {
  const text = '<p>The council approved the port expansion on Tuesday, after a debate about dredging, traffic and the jobs it would bring.</p>';
  return `<!DOCTYPE html><html><head><title>Deep page</title></head><body>${'<div>'.repeat(depth)}${text}${'</div>'.repeat(depth)}</body></html>`;
}

/** A long, ordinary news page of about `mb` MB. */
function bigPage(mb: number): Buffer {
  const para = (i: number) => `<p>Paragraph ${i}: the council debated the port expansion, the dredging of the estuary and the <em>jobs</em> it would bring to the <a href="https://example.org/${i}">harbour</a>.</p>\n`;
  const count = Math.ceil((mb * 1024 * 1024) / para(1000).length);
  return Buffer.from(`<!DOCTYPE html><html><head><title>Big page</title></head><body><article><h1>Big page</h1>${Array.from({ length: count }, (_, i) => para(i)).join('')}</article></body></html>`);
}

describe('a .docx that inflates too far', () => {
  let lib: TempLibrary;
  beforeAll(async () => {
    lib = await openTempLibrary();
  });
  afterAll(async () => lib.cleanup());

  it('imports a small hand-made archive (the control case)', async () => {
    const { article } = await importBytes(lib, 'small.docx', smallDocx(['The council approved the port expansion.', 'Work starts in May.']));
    expect(textOfDoc(article.doc)).toContain('Work starts in May.');
  });

  it('refuses a small file whose document.xml inflates to 150 MB, declared honestly', async () => {
    const bomb = docxBomb(150);
    expect(bomb.length).toBeLessThan(1024 * 1024);
    await expectRejectedUnchanged(lib, () => importBytes(lib, 'bomb.docx', bomb), /^bomb\.docx is too large when unpacked \(over 100 MB\): this file is too large or too complex to import$/);
  });

  it('refuses the same bomb when its zip headers declare a tiny size', async () => {
    await expectRejectedUnchanged(lib, () => importBytes(lib, 'liar.docx', docxBomb(150, { lie: true })), /^liar\.docx is too large when unpacked/);
  });
});

describe('deeply nested HTML', () => {
  let lib: TempLibrary;
  let server: TestServer;
  beforeAll(async () => {
    lib = await openTempLibrary();
    server = await startServer((req, res) => {
      res.setHeader('content-type', 'text/html; charset=utf-8');
      res.end(nestedPage(Number(req.url?.slice(1))));
    });
  });
  afterAll(async () => {
    await server.close();
    await lib.cleanup();
  });

  it.each([1_000, 100_000])('imports a page nested %i levels deep, flattened, with its text', async (depth) => {
    const { article } = await importBytes(lib, `deep-${depth}.html`, Buffer.from(nestedPage(depth)));
    // The page's title leads the text as its headline (claimable like any text).
    expect(textOfDoc(article.doc)).toBe(`${article.title}\n\nThe council approved the port expansion on Tuesday, after a debate about dredging, traffic and the jobs it would bring.`);
    await lib.call('library.delete', { articleId: article.id });
  });

  it('imports the same page from a URL', async () => {
    const { article } = await lib.call('import.url', { url: `${server.url}/100000` });
    expect(textOfDoc(article.doc)).toContain('The council approved the port expansion on Tuesday');
  });

  it('flattens deep nesting in Markdown and pastes too', async () => {
    const html = `${'<blockquote>'.repeat(20_000)}Pasted claim about the harbour.${'</blockquote>'.repeat(20_000)}`;
    const { article } = await lib.call('import.paste', { html, text: 'Pasted claim about the harbour.' });
    expect(textOfDoc(article.doc)).toBe('Pasted claim about the harbour.');
    const md = await importBytes(lib, 'deep.md', Buffer.from(`# Deep notes\n\n${'<div>'.repeat(20_000)}Markdown claim about the ferry.${'</div>'.repeat(20_000)}\n`));
    expect(textOfDoc(md.article.doc)).toContain('Markdown claim about the ferry.');
  });
});

/** The two kinds of worker: a worker thread (browser host, CLI) and a utility process (the desktop app). */
const WORKER_KINDS: [string, StartWorker][] = [
  ['a worker thread', startThreadWorker],
  ['an Electron-style utility process', utilityProcessWorkers(forkLikeElectron)],
];

describe.each(WORKER_KINDS)('the conversion worker’s limits, in %s', (_kind, startWorker) => {
  const workerWith = (limits: ConversionLimits) => new ConversionWorker(limits, conversionWorkerScript(), startWorker);

  /** POST an operation to the browser host; resolves to the parsed CallResult. */
  function api(port: number, token: string, op: string, payload: unknown): Promise<{ ok: boolean; error?: { message: string } }> {
    return new Promise((resolve, reject) => {
      const body = JSON.stringify(payload);
      const req = request(
        { host: '127.0.0.1', port, method: 'POST', path: `/api/${op}`, headers: { host: `127.0.0.1:${port}`, [TOKEN_HEADER]: token, 'content-type': 'application/json' } },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c) => chunks.push(c));
          res.on('end', () => resolve(JSON.parse(Buffer.concat(chunks).toString('utf8'))));
        },
      );
      req.on('error', reject);
      req.end(body);
    });
  }

  it('refuses a file that overruns the time budget while the host keeps answering, then imports the next file', async () => {
    const conversions = workerWith({ timeoutMs: 1_000, maxHeapMb: 1024 });
    const lib = await openTempLibrary({ conversions });
    const staticDir = join(await makeTempDir('factmark-web-'), 'web');
    await mkdir(staticDir);
    await writeFile(join(staticDir, 'index.html'), '<!doctype html><title>Factmark</title>');
    const server = await startWebServer({ dispatcher: lib.factmark.dispatcher, staticDir, port: 0 });
    try {
      await lib.call('import.paste', { text: 'A first article, which also starts the worker.' });
      const events: string[] = [];
      const big = bigPage(20);
      const importing = api(server.port, server.token, 'import.file', { fileName: 'long-read.html', dataBase64: big.toString('base64') }).then((r) => {
        events.push('import answered');
        return r;
      });
      // Ask for the library while the page is being parsed: the answer comes before the refusal.
      await new Promise((resolve) => setTimeout(resolve, 300));
      const listed = await api(server.port, server.token, 'library.list', {});
      events.push('list answered');
      expect(listed.ok).toBe(true);
      const refused = await importing;
      expect(events).toEqual(['list answered', 'import answered']);
      expect(refused).toEqual({ ok: false, error: { code: 'invalid-input', message: 'long-read.html: this file is too large or too complex to import' } });
      const next = await lib.call('import.paste', { text: 'The next article imports in a fresh worker.' });
      expect(next.duplicate).toBe(false);
    } finally {
      await server.close();
      await conversions.close();
      await lib.cleanup();
    }
  });

  it('refuses a file that needs more memory than the cap, writing nothing', async () => {
    const conversions = workerWith({ timeoutMs: 600_000, maxHeapMb: 160 });
    const lib = await openTempLibrary({ conversions });
    try {
      await expectRejectedUnchanged(lib, () => importBytes(lib, 'huge.html', bigPage(24)), TOO_BIG);
      const next = await lib.call('import.paste', { text: 'After the refusal, imports work again.' });
      expect(next.duplicate).toBe(false);
    } finally {
      await conversions.close();
      await lib.cleanup();
    }
  }, 180_000);
});
