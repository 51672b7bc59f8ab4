/**
 * Import accepts Factmark's own exports (issue 16, item 2): a Factmark JSON export given to
 * import.file or `npm run cli -- import` is restored exactly (ids, claims), under the import's
 * duplicate rule (an article already in the library is not added twice); a W3C export, which holds
 * no text, is refused with a pointer to restore-export. Also `delete` in the CLI (issue 16, item 15).
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCliIn } from '../../support/cli';
import { makeTempDir, openTempLibrary, type TempLibrary } from '../../support/temp-library';
import { expectRejectedUnchanged, importBytes } from './helpers';

let source: TempLibrary;
let target: TempLibrary;
let exportJson: string;
let w3cJson: string;
let articleId: string;

beforeAll(async () => {
  source = await openTempLibrary();
  target = await openTempLibrary();
  const article = await source.call('library.create', {
    meta: { title: 'Port talks', byline: 'Lee Chen' },
    doc: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'The council approved the expansion. The minister said it would create 1,800 jobs.' }] }] },
  });
  articleId = article.id;
  await source.call('claims.create', { articleId, range: { quote: 'create 1,800 jobs' }, claimant: 'Minister', status: 'disputed' });
  exportJson = ((await source.call('export.article', { articleId, format: 'json' })) as { text: string }).text;
  w3cJson = ((await source.call('export.article', { articleId, format: 'w3c' })) as { text: string }).text;
});
afterAll(async () => {
  await source.cleanup();
  await target.cleanup();
});

describe('import.file with a Factmark export', () => {
  it('restores a Factmark JSON export exactly', async () => {
    const result = await importBytes(target, 'port-talks.factmark.json', Buffer.from(exportJson));
    expect(result.duplicate).toBe(false);
    expect(result.article.id).toBe(articleId);
    const restored = await target.call('library.get', { articleId });
    const original = await source.call('library.get', { articleId });
    expect(restored).toEqual(original);
  });

  it('does not add it twice: a second import returns the article already there and writes nothing', async () => {
    await target.factmark.flush();
    const again = await importBytes(target, 'port-talks.factmark.json', Buffer.from(exportJson));
    expect(again).toMatchObject({ duplicate: true, article: { id: articleId } });
    expect(await target.call('library.list', {})).toHaveLength(1);
  });

  it('refuses a W3C export with a pointer to restore-export, writing nothing', async () => {
    await expectRejectedUnchanged(target, () => importBytes(target, 'port-talks.jsonld', Buffer.from(w3cJson)), /^port-talks\.jsonld is a W3C Web Annotation export, which does not hold the article’s text: restore it with `npm run cli -- restore-export/);
  });

  it('refuses JSON that is not an export, and an export whose claim was moved, writing nothing', async () => {
    await expectRejectedUnchanged(target, () => importBytes(target, 'data.json', Buffer.from('{"hello":1}')), /^data\.json is neither a Factmark JSON export nor a W3C AnnotationCollection$/);
    const other = await openTempLibrary();
    try {
      const tampered = JSON.parse(exportJson);
      tampered.articles[0].claims[0].target.position.start += 2;
      await expectRejectedUnchanged(other, () => importBytes(other, 'bad.json', Buffer.from(JSON.stringify(tampered))), /does not hold its quote/);
    } finally {
      await other.cleanup();
    }
  });
});

describe('the CLI', () => {
  it('imports an export file (`import export.json`) and deletes an article (`delete <article>`), keeping a backup', async () => {
    const dir = await makeTempDir();
    const file = join(dir, 'export.json');
    await writeFile(file, exportJson);
    const dataDir = join(dir, 'library');
    const imported = await runCliIn(dataDir, 'import', file);
    expect(imported.code, imported.err).toBe(0);
    expect(imported.out).toBe(`Imported "Port talks" as ${articleId}`);
    const claims = await runCliIn(dataDir, 'claim', 'list', 'Port');
    expect(claims.out).toContain('[Disputed] — Minister: “create 1,800 jobs”');

    const deleted = await runCliIn(dataDir, 'delete', 'Port');
    expect(deleted.code, deleted.err).toBe(0);
    expect(deleted.out.split('\n')[0]).toBe(`Deleted "Port talks" (${articleId})`);
    expect((await runCliIn(dataDir, 'list')).out).not.toContain(articleId);
    const backups = await runCliIn(dataDir, 'backups', articleId);
    expect(backups.out).toMatch(/1 claim/);

    const missing = await runCliIn(dataDir, 'delete', 'Nothing like it');
    expect(missing.code).toBe(1);
    expect(missing.err).toBe('factmark: No article with id or title starting "Nothing like it"');
  });
});
