import { mkdir, readdir, readFile, rm, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCliIn } from '../../support/cli';
import { FactmarkError } from '../../../src-shared/contract';
import { openFactmark } from '../../../src-main/services/factmark';
import { SCHEMA_VERSION } from '../../../src-main/store/files';
import { openTempLibrary, RESOURCES_DIR, type TempLibrary } from '../../support/temp-library';
import { snapshotFolder } from '../../support/folder-snapshot';

const DOC = {
  type: 'doc' as const,
  content: [{ type: 'paragraph', content: [{ type: 'text', text: 'The bridge opened in 1932 and cost four million pounds.' }] }],
};

const opened: TempLibrary[] = [];
afterEach(async () => {
  for (const lib of opened.splice(0)) await lib.cleanup();
});

/** A library with one article saved twice (so it has a backup), closed; returns its folder and article id. */
async function libraryWithBackup(): Promise<{ dir: string; id: string; articleFile: string }> {
  const lib = await openTempLibrary();
  const article = await lib.call('library.create', { meta: { title: 'Bridge' }, doc: DOC });
  await lib.call('claims.create', { articleId: article.id, range: { quote: 'opened in 1932' }, claimant: 'the council' });
  await lib.factmark.close();
  return { dir: lib.dir, id: article.id, articleFile: join(lib.dir, 'articles', `${article.id}.json`) };
}

/** Open `dir` again; read access goes through openFactmark itself (the temp-library helper always writes). */
async function reopen(dir: string, options: { access?: 'read' | 'write' } = {}): Promise<Pick<TempLibrary, 'call' | 'factmark'>> {
  if (options.access !== 'read') {
    const lib = await openTempLibrary({ dir });
    opened.push(lib);
    return lib;
  }
  const factmark = await openFactmark({ dataDir: dir, resourcesDir: RESOURCES_DIR, access: 'read' });
  return {
    factmark,
    async call(name, req) {
      const r = await factmark.dispatcher.call(name, req);
      if (!r.ok) throw new FactmarkError(r.error.code, r.error.message);
      return r.value as never;
    },
  };
}


const DAMAGE: [string, (good: string) => string | Buffer][] = [
  ['an empty file', () => ''],
  ['a NUL-filled file', (good) => Buffer.alloc(good.length)],
  ['a truncated file', (good) => good.slice(0, Math.floor(good.length / 2))],
  ['unparsable bytes', () => Buffer.from([0xff, 0xfe, 0x7b, 0x00, 0x22])],
  ['valid JSON of the wrong shape', () => JSON.stringify({ schemaVersion: 1, article: { id: 42 }, claims: 'none' })],
];

