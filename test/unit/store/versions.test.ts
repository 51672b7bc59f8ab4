/** Versions of an article: what each changed, paging, a preview that writes nothing, and an undoable restore. */
import { afterEach, describe, expect, it } from 'vitest';
import { openTempLibrary, type TempLibrary } from '../../support/temp-library';
import { snapshotFolder } from '../../support/folder-snapshot';

const DOC = {
  type: 'doc' as const,
  content: [{ type: 'paragraph', content: [{ type: 'text', text: 'The council said rents rose 8 percent while wages rose 3 percent, and 400 homes were built.' }] }],
};

let lib: TempLibrary;
afterEach(async () => lib?.cleanup());

/** An article edited in four saves: claim A added, B added, A's status and note changed, B removed. */
async function history() {
  lib = await openTempLibrary();
  const article = await lib.call('library.create', { meta: { title: 'Rents' }, doc: DOC });
  lib.tick();
  const a = await lib.call('claims.create', { articleId: article.id, range: { quote: 'rents rose 8 percent' }, claimant: 'the council' });
  lib.tick();
  const b = await lib.call('claims.create', { articleId: article.id, range: { quote: '400 homes were built' } });
  lib.tick();
  await lib.call('claims.update', { articleId: article.id, claimId: a.id, baseRevision: a.revision, patch: { status: 'disputed', note: 'ONS says 6.1' } });
  lib.tick();
  await lib.call('claims.delete', { articleId: article.id, claimId: b.id });
  return { articleId: article.id, a, b };
}

describe('article versions', () => {
  it('say per version what it changed: claims added, removed and edited, with status changes', async () => {
    const { articleId, a, b } = await history();
    const versions = await lib.call('backups.list', { articleId });
    expect(versions.map((v) => v.claimCount)).toEqual([2, 2, 1, 0]);
    const [edited, addedB, addedA, first] = versions.map((v) => v.changes);
    expect(edited).toEqual({
      added: [],
      removed: [],
      edited: [{ claim: { id: a.id, quote: 'rents rose 8 percent', status: 'disputed', claimant: 'the council' }, fields: ['status', 'note'], statusFrom: 'unverified' }],
      details: [],
      counts: { added: 0, removed: 0, edited: 1 },
    });
    expect(addedB?.added.map((c) => c.id)).toEqual([b.id]);
    expect(addedA?.added.map((c) => [c.quote, c.claimant])).toEqual([['rents rose 8 percent', 'the council']]);
    expect(first).toBeNull(); // the oldest kept version has nothing to compare with
    expect(versions.every((v) => v.savedAt && !Number.isNaN(Date.parse(v.savedAt)))).toBe(true);
  });

  it('say what the current version changed from the newest stored one', async () => {
    const { articleId, b } = await history();
    const current = await lib.call('backups.current', { articleId });
    expect(current.claimCount).toBe(1);
    expect(current.changes?.removed.map((c) => c.id)).toEqual([b.id]);
    expect(current.changes?.counts).toEqual({ added: 0, removed: 1, edited: 0 });
  });

  it('page through with limit and before', async () => {
    const { articleId } = await history();
    const all = await lib.call('backups.list', { articleId });
    const first = await lib.call('backups.list', { articleId, limit: 2 });
    const rest = await lib.call('backups.list', { articleId, before: first[1].id });
    expect([...first, ...rest]).toEqual(all);
    expect(first[1].changes).toEqual(all[1].changes); // compared with a version beyond the page
    await expect(lib.call('backups.list', { articleId, before: '20990101T000000000Z' })).rejects.toMatchObject({ code: 'not-found' });
  });

  it('preview a version: its claims and what restoring it would change, without writing anything', async () => {
    const { articleId, a, b } = await history();
    const versions = await lib.call('backups.list', { articleId });
    const before = await snapshotFolder(lib.dir);
    const preview = await lib.call('backups.preview', { articleId, backupId: versions[1].id });
    expect(preview.version).toEqual(versions[1]);
    expect(preview.claims.map((c) => [c.id, c.status])).toEqual([
      [a.id, 'unverified'],
      [b.id, 'unverified'],
    ]);
    expect(preview.restoring.added.map((c) => c.id)).toEqual([b.id]);
    expect(preview.restoring.edited).toEqual([expect.objectContaining({ fields: ['status', 'note'], statusFrom: 'disputed', claim: expect.objectContaining({ status: 'unverified' }) })]);
    expect(await snapshotFolder(lib.dir)).toEqual(before);
  });

  it('restore is undone by restoring the version it replaced, exactly', async () => {
    const { articleId } = await history();
    const current = await lib.call('library.get', { articleId });
    const [, second] = await lib.call('backups.list', { articleId });
    lib.tick();
    const restored = await lib.call('backups.restore', { articleId, backupId: second.id });
    expect((await lib.call('claims.list', { articleId })).length).toBe(2);
    lib.tick();
    await lib.call('backups.restore', { articleId, backupId: restored.replacedBackupId! });
    const undone = await lib.call('library.get', { articleId });
    expect(undone.claims.map(({ revision: _r, updatedAt: _u, ...rest }) => rest)).toEqual(current.claims.map(({ revision: _r, updatedAt: _u, ...rest }) => rest));
    expect((await lib.call('backups.list', { articleId }))[0].changes?.counts).toEqual({ added: 1, removed: 0, edited: 1 });
  });
});
