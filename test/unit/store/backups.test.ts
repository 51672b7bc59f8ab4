import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCliIn } from '../../support/cli';
import { backupsToKeep, RECENT_BACKUPS, type BackupEntry } from '../../../src-main/store/backup-shelf';
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
  const MINUTE = 60_000;
  const entry = (msAgo: number, i: number): BackupEntry => ({ id: `b${i}`, file: '', takenAt: new Date(now.getTime() - msAgo) });

  it('keeps every save of the last hour, however many (a burst of edits is not cut to a few)', () => {
    const entries = Array.from({ length: 300 }, (_, i) => entry(i * 10_000, i)); // a save every 10 s for 50 minutes
    expect(backupsToKeep(entries, now).size).toBe(300);
  });

  it('keeps the newest of each hour for a day and of each day for a month, and the newest ten however old', () => {
    // Newest first: one save a minute for 2 hours, one an hour for 3 days, one a day for 60 days.
    const entries = [
      ...Array.from({ length: 120 }, (_, i) => entry(i * MINUTE, i)),
      ...Array.from({ length: 72 }, (_, i) => entry(2 * HOUR + i * HOUR, 1000 + i)),
      ...Array.from({ length: 60 }, (_, i) => entry(3 * DAY + 2 * HOUR + i * DAY, 2000 + i)),
    ];
    const keep = backupsToKeep(entries, now);
    const kept = entries.filter((e) => keep.has(e.id));
    const age = (e: BackupEntry) => now.getTime() - e.takenAt.getTime();
    expect(kept.filter((e) => age(e) < HOUR)).toHaveLength(60);
    const hours = kept.filter((e) => age(e) >= HOUR && age(e) < DAY).map((e) => Math.floor(e.takenAt.getTime() / HOUR));
    expect(new Set(hours).size).toBe(hours.length);
    expect(hours.length).toBe(22); // 23 clock hours; the newest one's version is already kept as one of the last hour's
    const days = kept.filter((e) => age(e) >= DAY).map((e) => e.takenAt.toISOString().slice(0, 10));
    expect(new Set(days).size).toBe(days.length);
    expect(kept.every((e) => age(e) < 30 * DAY)).toBe(true);
    expect(days.length).toBeGreaterThanOrEqual(28);
    // A library left alone for a year still has its ten newest versions.
    const old = Array.from({ length: 15 }, (_, i) => entry(365 * DAY + i * HOUR, i));
    expect(backupsToKeep(old, now).size).toBe(RECENT_BACKUPS);
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
    const entries = versions.map((v) => ({ id: v.id, file: '', takenAt: new Date(v.takenAt) }));
    expect(versions.length).toBeLessThan(26);
    expect(backupsToKeep(entries, new Date(versions[0].takenAt)).size).toBe(versions.length);
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
