/** The dispatcher: writes are serialised, but a slow import runs beside them instead of blocking them. */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { plainTextToDoc } from '../../../src-main/services/import/plain-text';
import { openTempLibrary, type TempLibrary } from '../../support/temp-library';

let lib: TempLibrary;
let server: Server;
let releaseResponse: () => void;

beforeEach(async () => {
  lib = await openTempLibrary();
  const held = new Promise<void>((resolve) => (releaseResponse = resolve));
  server = createServer(async (_req, res) => {
    await held;
    res.writeHead(200, { 'Content-Type': 'text/plain; charset=utf-8' });
    res.end('Slow news\n\nThe slow page finally arrived with its text.');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
});

afterEach(async () => {
  releaseResponse();
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  await lib.cleanup();
});

describe('dispatcher', () => {
  it('saves a claim while a slow URL import is still fetching', async () => {
    const article = await lib.call('library.create', { meta: { title: 'Economy' }, doc: plainTextToDoc('Alpha said the economy grew.') });
    const port = (server.address() as AddressInfo).port;
    const order: string[] = [];
    const importing = lib.factmark.dispatcher.call('import.url', { url: `http://127.0.0.1:${port}/slow` }).then((r) => {
      order.push('import');
      return r;
    });
    const claim = await lib.call('claims.create', { articleId: article.id, range: { quote: 'economy grew' } });
    order.push('claim');
    releaseResponse();
    const imported = await importing;
    expect(order).toEqual(['claim', 'import']);
    expect(claim.target.quote.exact).toBe('economy grew');
    expect(imported.ok).toBe(true);
    expect((await lib.call('library.list', {})).map((row) => row.title).sort()).toEqual(['Economy', 'Slow news']);
  });

  it('runs concurrent writes one after another so none is lost', async () => {
    const article = await lib.call('library.create', { meta: { title: 'Economy' }, doc: plainTextToDoc('Alpha said the economy grew by five per cent this year.') });
    const words = ['Alpha', 'said', 'economy', 'grew', 'five', 'cent', 'year'];
    await Promise.all(words.map((quote) => lib.call('claims.create', { articleId: article.id, range: { quote } })));
    const claims = await lib.call('claims.list', { articleId: article.id });
    expect(claims.map((c) => c.target.quote.exact).sort()).toEqual([...words].sort());
    expect((await lib.call('library.list', {}))[0].claimCount).toBe(words.length);
  });
});
