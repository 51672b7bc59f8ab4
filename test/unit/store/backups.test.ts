import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCliIn } from '../../support/cli';
import { backupsToKeep, DAILY_BACKUP_DAYS, RECENT_BACKUPS, type BackupEntry } from '../../../src-main/store/backup-shelf';
import { openTempLibrary, type TempLibrary } from '../../support/temp-library';
import { snapshotFolder } from '../../support/folder-snapshot';

const DOC = {
  type: 'doc' as const,
  content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Unemployment fell to 4 percent in May, the minister said on Tuesday.' }] }],
};
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

let lib: TempLibrary;
afterEach(async () => lib?.cleanup());

async function articleWithClaim(): Promise<{ articleId: string; claimId: string }> {
  lib = await openTempLibrary();
  const article = await lib.call('library.create', { meta: { title: 'Jobs' }, doc: DOC });
  lib.tick();
  const claim = await lib.call('claims.create', { articleId: article.id, range: { quote: 'fell to 4 percent' } });
  return { articleId: article.id, claimId: claim.id };
}

const cli = (...args: string[]) => runCliIn(lib.dir, ...args);

describe('backup retention', () => {
  const now = new Date('2026-03-20T12:00:00.000Z');
  const entry = (msAgo: number, i: number): BackupEntry => ({ id: `b${i}`, file: '', takenAt: new Date(now.getTime() - msAgo) });

  it(`keeps the ${RECENT_BACKUPS} newest and the newest of each of the last ${DAILY_BACKUP_DAYS} days`, () => {
    // Newest first: 30 saves an hour apart, then one save a day for 20 days before that.
    const entries = [
      ...Array.from({ length: 30 }, (_, i) => entry(i * HOUR, i)),
      ...Array.from({ length: 20 }, (_, i) => entry(30 * HOUR + i * DAY, 100 + i)),
    ];
    const keep = backupsToKeep(entries, now);
    const days = new Set(entries.filter((e) => keep.has(e.id)).map((e) => e.takenAt.toISOString().slice(0, 10)));
    for (let i = 0; i < RECENT_BACKUPS; i++) expect(keep.has(`b${i}`)).toBe(true);
    expect(keep.has('b10')).toBe(false); // same day as b0..b9
    expect(days.size).toBe(DAILY_BACKUP_DAYS);
    expect([...keep].every((id) => now.getTime() - entries.find((e) => e.id === id)!.takenAt.getTime() < DAILY_BACKUP_DAYS * DAY || Number(id.slice(1)) < RECENT_BACKUPS)).toBe(true);
    expect(keep.size).toBe(RECENT_BACKUPS + DAILY_BACKUP_DAYS - 1);
  });
});