describe('recovery of a damaged article file', () => {
  for (const [name, damage] of DAMAGE) {
    it(`moves ${name} to quarantine and restores the last saved version: the newest good backup plus the journal`, async () => {
      const { dir, id, articleFile } = await libraryWithBackup();
      const good = await readFile(articleFile, 'utf8');
      const bad = damage(good);
      await writeFile(articleFile, bad);
      const lib = await reopen(dir);
      const { article, claims } = await lib.call('library.get', { articleId: id });
      expect(article.title).toBe('Bridge');
      // The backup predates the claim; the journal brings the acknowledged claim back.
      expect(claims.map((c) => [c.target.quote.exact, c.claimant])).toEqual([['opened in 1932', 'the council']]);
      expect(await readFile(articleFile, 'utf8')).toBe(good);
      const quarantined = await readdir(join(dir, 'quarantine'));
      expect(quarantined).toHaveLength(1);
      expect(quarantined[0]).toMatch(new RegExp(`^articles_${id}\\.json\\.\\d{8}T\\d{9}Z$`));
      expect(await readFile(join(dir, 'quarantine', quarantined[0]))).toEqual(Buffer.from(bad));
      const notices = await lib.call('store.notices', {});
      expect(notices).toHaveLength(1);
      expect(notices[0].message).toMatch(new RegExp(`articles/${id}\\.json was damaged .*moved to quarantine/.* backup from .* with the 1 later change\\(s\\) from its journal was restored`));
    });
  }

  it('without a journal (deleted from outside) falls back to the newest good backup', async () => {
    const { dir, id, articleFile } = await libraryWithBackup();
    await writeFile(articleFile, '');
    await rm(join(dir, 'journal'), { recursive: true });
    const lib = await reopen(dir);
    expect((await lib.call('library.get', { articleId: id })).claims).toEqual([]);
    expect((await lib.call('store.notices', {}))[0].message).toMatch(/backup from \S+ was restored$/);
  });

  it('rebuilds a damaged article that has no backup yet from its journal alone', async () => {
    const lib = await openTempLibrary();
    const article = await lib.call('library.create', { meta: { title: 'Only once' }, doc: DOC });
    await lib.factmark.close();
    await writeFile(join(lib.dir, 'articles', `${article.id}.json`), Buffer.alloc(300));
    const again = await reopen(lib.dir);
    expect((await again.call('library.get', { articleId: article.id })).article.title).toBe('Only once');
    expect((await again.call('store.notices', {}))[0].message).toMatch(/NUL bytes.*the 1 change\(s\) from its journal was restored/);
  });

  it('keeps a damaged article with no backup and no journal in quarantine, drops it from the list and does not crash', async () => {
    const lib = await openTempLibrary();
    const article = await lib.call('library.create', { meta: { title: 'Only once' }, doc: DOC });
    await lib.factmark.close();
    await rm(join(lib.dir, 'journal'), { recursive: true });
    await writeFile(join(lib.dir, 'articles', `${article.id}.json`), '{"schemaVersion":1,"arti');
    const again = await reopen(lib.dir);
    await expect(again.call('library.get', { articleId: article.id })).rejects.toMatchObject({ code: 'not-found' });
    expect(await again.call('library.list', {})).toEqual([]);
    expect((await again.call('store.notices', {}))[0].message).toMatch(/had no good backup; it was moved to quarantine\//);
    expect(await readdir(join(lib.dir, 'quarantine'))).toHaveLength(1);
  });

  it('in read-only access shows the backup without touching the folder', async () => {
    const { dir, id, articleFile } = await libraryWithBackup();
    await writeFile(articleFile, '');
    const before = await snapshotFolder(dir);
    const lib = await reopen(dir, { access: 'read' });
    expect((await lib.call('library.get', { articleId: id })).article.title).toBe('Bridge');
    expect((await lib.call('store.notices', {}))[0].message).toMatch(/is damaged \(it is empty\); showing its backup/);
    await expect(lib.call('prefs.set', { reviewer: 'x' })).rejects.toMatchObject({ code: 'read-only' });
    expect(await snapshotFolder(dir)).toEqual(before);
  });

  it('the CLI prints what it repaired on stderr and still succeeds', async () => {
    const { dir, id, articleFile } = await libraryWithBackup();
    await writeFile(articleFile, Buffer.alloc(64));
    const r = await runCliIn(dir, 'claim', 'list', id);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/opened in 1932/);
    expect(r.err).toMatch(/^factmark: notice: .*NUL bytes.*showing its backup from \S+ with the 1 later change\(s\) from its journal/);
    const w = await runCliIn(dir, 'claim', 'add', id, '--quote', 'cost four million pounds');
    expect(w.code).toBe(0);
    expect(w.err).toMatch(/NUL bytes.*was restored/);
  });
});

describe('recovery of index.json and prefs.json', () => {
  for (const [name, damage] of DAMAGE) {
    it(`rebuilds index.json from the article files when it is ${name}`, async () => {
      const { dir, id } = await libraryWithBackup();
      const indexFile = join(dir, 'index.json');
      await writeFile(indexFile, damage(await readFile(indexFile, 'utf8')));
      const lib = await reopen(dir);
      const rows = await lib.call('library.list', {});
      expect(rows.map((r) => [r.id, r.title, r.claimCount])).toEqual([[id, 'Bridge', 1]]);
      expect(JSON.parse(await readFile(indexFile, 'utf8')).articles).toHaveLength(1);
      expect((await readdir(join(dir, 'quarantine')))[0]).toMatch(/^index\.json\./);
      expect((await lib.call('store.notices', {})).map((n) => n.message).join('\n')).toMatch(/index\.json was rebuilt from the 1 article file/);
    });
  }

  it('adds article files missing from the index and drops rows without a file', async () => {
    const lib = await openTempLibrary();
    const a = await lib.call('library.create', { meta: { title: 'A' }, doc: DOC });
    await lib.call('library.create', { meta: { title: 'B' }, doc: DOC });
    await lib.factmark.close();
    const indexFile = join(lib.dir, 'index.json');
    const index = JSON.parse(await readFile(indexFile, 'utf8'));
    index.articles = index.articles.filter((r: { id: string }) => r.id !== a.id);
    index.articles.push({ ...index.articles[0], id: 'ghost' });
    await writeFile(indexFile, JSON.stringify(index));
    const again = await reopen(lib.dir);
    expect((await again.call('library.list', {})).map((r) => r.title).sort()).toEqual(['A', 'B']);
    expect((await again.call('store.notices', {}))[0].message).toMatch(/1 article\(s\) missing, 1 listed without a file/);
  });

  it('restores a listed article whose file vanished (a crash between quarantine and restore) from its backup', async () => {
    const { dir, id, articleFile } = await libraryWithBackup();
    await unlink(articleFile);
    const lib = await reopen(dir);
    expect((await lib.call('library.list', {})).map((r) => r.id)).toEqual([id]);
    expect((await lib.call('library.get', { articleId: id })).article.title).toBe('Bridge');
    expect((await lib.call('store.notices', {}))[0].message).toMatch(new RegExp(`articles/${id}\\.json was missing; its backup from .* was restored`));
    expect(JSON.parse(await readFile(articleFile, 'utf8')).article.id).toBe(id);
  });

  it('restores prefs.json from its backup', async () => {
    const lib = await openTempLibrary();
    await lib.call('prefs.set', { reviewer: 'First' });
    await lib.call('prefs.set', { reviewer: 'Second' });
    await lib.factmark.close();
    await writeFile(join(lib.dir, 'prefs.json'), '{"schemaVersion":1,"prefs":{"reviewer":');
    const again = await reopen(lib.dir);
    expect((await again.call('prefs.get', {})).reviewer).toBe('First');
  });
});

