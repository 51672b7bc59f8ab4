/**
 * The same claim changed on two machines while the server was away: after it comes back both
 * libraries show the same winner with the other version kept (a deletion racing an edit too);
 * the CLI marks it; resolving it on one machine clears it on both.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { ClaimRecord } from '../../../src-shared/model';
import { loadSnapshot } from '../../../src-main/sync/snapshot';
import { runCliIn } from '../../support/cli';
import { DOC, until, type SyncLibrary } from '../../support/sync-library';
import { teamOfTwo } from '../../support/sync-team';
import type { TeamServer } from '../../support/team-server';

const team = teamOfTwo(['ca', 'cb'], { onDisk: true });
let server: TeamServer;
let a: SyncLibrary;
let b: SyncLibrary;
let articleId: string;
let edited: ClaimRecord;
let deleted: ClaimRecord;

beforeAll(async () => {
  ({ server, a, b } = team);
  const article = await a.call('library.create', { meta: { title: 'Budget' }, doc: DOC(['The deficit fell to 3 percent, the treasury said.', 'Unemployment is at a record low.']) });
  articleId = article.id;
  edited = await a.call('claims.create', { articleId, range: { quote: 'The deficit fell to 3 percent' }, claimant: 'the treasury' });
  deleted = await a.call('claims.create', { articleId, range: { quote: 'Unemployment is at a record low' }, claimant: 'the minister' });
  for (const lib of [a, b]) await team.connect(lib);
  await until(async () => (await b.call('claims.list', { articleId }).catch(() => [])).length === 2, 20_000, 'both claims in B');
});

const claimsOf = (lib: SyncLibrary) => lib.call('claims.list', { articleId });
const byId = (claims: ClaimRecord[], id: string) => claims.find((c) => c.id === id);

describe('conflicts', () => {
  it('keeps both versions of a claim changed on two machines, and a deletion that raced an edit', async () => {
    await server.kill();
    await until(async () => (await a.call('sync.status', {})).state === 'offline', 20_000, 'A offline');
    const onA = byId(await claimsOf(a), edited.id)!;
    const onB = byId(await claimsOf(b), edited.id)!;
    await a.call('claims.update', { articleId, claimId: edited.id, baseRevision: onA.revision, patch: { status: 'false', note: 'A: the deficit was 4 percent' } });
    await b.call('claims.update', { articleId, claimId: edited.id, baseRevision: onB.revision, patch: { status: 'verified', note: 'B: confirmed by the statistics office' } });
    const racedOnA = byId(await claimsOf(a), deleted.id)!;
    await a.call('claims.update', { articleId, claimId: deleted.id, baseRevision: racedOnA.revision, patch: { note: 'A kept working on it' } });
    await b.call('claims.delete', { articleId, claimId: deleted.id });
    expect((await a.call('sync.status', {})).pending).toBeGreaterThan(0);
    await server.restart();

    for (const lib of [a, b]) {
      await until(async () => {
        const claims = await claimsOf(lib);
        return byId(claims, edited.id)?.conflictVersions?.length === 1 && byId(claims, deleted.id)?.conflictVersions?.length === 1;
      }, 30_000, 'both conflicts');
    }
    const [claimsA, claimsB] = [await claimsOf(a), await claimsOf(b)];
    const strip = (c: ClaimRecord | undefined) => c && { note: c.note, status: c.status, versions: c.conflictVersions };
    // The same winner on both machines, and the other version kept with who and when.
    expect(strip(byId(claimsA, edited.id))).toEqual(strip(byId(claimsB, edited.id)));
    const notes = [byId(claimsA, edited.id)!.note, byId(claimsA, edited.id)!.conflictVersions![0].note].sort();
    expect(notes).toEqual(['A: the deficit was 4 percent', 'B: confirmed by the statistics office']);
    // The edit wins over the deletion; the deletion is shown as the other version.
    expect(byId(claimsA, deleted.id)!.note).toBe('A kept working on it');
    expect(byId(claimsB, deleted.id)!.conflictVersions![0]).toMatchObject({ deleted: true });
    expect(await until(async () => ((await b.call('sync.status', {})).conflicts === 2 ? true : null), 10_000, 'B counts 2 conflicts')).toBe(true);

    // The CLI marks them (reading while the library is open).
    await b.factmark.flush();
    const listed = await runCliIn(b.dir, 'claim', 'list', articleId, '--json');
    expect(listed.code).toBe(0);
    const rows = JSON.parse(listed.out) as Array<{ id: string; conflict?: boolean; conflictVersions?: unknown[] }>;
    expect(rows.filter((r) => r.conflict).map((r) => r.id).sort()).toEqual([edited.id, deleted.id].sort());
    expect(rows.find((r) => r.id === edited.id)?.conflictVersions).toHaveLength(1);

    // The running app keeps the conflicted claims in sync/state.json, so `sync --status` beside it counts them without reading the articles.
    await until(async () => ((await loadSnapshot(b.dir))?.conflicted?.length === 2 ? true : null), 10_000, 'the conflicts in sync/state.json');
    const status = await runCliIn(b.dir, 'sync', '--status', '--json');
    expect(status.code).toBe(0);
    expect(JSON.parse(status.out)).toMatchObject({ conflicts: 2 });
  });

  it('resolves on one machine and clears everywhere: keep the other version, keep the deletion', async () => {
    const current = byId(await claimsOf(a), edited.id)!;
    const other = current.conflictVersions![0];
    await a.call('claims.resolveConflict', { articleId, claimId: edited.id, keep: { rev: other.rev } });
    const raced = byId(await claimsOf(a), deleted.id)!;
    const deletion = raced.conflictVersions!.find((v) => v.deleted)!;
    expect(await a.call('claims.resolveConflict', { articleId, claimId: deleted.id, keep: { rev: deletion.rev } })).toMatchObject({ deleted: true });
    for (const lib of [a, b]) {
      await until(async () => {
        const claims = await claimsOf(lib);
        const kept = byId(claims, edited.id);
        return kept && !kept.conflictVersions && kept.note === other.note && !byId(claims, deleted.id);
      }, 30_000, 'the resolution everywhere');
      expect((await lib.call('sync.status', {})).conflicts).toBe(0);
    }
    await expect(a.call('claims.resolveConflict', { articleId, claimId: edited.id, keep: 'current' })).rejects.toThrow(/no conflict/);
  });

  it('merges fields chosen from both versions', async () => {
    await server.kill();
    const onA = byId(await claimsOf(a), edited.id)!;
    const onB = byId(await claimsOf(b), edited.id)!;
    await a.call('claims.update', { articleId, claimId: edited.id, baseRevision: onA.revision, patch: { claimant: 'the finance minister' } });
    await b.call('claims.update', { articleId, claimId: edited.id, baseRevision: onB.revision, patch: { status: 'misleading' } });
    await server.restart();
    const conflicted = await until(async () => {
      const c = byId(await claimsOf(b), edited.id);
      return c?.conflictVersions?.length ? c : null;
    }, 30_000, 'the conflict in B');
    await b.call('claims.resolveConflict', { articleId, claimId: edited.id, keep: { fields: { claimant: 'the finance minister', status: 'misleading' } } });
    expect(conflicted.id).toBe(edited.id);
    await until(async () => {
      const c = byId(await claimsOf(a), edited.id);
      return c && !c.conflictVersions && c.claimant === 'the finance minister' && c.status === 'misleading';
    }, 30_000, 'the merge in A');
  });
});