describe('article backups', () => {
  it('backs up the previous version on every save and prunes to the retention rule', async () => {
    const { articleId, claimId } = await articleWithClaim();
    const folder = join(lib.dir, 'backups', 'articles', articleId);
    expect(await readdir(folder)).toHaveLength(1);
    let revision = 1;
    for (let i = 0; i < 25; i++) {
      lib.tick(6 * HOUR);
      revision = (await lib.call('claims.update', { articleId, claimId, baseRevision: revision, patch: { note: `n${i}` } })).revision;
    }
    const versions = await lib.call('backups.list', { articleId });
    const days = new Set(versions.slice(RECENT_BACKUPS).map((v) => v.takenAt.slice(0, 10)));
    expect(versions.length).toBe(RECENT_BACKUPS + days.size);
    expect(days.size).toBeGreaterThan(0);
    expect(await readdir(folder)).toHaveLength(versions.length);
    // The newest backup is the version just before the current one.
    const newest = JSON.parse(await readFile(join(folder, `${versions[0].id}.json`), 'utf8'));
    expect(newest.claims[0].note).toBe('n23');
  });

  it('lists versions newest first with their times and claim counts', async () => {
    const { articleId } = await articleWithClaim();
    lib.tick();
    await lib.call('claims.create', { articleId, range: { quote: 'the minister said' } });
    const versions = await lib.call('backups.list', { articleId });
    expect(versions.map((v) => v.claimCount)).toEqual([1, 0]);
    expect(versions.map((v) => v.takenAt)).toEqual(['2026-01-15T10:00:02.000Z', '2026-01-15T10:00:01.000Z']);
    expect(versions[0].title).toBe('Jobs');
  });

  it('restores a version, backing up the current one first so the restore can be undone', async () => {
    const { articleId } = await articleWithClaim();
    const [empty] = await lib.call('backups.list', { articleId });
    lib.tick();
    const restored = await lib.call('backups.restore', { articleId, backupId: empty.id });
    expect(restored.claimCount).toBe(0);
    expect(await lib.call('claims.list', { articleId })).toEqual([]);
    expect((await lib.call('library.list', {}))[0].claimCount).toBe(0);
    expect(restored.replacedBackupId).not.toBeNull();
    lib.tick();
    await lib.call('backups.restore', { articleId, backupId: restored.replacedBackupId! });
    const claims = await lib.call('claims.list', { articleId });
    expect(claims.map((c) => c.target.quote.exact)).toEqual(['fell to 4 percent']);
    expect(claims[0].revision).toBe(2); // above the revision it had, so stale edits conflict
  });

  it('keeps a deleted article’s last version so it can be restored', async () => {
    const { articleId } = await articleWithClaim();
    await lib.call('library.delete', { articleId });
    expect(await lib.call('library.list', {})).toEqual([]);
    const [last] = await lib.call('backups.list', { articleId });
    expect(last.claimCount).toBe(1);
    await lib.call('backups.restore', { articleId, backupId: last.id });
    expect((await lib.call('library.list', {})).map((r) => [r.title, r.claimCount])).toEqual([['Jobs', 1]]);
  });

  it('refuses unknown articles and backups and damaged backups, changing nothing', async () => {
    const { articleId } = await articleWithClaim();
    const [version] = await lib.call('backups.list', { articleId });
    await writeFile(join(lib.dir, 'backups', 'articles', articleId, `${version.id}.json`), '{"trunc');
    const before = await snapshotFolder(lib.dir);
    await expect(lib.call('backups.list', { articleId: 'nope' })).rejects.toMatchObject({ code: 'not-found' });
    await expect(lib.call('backups.restore', { articleId, backupId: '20990101T000000000Z' })).rejects.toMatchObject({ code: 'not-found' });
    await expect(lib.call('backups.restore', { articleId, backupId: version.id })).rejects.toMatchObject({ code: 'invalid-input', message: expect.stringMatching(/cannot be restored: it is not valid JSON/) });
    await expect(lib.call('backups.restore', { articleId, backupId: '../../index' })).rejects.toMatchObject({ code: 'invalid-request' });
    expect((await lib.call('backups.list', { articleId }))[0].claimCount).toBeNull();
    expect(await snapshotFolder(lib.dir)).toEqual(before);
  });

  it('works from the CLI: backups lists, restore brings a version back', async () => {
    const { articleId } = await articleWithClaim();
    await lib.factmark.close();
    const listed = await cli('backups', 'Jobs');
    expect(listed.code).toBe(0);
    const [line] = listed.out.split('\n');
    expect(line).toMatch(/^\d{8}T\d{9}Z {2}2026-01-15T10:00:01\.000Z {2}0 claims {2}Jobs$/);
    const restored = await cli('restore', articleId, line.split(' ')[0]);
    expect(restored.code).toBe(0);
    expect(restored.out).toMatch(/^Restored "Jobs" from backup \S+ \(0 claims\)\nThe version it replaced is backup \S+; restore it to undo\.$/);
    expect((await cli('claim', 'list', articleId)).out).toBe('No claims yet.');
    expect((await cli('restore', articleId)).code).toBe(2);
  });
});