describe('leftover temp files and files from a newer Factmark', () => {
  it('moves a temp file left by a crashed save to quarantine and keeps the last complete version', async () => {
    const { dir, id, articleFile } = await libraryWithBackup();
    const good = await readFile(articleFile, 'utf8');
    const temp = join(dir, 'articles', `.${id}.json.999999.3.tmp`);
    await writeFile(temp, good.slice(0, 40));
    const lib = await reopen(dir);
    expect((await lib.call('claims.list', { articleId: id }))).toHaveLength(1);
    expect(await readdir(join(dir, 'articles'))).toEqual([`${id}.json`]);
    expect(await readdir(join(dir, 'quarantine'))).toEqual([expect.stringMatching(new RegExp(`^articles_\\.${id}\\.json\\.999999\\.3\\.tmp\\.`))]);
    expect((await lib.call('store.notices', {}))[0].message).toMatch(new RegExp(`unfinished save of ${id}\\.json .*last complete version was kept`));
  });

  it('opens an article from a newer schema read-only and refuses to change it', async () => {
    const { dir, id, articleFile } = await libraryWithBackup();
    const data = JSON.parse(await readFile(articleFile, 'utf8'));
    await writeFile(articleFile, JSON.stringify({ ...data, schemaVersion: 99, futureField: { x: 1 } }));
    const before = await snapshotFolder(dir);
    const lib = await reopen(dir);
    const { claims } = await lib.call('library.get', { articleId: id });
    expect(claims).toHaveLength(1);
    const update = lib.call('claims.update', { articleId: id, claimId: claims[0].id, baseRevision: 1, patch: { note: 'x' } });
    await expect(update).rejects.toMatchObject({ code: 'read-only', message: expect.stringMatching(/newer Factmark \(schema 99\)/) });
    await expect(lib.call('library.delete', { articleId: id })).rejects.toMatchObject({ code: 'read-only' });
    expect((await lib.call('store.notices', {}))[0].message).toMatch(new RegExp(`written by a newer Factmark \\(schema 99; this one reads ${SCHEMA_VERSION}\\); it is open read-only`));
    await lib.factmark.close();
    expect(await snapshotFolder(dir)).toEqual(before);
  });

  it('refuses with a clear message to open a newer article it cannot read, and the CLI does not crash', async () => {
    const { dir, id, articleFile } = await libraryWithBackup();
    await writeFile(articleFile, JSON.stringify({ schemaVersion: 7, somethingElse: true }));
    const r = await runCliIn(dir, 'show', id);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/saved by a newer Factmark \(schema 7\); update Factmark to open it/);
    expect(await readFile(articleFile, 'utf8')).toBe(JSON.stringify({ schemaVersion: 7, somethingElse: true }));
  });

  it('makes the whole library read-only when index.json is from a newer Factmark', async () => {
    const { dir } = await libraryWithBackup();
    const indexFile = join(dir, 'index.json');
    const index = JSON.parse(await readFile(indexFile, 'utf8'));
    await writeFile(indexFile, JSON.stringify({ ...index, schemaVersion: SCHEMA_VERSION + 1 }));
    const before = await snapshotFolder(dir);
    const r = await runCliIn(dir, 'import', join(dir, 'index.json'));
    expect(r.code).toBe(1);
    const lib = await reopen(dir);
    expect(await lib.call('library.list', {})).toHaveLength(1);
    await expect(lib.call('library.create', { meta: { title: 'New' }, doc: DOC })).rejects.toMatchObject({ code: 'read-only' });
    await lib.factmark.close();
    expect(await snapshotFolder(dir)).toEqual(before);
  });

  it('starts an empty library in a folder that holds only an empty articles folder', async () => {
    const lib = await openTempLibrary();
    await mkdir(join(lib.dir, 'articles'), { recursive: true });
    expect(await lib.call('library.list', {})).toEqual([]);
    opened.push(lib);
  });
});
