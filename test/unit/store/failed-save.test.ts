/**
 * A failed save (a full disk, an I/O error) leaves memory and disk as they were, answers in one
 * line, and a retry saves exactly once. The failure is injected through the store's file-system
 * seam (StoreOptions.io), not by filling a real disk.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { FactmarkError, type OperationName, type RequestOf, type ResponseOf } from '../../../src-shared/contract';
import { openFactmark, type Factmark } from '../../../src-main/services/factmark';
import { makeTempDir, RESOURCES_DIR } from '../../support/temp-library';
import { snapshotFolder } from '../../support/folder-snapshot';
import { FailingDisk } from '../../support/failing-disk';

const DOC = {
  type: 'doc' as const,
  content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Inflation rose to 9 percent in March, the bank said, the highest since 1982.' }] }],
};

let factmark: Factmark | null = null;
afterEach(async () => {
  await factmark?.close();
  factmark = null;
});

async function library() {
  const disk = new FailingDisk();
  const dir = await makeTempDir();
  let tick = 0;
  factmark = await openFactmark({ dataDir: dir, resourcesDir: RESOURCES_DIR, seed: false, io: disk.io, clock: () => new Date(Date.UTC(2026, 0, 15, 10, 0, tick++)) });
  const f = factmark;
  async function call<N extends OperationName>(name: N, req: RequestOf<N>): Promise<ResponseOf<N>> {
    const r = await f.dispatcher.call(name, req);
    if (!r.ok) throw new FactmarkError(r.error.code, r.error.message);
    return r.value as ResponseOf<N>;
  }
  const article = await call('library.create', { meta: { title: 'Prices' }, doc: DOC });
  return { dir, disk, call, articleId: article.id };
}

describe('a failed save', () => {
  for (const [what, failing] of [
    ['the article file', /articles\//],
    ['index.json', /index\.json/],
  ] as const) {
    it(`of ${what} while creating a claim keeps memory and disk as they were, and a retry saves once`, async () => {
      const { dir, disk, call, articleId } = await library();
      const before = await snapshotFolder(dir);
      disk.failing = failing;
      const failed = call('claims.create', { articleId, range: { quote: 'rose to 9 percent' } });
      await expect(failed).rejects.toMatchObject({ code: 'internal', message: expect.stringMatching(/^Could not save \S+: the disk is full \(ENOSPC\); the change was not saved/) });
      await failed.catch((e: Error) => expect(e.message).not.toMatch(/\n/));
      expect(await call('claims.list', { articleId })).toEqual([]);
      expect((await call('library.list', {}))[0].claimCount).toBe(0);
      expect(await snapshotFolder(dir)).toEqual(before);

      disk.failing = null;
      await call('claims.create', { articleId, range: { quote: 'rose to 9 percent' } });
      expect((await call('claims.list', { articleId })).map((c) => c.target.quote.exact)).toEqual(['rose to 9 percent']);
      expect((await call('library.list', {}))[0].claimCount).toBe(1);
    });
  }

  it('of an update (an I/O error at fsync) keeps the old claim in memory; the retry needs the old revision', async () => {
    const { dir, disk, call, articleId } = await library();
    const claim = await call('claims.create', { articleId, range: { quote: 'the bank said' } });
    const before = await snapshotFolder(dir);
    disk.failing = /articles\//;
    disk.step = 'sync';
    disk.code = 'EIO';
    const update = { articleId, claimId: claim.id, baseRevision: claim.revision, patch: { status: 'verified' as const } };
    await expect(call('claims.update', update)).rejects.toMatchObject({ message: expect.stringMatching(/input\/output error \(EIO\)/) });
    expect(await call('claims.list', { articleId })).toEqual([claim]);
    expect(await snapshotFolder(dir)).toEqual(before);
    disk.failing = null;
    const saved = await call('claims.update', update);
    expect(saved.revision).toBe(claim.revision + 1);
    expect(saved.history.map((h) => h.status)).toEqual(['unverified', 'verified']);
  });

  it('of a new article leaves no row and no file behind', async () => {
    const { dir, disk, call } = await library();
    const before = await snapshotFolder(dir);
    disk.failing = /articles\//;
    await expect(call('library.create', { meta: { title: 'Second' }, doc: DOC })).rejects.toMatchObject({ code: 'internal' });
    expect((await call('library.list', {})).map((r) => r.title)).toEqual(['Prices']);
    expect(await snapshotFolder(dir)).toEqual(before);
  });

  it('of prefs.json keeps the previous preferences', async () => {
    const { dir, disk, call } = await library();
    await call('prefs.set', { reviewer: 'Ana' });
    const before = await snapshotFolder(dir);
    disk.failing = /prefs\.json/;
    await expect(call('prefs.set', { reviewer: 'Bo' })).rejects.toMatchObject({ message: expect.stringMatching(/^Could not save prefs\.json: the disk is full/) });
    expect((await call('prefs.get', {})).reviewer).toBe('Ana');
    expect(await snapshotFolder(dir)).toEqual(before);
  });

  it('of a delete keeps the article listed and readable', async () => {
    const { dir, disk, call, articleId } = await library();
    const before = await snapshotFolder(dir);
    disk.failing = /index\.json/;
    await expect(call('library.delete', { articleId })).rejects.toMatchObject({ code: 'internal' });
    expect((await call('library.get', { articleId })).article.title).toBe('Prices');
    expect(await call('library.list', {})).toHaveLength(1);
    expect(await snapshotFolder(dir)).toEqual(before);
  });
});
