import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { snapshotFolder } from '../../support/folder-snapshot';
import { openTempLibrary, type TempLibrary } from '../../support/temp-library';
import { startServer, type TestServer } from './helpers';

let lib: TempLibrary;
let server: TestServer;
/** What the test server serves at /story, changed by the tests. */
let storyHtml = '';

function page(body: string, canonical?: string): string {
  return `<!DOCTYPE html><html lang="en"><head><title>Bridge closure extended</title>${canonical ? `<link rel="canonical" href="${canonical}">` : ''}</head>
<body><article><h1>Bridge closure extended</h1>${body}</article></body></html>`;
}

const FIRST = '<p>The swing bridge will stay closed until June while engineers replace the corroded bearings, the council said on Monday.</p><p>Traffic will continue to use the ring road diversion, which adds about ten minutes to most journeys.</p>';
const CHANGED = '<p>The swing bridge will stay closed until September while engineers replace the corroded bearings, the council said on Monday.</p><p>Traffic will continue to use the ring road diversion, which adds about ten minutes to most journeys.</p>';

beforeEach(async () => {
  lib = await openTempLibrary();
  storyHtml = page(FIRST);
  server = await startServer((req, res) => {
    res.setHeader('content-type', 'text/html; charset=utf-8');
    res.end(req.url === '/story' ? storyHtml : page(FIRST, `${server.url}/story`));
  });
});
afterEach(async () => {
  await server.close();
  await lib.cleanup();
});

describe('duplicates', () => {
  it('offers the existing article for the same text and writes nothing', async () => {
    const first = await lib.call('import.paste', { text: 'Same words.\n\nIn the same order.', title: 'First' });
    await lib.factmark.flush();
    const before = await snapshotFolder(lib.dir);
    lib.tick();
    const again = await lib.call('import.file', { fileName: 'copy.txt', dataBase64: Buffer.from('Same words.\n\nIn the same order.\n').toString('base64') });
    expect(again).toEqual({ article: first.article, duplicate: true });
    await lib.factmark.flush();
    expect(await snapshotFolder(lib.dir)).toEqual(before);
    expect(await lib.call('library.list', {})).toHaveLength(1);
  });

  it('recognises the same article arriving by another path (file, then URL)', async () => {
    const file = await lib.call('import.file', { fileName: 'bridge.html', dataBase64: Buffer.from(page(FIRST)).toString('base64') });
    const fetched = await lib.call('import.url', { url: `${server.url}/story` });
    expect(fetched.duplicate).toBe(true);
    expect(fetched.article.id).toBe(file.article.id);
  });
});

describe('versions', () => {
  it('links a changed version of an already imported URL to the previous one', async () => {
    const v1 = await lib.call('import.url', { url: `${server.url}/story` });
    expect(v1.article.sourceUrl).toBe(`${server.url}/story`);
    expect(v1.article.previousVersionId).toBeUndefined();

    storyHtml = page(CHANGED);
    lib.tick();
    const v2 = await lib.call('import.url', { url: `${server.url}/story#comments` });
    expect(v2.duplicate).toBe(false);
    expect(v2.article.previousVersionId).toBe(v1.article.id);

    storyHtml = page(CHANGED.replace('September', 'October'));
    lib.tick();
    const v3 = await lib.call('import.url', { url: `${server.url}/story` });
    expect(v3.article.previousVersionId).toBe(v2.article.id); // the newest earlier version

    const rows = await lib.call('library.list', {});
    expect(rows.map((r) => r.previousVersionId)).toEqual([v2.article.id, v1.article.id, undefined]);
  });

  it('matches versions by canonical URL, so a saved copy of a fetched page links too', async () => {
    const v1 = await lib.call('import.url', { url: `${server.url}/story` });
    const saved = page(CHANGED, `${server.url}/story`);
    const v2 = await lib.call('import.file', { fileName: 'bridge-saved.html', dataBase64: Buffer.from(saved).toString('base64') });
    expect(v2.article.sourceUrl).toBe(`${server.url}/story`);
    expect(v2.article.previousVersionId).toBe(v1.article.id);
  });

  it('does not link articles without a source URL', async () => {
    await lib.call('import.paste', { text: 'One text.' });
    const other = await lib.call('import.paste', { text: 'Another text.' });
    expect(other.article.previousVersionId).toBeUndefined();
  });
});
