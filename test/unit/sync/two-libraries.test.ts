/**
 * Two libraries (two data folders, the real services) and one pouchdb-server: changes made on one
 * reach the other through CouchDB replication, live, as separate article and claim documents.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { RESOURCES_DIR } from '../../support/temp-library';
import { resumeSync } from '../../../src-main/sync';
import { articleDocId, claimDocId } from '../../../src-main/sync/documents';
import type { PouchDoc } from '../../../src-main/sync/pouch';
import { PouchDatabases } from '../../support/pouch-dbs';
import { ADMIN } from '../../support/team-server';
import { DOC, openSyncLibrary, until, type SyncLibrary } from '../../support/sync-library';
import { TEAM_DB, teamOfTwo } from '../../support/sync-team';

const team = teamOfTwo(['ma', 'mb']);
const connect = team.connect;
let a: SyncLibrary;
let b: SyncLibrary;
beforeAll(() => void ({ a, b } = team));

const TEXT = ['The minister said exports rose 12 percent in 2025.', 'Critics called the figure misleading.', 'Imports fell by a third, the agency said.'];


async function claimsOf(lib: SyncLibrary, articleId: string) {
  return lib.call('claims.list', { articleId }).catch(() => []);
}

describe('two libraries, one team database', () => {
  it('replicates articles, claims, edits and deletions both ways, live', async () => {
    const article = await a.call('library.create', { meta: { title: 'Exports' }, doc: DOC(TEXT) });
    const first = await a.call('claims.create', { articleId: article.id, range: { quote: 'exports rose 12 percent' }, claimant: 'the minister', status: 'in-review' });
    expect((await connect(a)).settings).toMatchObject({ db: 'team', user: ADMIN.user });
    await connect(b);

    // A's article and claim arrive in B under the same ids.
    const arrived = await until(async () => (await claimsOf(b, article.id)).find((c) => c.id === first.id), 20_000, 'A’s claim in B');
    expect(arrived).toMatchObject({ claimant: 'the minister', status: 'in-review', articleId: article.id });
    expect((await b.call('library.get', { articleId: article.id })).article.title).toBe('Exports');

    // B edits it and adds one; A sees both, and sync.changes names the article.
    const { changeSeq } = await a.call('sync.changes', { sinceSeq: 0 });
    await b.call('claims.update', { articleId: article.id, claimId: first.id, baseRevision: arrived.revision, patch: { status: 'false', note: 'checked by B' } });
    const second = await b.call('claims.create', { articleId: article.id, range: { quote: 'Imports fell by a third' }, claimant: 'the agency' });
    await until(async () => {
      const claims = await claimsOf(a, article.id);
      return claims.some((c) => c.id === first.id && c.status === 'false') && claims.some((c) => c.id === second.id);
    }, 20_000, 'B’s edits in A');
    const changes = await a.call('sync.changes', { sinceSeq: changeSeq });
    expect(changes.articleIds).toContain(article.id);
    expect(changes.changeSeq).toBeGreaterThan(changeSeq);

    // A deletes B's claim; B loses it. Nothing conflicts: different claims are different documents.
    await a.call('claims.delete', { articleId: article.id, claimId: second.id });
    await until(async () => !(await claimsOf(b, article.id)).some((c) => c.id === second.id), 20_000, 'the deletion in B');

    // Both settle as synced, with nothing pending and no conflicts.
    for (const lib of [a, b]) {
      const status = await until(async () => {
        const s = await lib.call('sync.status', {});
        return s.state === 'synced' && s.pending === 0 ? s : null;
      }, 20_000, 'synced');
      expect(status).toMatchObject({ conflicts: 0, readOnly: false, error: null });
    }
    // No echo: once settled, neither side keeps applying changes.
    const settled = (await b.call('sync.status', {})).changeSeq;
    await new Promise((r) => setTimeout(r, 1_500));
    expect((await b.call('sync.status', {})).changeSeq).toBe(settled);
  });

  it('deletes an article everywhere and brings it back with a restore', async () => {
    const article = await a.call('library.create', { meta: { title: 'To delete' }, doc: DOC(['A short article about grain prices rising sharply.']) });
    await a.call('claims.create', { articleId: article.id, range: { quote: 'grain prices rising' } });
    await until(async () => (await claimsOf(b, article.id)).length === 1, 20_000, 'the article in B');
    await b.call('library.delete', { articleId: article.id });
    await until(async () => !(await a.call('library.list', {})).some((row) => row.id === article.id), 20_000, 'the deletion in A');
    const [backup] = await b.call('backups.list', { articleId: article.id });
    await b.call('backups.restore', { articleId: article.id, backupId: backup.id });
    await until(async () => (await claimsOf(a, article.id)).length === 1, 20_000, 'the restore in A');
  });

  it('resumes syncing when a connected library is opened again (password from the 0600 file)', async () => {
    const dir = b.dir;
    await b.close();
    const article = await a.call('library.create', { meta: { title: 'While B was closed' }, doc: DOC(['The port handled 4 million containers last year.']) });
    b = await openSyncLibrary('mb', { dir });
    team.b = b; // closed (its sync stopped) before its folder is removed after the tests
    await resumeSync(b.factmark.ctx, { resourcesDir: RESOURCES_DIR });
    await until(async () => (await b.call('library.list', {})).some((row) => row.id === article.id), 20_000, 'the article in reopened B');
    expect((await b.call('sync.status', {})).settings?.db).toBe('team');
  });

  it('sends deletions made while sync was not running on the next start, and leaves a malformed teammate’s document alone', async () => {
    const kept = await a.call('library.create', { meta: { title: 'Kept' }, doc: DOC(['The mayor said crime fell 9 percent.', 'Rents rose 4 percent, the council said.']) });
    const gone = await a.call('library.create', { meta: { title: 'Gone' }, doc: DOC(['The fund said it had lost 2 billion.']) });
    const first = await a.call('claims.create', { articleId: kept.id, range: { quote: 'crime fell 9 percent' } });
    const second = await a.call('claims.create', { articleId: kept.id, range: { quote: 'Rents rose 4 percent' } });
    const third = await a.call('claims.create', { articleId: gone.id, range: { quote: 'lost 2 billion' } });
    const [keptKey, goneKey] = [kept.textHash, gone.textHash];
    const dbs = new PouchDatabases();
    const remote = await dbs.remote(team.server, TEAM_DB, { create: false });
    const doc = (id: string) => remote.get(id).catch(() => null as PouchDoc | null);
    await until(async () => (await doc(claimDocId(goneKey, third.id))) && (await doc(claimDocId(keptKey, second.id))), 20_000, 'A’s claims on the server');
    // A teammate's claim document that is not a claim: never applied, so never "deleted here" either.
    await remote.put({ _id: claimDocId(keptKey, 'malformed'), kind: 'claim', article: keptKey, claim: { id: 'malformed', status: 'nonsense' } });
    await new Promise((r) => setTimeout(r, 1_000)); // pulled into A's mirror (and refused there)
    const dir = a.dir;
    await a.close();
    a = await openSyncLibrary('ma', { dir }); // sync not running
    team.a = a; // closed before its folder is removed after the tests
    await a.call('claims.delete', { articleId: kept.id, claimId: first.id });
    await a.call('library.delete', { articleId: gone.id });
    await resumeSync(a.factmark.ctx, { resourcesDir: RESOURCES_DIR });
    await until(async () => !(await doc(claimDocId(keptKey, first.id))) && !(await doc(articleDocId(goneKey))) && !(await doc(claimDocId(goneKey, third.id))), 20_000, 'the deletions on the server');
    expect(await doc(claimDocId(keptKey, second.id))).toMatchObject({ claim: { id: second.id } });
    expect(await doc(articleDocId(keptKey))).not.toBeNull();
    expect(await doc(claimDocId(keptKey, 'malformed'))).toMatchObject({ claim: { status: 'nonsense' } });
    await until(async () => !(await b.call('library.list', {})).some((row) => row.id === gone.id), 20_000, 'the deleted article gone from B');
    await dbs.closeAll();
  });
});
