/** The dispatcher: writes are serialised, a slow import runs beside them, and every refusal is one line. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { oneLineMessage } from '../../../src-main/services/dispatch';
import { plainTextToDoc } from '../../../src-main/services/import/plain-text';
import { startServer } from '../../support/http';
import { openTempLibrary, type TempLibrary } from '../../support/temp-library';

let lib: TempLibrary;

beforeEach(async () => {
  lib = await openTempLibrary();
});

afterEach(async () => {
  await lib.cleanup();
});

describe('dispatcher', () => {
  it('refuses input holding newlines, tabs and terminal escapes with a one-line message', async () => {
    const url = 'tab\tand\ncontrol\u0007\u001b[31mred';
    const result = await lib.factmark.dispatcher.call('import.url', { url });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    const message = !result.ok ? result.error.message : '';
    expect(message).toBe('"tab\\tand\\ncontrol\\u0007\\u001b[31mred" is not a web address');
    const article = await lib.call('library.create', { meta: { title: 'Economy' }, doc: plainTextToDoc('Alpha said growth was 5%.') });
    const quote = await lib.factmark.dispatcher.call('claims.create', { articleId: article.id, range: { quote: 'line one\nline two\u2028three' } });
    expect(!quote.ok && quote.error.message).toBe('The quote was not found in the article: "line one line two three"');
    expect(oneLineMessage('\u001b[1m bold \r\n\t text \u0085')).toBe('[1m bold text');
  });

  it('refuses an operation name that cannot be turned into text, naming its type (fast-check seed -1189962072)', async () => {
    const result = await lib.factmark.dispatcher.call({ toString: [] }, {});
    expect(result).toEqual({ ok: false, error: { code: 'invalid-request', message: 'Unknown operation: a value of type object' } });
    expect(await lib.factmark.dispatcher.call(null, {})).toMatchObject({ error: { message: 'Unknown operation: a value of type null' } });
  });

  it('saves a claim while a slow URL import is still fetching', async () => {
    let releaseResponse!: () => void;
    const held = new Promise<void>((resolve) => (releaseResponse = resolve));
    const server = await startServer(async (_req, res) => {
      await held;
      res.writeHead(200, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end('Slow news\n\nThe slow page finally arrived with its text.');
    });
    try {
      const article = await lib.call('library.create', { meta: { title: 'Economy' }, doc: plainTextToDoc('Alpha said the economy grew.') });
      const order: string[] = [];
      const importing = lib.factmark.dispatcher.call('import.url', { url: `${server.url}/slow` }).then((r) => {
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
    } finally {
      releaseResponse();
      await server.close();
    }
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
