/** The CLI import command in-process: every format, --url, duplicates, versions and one-line errors. */
import { readdir, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { runCliIn } from '../../support/cli';
import { snapshotFolder } from '../../support/folder-snapshot';
import { makeTempDir } from '../../support/temp-library';
import { FIXTURES, sampleDocx, startServer, type TestServer } from './helpers';

let dir: string;
let server: TestServer;
let served = '';

beforeAll(async () => {
  server = await startServer((_req, res) => {
    res.setHeader('content-type', 'text/html; charset=utf-8');
    res.end(served);
  });
});
afterAll(async () => server.close());
beforeEach(async () => {
  dir = await makeTempDir();
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const cli = (...args: string[]) => runCliIn(dir, ...args);

function story(when: string): string {
  return `<html><head><title>Tunnel reopens</title></head><body><article><h1>Tunnel reopens</h1><p>The harbour tunnel reopens ${when} after repairs to the ventilation system, the operator said in a statement.</p><p>Tolls will stay at last year's level until the end of the year.</p></article></body></html>`;
}

describe('factmark import', () => {
  it.each(['news-article.html', 'port-briefing.md', 'utf8-bom.txt', 'cyrillic-windows-1251.html'])('imports %s', async (name) => {
    const result = await cli('import', resolve(FIXTURES, name));
    expect(result.err).toBe('');
    expect(result.code).toBe(0);
    expect(result.out).toMatch(/^Imported ".+" as \S+$/);
  });

  it('imports a .docx and reports a repeated import as already in the library', async () => {
    const file = join(dir, 'port.docx');
    await writeFile(file, await sampleDocx({ title: 'Port report' }));
    expect((await cli('import', file)).out).toMatch(/^Imported "Port report" as \S+$/);
    const again = await cli('import', file, '--json');
    expect(again.code).toBe(0);
    expect(JSON.parse(again.out)).toMatchObject({ duplicate: true, article: { title: 'Port report' } });
    expect((await cli('import', file)).out).toMatch(/^Already in the library: "Port report" \(\S+\); nothing imported$/);
  });

  it('imports --url, and a changed page as a new version', async () => {
    served = story('on Monday');
    const first = await cli('import', '--url', `${server.url}/tunnel`, '--json');
    expect(first.code).toBe(0);
    const v1 = JSON.parse(first.out).article;
    served = story('on Wednesday');
    const second = await cli('import', '--url', `${server.url}/tunnel`);
    expect(second.out).toMatch(new RegExp(`^Imported "Tunnel reopens" as \\S+ \\(a new version of ${v1.id}\\)$`));
  });

  it('fails in one line with nothing written for an unreachable URL', async () => {
    await cli('list'); // creates the library
    const before = await snapshotFolder(dir);
    const closed = await startServer((_req, res) => res.end());
    await closed.close(); // nothing listens on its port now
    const result = await cli('import', '--url', `${closed.url}/story`);
    expect(result.code).toBe(1);
    expect(result.err).toBe(`factmark: Could not reach ${closed.url}/story: connect ECONNREFUSED ${closed.url.slice('http://'.length)}`);
    expect(await snapshotFolder(dir)).toEqual(before);
  });

  it('fails in one line for a bad file, and on usage errors with exit code 2', async () => {
    const png = await cli('import', resolve(FIXTURES, 'png-renamed.html'));
    expect(png).toMatchObject({ code: 1, err: 'factmark: png-renamed.html is not a text file (it looks like a PNG image)' });
    const missing = await cli('import', join(dir, 'nope.txt'));
    expect(missing.err).toMatch(/^factmark: Cannot read .*nope\.txt: ENOENT$/);
    expect((await cli('import')).code).toBe(2);
    expect((await cli('import', 'a.txt', '--url', 'https://example.org/')).err).toMatch(/^factmark: give a file or --url, not both\n/);
    expect(await readdir(join(dir, 'articles'))).toEqual(expect.any(Array));
  });
});
