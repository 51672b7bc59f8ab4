/**
 * A deletion racing an edit made while one library was disconnected from the team (not just
 * while the server was away): when it reconnects, both libraries show the claim conflicted, the
 * edit as the winner and the deletion kept as its other version.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DOC, openSyncLibrary, until, type SyncLibrary } from '../../support/sync-library';
import { ADMIN, startTeamServer, type TeamServer } from '../../support/team-server';

let server: TeamServer;
let a: SyncLibrary;
let b: SyncLibrary;
const TEAM = { server: '', db: 'team', user: ADMIN.user, password: ADMIN.password };

beforeAll(async () => {
  server = await startTeamServer();
  await server.createDb('team');
  TEAM.server = server.url;
  a = await openSyncLibrary('da');
  b = await openSyncLibrary('db');
});

afterAll(async () => {
  await a?.cleanup();
  await b?.cleanup();
  await server?.stop();
});

describe('a deletion racing an edit across a disconnect', () => {
  it('is a conflict on both machines, the deletion kept as the other version', async () => {
    const article = await a.call('library.create', { meta: { title: 'Budget' }, doc: DOC(['Unemployment is at a record low, the minister said.']) });
    const claim = await a.call('claims.create', { articleId: article.id, range: { quote: 'Unemployment is at a record low' }, claimant: 'the minister' });
    for (const lib of [a, b]) await lib.call('sync.connect', TEAM);
    const onB = await until(async () => (await b.call('claims.list', { articleId: article.id }).catch(() => []))[0], 20_000, 'the claim in B');

    await b.call('sync.disconnect', {});
    await b.call('claims.update', { articleId: article.id, claimId: claim.id, baseRevision: onB.revision, patch: { status: 'verified', note: 'B checked it offline' } });
    await a.call('claims.delete', { articleId: article.id, claimId: claim.id });
    await b.call('sync.connect', TEAM);

    for (const lib of [a, b]) {
      const shown = await until(async () => (await lib.call('claims.list', { articleId: article.id }))[0]?.conflictVersions?.length ? (await lib.call('claims.list', { articleId: article.id }))[0] : null, 30_000, 'the conflict');
      expect(shown.note).toBe('B checked it offline');
      expect(shown.conflictVersions).toEqual([expect.objectContaining({ deleted: true })]);
    }
  });
});
