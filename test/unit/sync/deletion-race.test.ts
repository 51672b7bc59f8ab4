/**
 * A deletion racing an edit made while one library was disconnected from the team (not just
 * while the server was away): when it reconnects, both libraries show the claim conflicted, the
 * edit as the winner and the deletion kept as its other version — also on the bundled sample,
 * whose last claim deleted makes it look untouched. Online, a delete naming the version the
 * reviewer saw is refused once a teammate's edit has arrived since (it would lose it unseen).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { DOC, until, type SyncLibrary } from '../../support/sync-library';
import { sampleHashes } from '../../../src-main/sync';
import { teamOfTwo, TEAM_DB } from '../../support/sync-team';
import { ADMIN } from '../../support/team-server';
import { RESOURCES_DIR } from '../../support/temp-library';

const team = teamOfTwo(['da', 'db'], { seed: true });
let a: SyncLibrary;
let b: SyncLibrary;
beforeAll(() => void ({ a, b } = team));

/** The claim as each library holds it, once it shows a conflict there. */
async function conflictedEverywhere(articleIds: [string, string], claimId: string) {
  return Promise.all(
    ([a, b] as const).map((lib, i) =>
      until(async () => (await lib.call('claims.list', { articleId: articleIds[i] })).find((c) => c.id === claimId && c.conflictVersions?.length), 30_000, 'the conflict'),
    ),
  );
}


describe('a deletion racing an edit across a disconnect', () => {
  it('is a conflict on both machines, the deletion kept as the other version', async () => {
    const article = await a.call('library.create', { meta: { title: 'Budget' }, doc: DOC(['Unemployment is at a record low, the minister said.']) });
    const claim = await a.call('claims.create', { articleId: article.id, range: { quote: 'Unemployment is at a record low' }, claimant: 'the minister' });
    for (const lib of [a, b]) await team.connect(lib);
    const onB = await until(async () => (await b.call('claims.list', { articleId: article.id }).catch(() => []))[0], 20_000, 'the claim in B');

    await b.call('sync.disconnect', {});
    await b.call('claims.update', { articleId: article.id, claimId: claim.id, baseRevision: onB.revision, patch: { status: 'verified', note: 'B checked it offline' } });
    await a.call('claims.delete', { articleId: article.id, claimId: claim.id });
    await team.connect(b);

    for (const lib of [a, b]) {
      const shown = await until(async () => (await lib.call('claims.list', { articleId: article.id }))[0]?.conflictVersions?.length ? (await lib.call('claims.list', { articleId: article.id }))[0] : null, 30_000, 'the conflict');
      expect(shown.note).toBe('B checked it offline');
      expect(shown.conflictVersions).toEqual([expect.objectContaining({ deleted: true })]);
    }
  });

  it('is a conflict on the bundled sample too, whose only claim deleted offline makes it look untouched', async () => {
    const [sampleA, sampleB] = await Promise.all([a, b].map(async (lib) => (await lib.call('library.list', {})).find((row) => row.title !== 'Budget')!.id));
    // The sample is known by its text as first run imports it, so untouched it never went to the team.
    const sampleHash = (await a.call('library.list', {})).find((row) => row.id === sampleA)!.textHash;
    expect(await sampleHashes(RESOURCES_DIR)).toContain(sampleHash);
    expect((await fetch(`${team.server.url}/${TEAM_DB}/article:${sampleHash}`, { headers: { Authorization: `Basic ${Buffer.from(`${ADMIN.user}:${ADMIN.password}`).toString('base64')}` } })).status).toBe(404);
    const claim = await a.call('claims.create', { articleId: sampleA, range: { quote: 'no progress has been made' } });
    await until(async () => (await b.call('claims.list', { articleId: sampleB })).find((c) => c.id === claim.id), 20_000, 'the claim in B');
    await b.call('sync.disconnect', {});
    await a.call('claims.update', { articleId: sampleA, claimId: claim.id, baseRevision: claim.revision, patch: { status: 'verified' } });
    await b.call('claims.delete', { articleId: sampleB, claimId: claim.id });
    await team.connect(b);
    for (const shown of await conflictedEverywhere([sampleA, sampleB], claim.id)) {
      expect(shown.status).toBe('verified');
      expect(shown.conflictVersions).toEqual([expect.objectContaining({ deleted: true })]);
    }
  });

  it('refuses, online, a delete of a version older than the one a teammate’s edit brought (nothing lost, nothing changed)', async () => {
    const article = await a.call('library.create', { meta: { title: 'Rents' }, doc: DOC(['Rents rose 12 percent in the capital, the survey found.']) });
    const claim = await a.call('claims.create', { articleId: article.id, range: { quote: 'Rents rose 12 percent' } });
    const seen = await until(async () => (await b.call('claims.list', { articleId: article.id }).catch(() => []))[0], 20_000, 'the claim in B');
    await a.call('claims.update', { articleId: article.id, claimId: claim.id, baseRevision: claim.revision, patch: { note: 'A’s source: the survey' } });
    await until(async () => (await b.call('claims.list', { articleId: article.id }))[0]?.note === 'A’s source: the survey', 20_000, 'A’s edit in B');
    await expect(b.call('claims.delete', { articleId: article.id, claimId: claim.id, baseRevision: seen.revision })).rejects.toThrow(/changed elsewhere/);
    const now = (await b.call('claims.list', { articleId: article.id }))[0];
    expect(now.note).toBe('A’s source: the survey');
    await b.call('claims.delete', { articleId: article.id, claimId: claim.id, baseRevision: now.revision }); // having seen it
    await until(async () => (await a.call('claims.list', { articleId: article.id })).length === 0, 20_000, 'the deletion in A');
  });
});
