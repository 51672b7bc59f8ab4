/** The store owns index.json: article writes keep it current, reads never write it, and the store stays split into small modules. */
import { readdirSync, readFileSync } from 'node:fs';
import { readFile, stat, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openTempLibrary, type TempLibrary } from '../../support/temp-library';

const DOC = {
  type: 'doc' as const,
  content: [{ type: 'paragraph', content: [{ type: 'text', text: 'The port handled 12 million containers last year, a record.' }] }],
};

let lib: TempLibrary;
afterEach(async () => lib?.cleanup());

async function indexOnDisk(dir: string) {
  return JSON.parse(await readFile(join(dir, 'index.json'), 'utf8')) as { articles: { id: string; title: string; claimCount: number }[] };
}

describe('the library index', () => {
  it('is kept current by the store when an article is written, with no reindex flag', async () => {
    lib = await openTempLibrary();
    const article = await lib.call('library.create', { meta: { title: 'Port' }, doc: DOC });
    const data = await lib.factmark.ctx.store.article(article.id);
    const claim = await lib.call('claims.create', { articleId: article.id, range: { quote: '12 million containers' } });
    await lib.factmark.ctx.store.writeArticle({ ...data, article: { ...data.article, title: 'Port of call' }, claims: [claim, { ...claim, id: 'second' }] });
    expect((await indexOnDisk(lib.dir)).articles.map((r) => [r.title, r.claimCount])).toEqual([['Port of call', 2]]);
    expect((await lib.call('library.list', {})).map((r) => [r.title, r.claimCount])).toEqual([['Port of call', 2]]);
  });

  it('is not rewritten by a claim edit that leaves the article’s row as it was', async () => {
    lib = await openTempLibrary();
    const article = await lib.call('library.create', { meta: { title: 'Port' }, doc: DOC });
    const claim = await lib.call('claims.create', { articleId: article.id, range: { quote: 'a record' } });
    const before = await stat(join(lib.dir, 'index.json'), { bigint: true });
    await lib.call('claims.update', { articleId: article.id, claimId: claim.id, baseRevision: 1, patch: { note: 'checked' } });
    expect((await stat(join(lib.dir, 'index.json'), { bigint: true })).ino).toBe(before.ino);
  });

  it('is never written by a read, even when the read finds an article file gone', async () => {
    lib = await openTempLibrary();
    const a = await lib.call('library.create', { meta: { title: 'Gone' }, doc: DOC });
    lib.tick();
    await lib.call('library.create', { meta: { title: 'Kept' }, doc: { ...DOC, content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Other text.' }] }] } });
    await lib.factmark.close();
    lib = await openTempLibrary({ dir: lib.dir });
    await unlink(join(lib.dir, 'articles', `${a.id}.json`));
    const before = await readFile(join(lib.dir, 'index.json'), 'utf8');
    await expect(lib.call('library.get', { articleId: a.id })).rejects.toMatchObject({ code: 'not-found' });
    expect((await lib.call('library.list', {})).map((r) => r.title)).toEqual(['Kept']);
    expect(await readFile(join(lib.dir, 'index.json'), 'utf8')).toBe(before);
    // The next write drops the hidden row for good.
    await lib.call('library.rename', { articleId: (await lib.call('library.list', {}))[0].id, title: 'Kept still' });
    expect((await indexOnDisk(lib.dir)).articles.map((r) => r.title)).toEqual(['Kept still']);
  });

  it('lives in modules of one concern each, none over 300 lines, with no casts into lowdb', () => {
    const folder = join(import.meta.dirname, '../../../src-main/store');
    for (const name of readdirSync(folder).filter((n) => n.endsWith('.ts'))) {
      const text = readFileSync(join(folder, name), 'utf8');
      expect(text.split('\n').length, name).toBeLessThanOrEqual(300);
      expect(text, name).not.toMatch(/\.adapter as|as Low</);
    }
  });
});
