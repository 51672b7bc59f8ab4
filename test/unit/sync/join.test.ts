/**
 * An empty library joining a team whose database holds more documents than one pull batch: every
 * article arrives whole, each saved once (its claims are not split over several saves), and the
 * library it joins keeps its own article beside the team's. One that joins after the team made
 * conflicts (and edits) shows them as the machines that made them do; one whose mirror was left
 * half set up (the team's documents pulled, none applied) gets them on its next connect.
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ClaimRecord } from '../../../src-shared/model';
import { claimDocId } from '../../../src-main/sync/documents';
import type { PouchDoc } from '../../../src-main/sync/pouch';
import { PouchDatabases } from '../../support/pouch-dbs';
import { DOC, openSyncLibrary, until, type SyncLibrary } from '../../support/sync-library';
import { TEAM_DB, teamOfTwo } from '../../support/sync-team';

const team = teamOfTwo(['ja', 'jb']);
let a: SyncLibrary;
let b: SyncLibrary;
beforeAll(() => void ({ a, b } = team));

const ARTICLES = 6;
const CLAIMS = 60;
const sentence = (a: number, i: number) => `Article ${a}, sentence ${i}: exports rose ${i + 2} percent.`;

describe('joining a team with a large library', () => {
  it('adds every article with all its claims, each article saved once', async () => {
    for (let n = 0; n < ARTICLES; n++) {
      const article = await a.call('library.create', { meta: { title: `Article ${n}` }, doc: DOC(Array.from({ length: CLAIMS }, (_, i) => sentence(n, i))) });
      for (let i = 0; i < CLAIMS; i++) await a.call('claims.create', { articleId: article.id, range: { quote: sentence(n, i) } });
    }
    await team.connect(a);
    await until(async () => {
      const s = await a.call('sync.status', {});
      return s.state === 'synced' && s.pending === 0;
    }, 60_000, 'A synced');

    const own = await b.call('library.create', { meta: { title: 'Only on B' }, doc: DOC(['Imports fell by a third, the agency said.']) });
    const saves = new Map<string, number>();
    b.factmark.ctx.store.onArticleSaved(({ articleId }) => saves.set(articleId, (saves.get(articleId) ?? 0) + 1));
    await team.connect(b);
    const rows = await until(async () => {
      const list = await b.call('library.list', {});
      return list.length === ARTICLES + 1 && list.every((row) => row.id === own.id || row.claimCount === CLAIMS) ? list : null;
    }, 60_000, 'B complete');
    expect(rows.map((row) => row.title).sort()).toEqual(['Only on B', ...Array.from({ length: ARTICLES }, (_, n) => `Article ${n}`)].sort());
    const teamArticles = rows.filter((row) => row.id !== own.id).map((row) => row.id);
    expect(teamArticles.map((id) => saves.get(id))).toEqual(teamArticles.map(() => 1));
    for (const id of teamArticles) {
      const claims = await b.call('claims.list', { articleId: id });
      expect(new Set(claims.map((c) => c.target.quote.exact)).size).toBe(CLAIMS);
    }
    // B's own article went to the team.
    await until(async () => (await a.call('library.list', {})).some((row) => row.id === own.id), 30_000, 'B’s article in A');
  });

  it('brings the team’s conflicts and edits into a library that joins after them, as the machines that made them show them', async () => {
    const article = (await a.call('library.list', {})).find((row) => row.title === 'Article 0')!;
    const [racedEdits, racedDeletion, edited] = await a.call('claims.list', { articleId: article.id });
    const dbs = new PouchDatabases();
    const remote = await dbs.remote(team.server, TEAM_DB, { create: false });
    const docOf = (claim: ClaimRecord) => remote.get(claimDocId(article.textHash, claim.id), { revs: true });
    /** A child of `doc`'s revision with the given hash: two of them are siblings, a conflict. */
    const child = (doc: PouchDoc, hash: string, body: object): PouchDoc => {
      const start = Number.parseInt(doc._rev!, 10) + 1;
      return { ...body, _id: doc._id, _rev: `${start}-${hash}`, _revisions: { start, ids: [hash, ...doc._revisions!.ids] } };
    };
    const withNote = (doc: PouchDoc, note: string) => ({ kind: doc.kind, article: doc.article, claim: { ...(doc.claim as object), note } });
    const [x, y] = [await docOf(racedEdits), await docOf(racedDeletion)];
    await remote.bulkDocs(
      [
        child(x, 'a'.repeat(32), withNote(x, 'edited on one machine')),
        child(x, 'b'.repeat(32), withNote(x, 'edited on another')),
        child(y, 'c'.repeat(32), withNote(y, 'kept working on it')),
        child(y, 'd'.repeat(32), { _deleted: true, kind: 'claim', article: y.article, deletedBy: 'another reviewer', deletedAt: new Date().toISOString() }),
      ],
      { new_edits: false },
    );
    const z = await docOf(edited);
    await remote.put({ ...withNote(z, 'edited twice'), _id: z._id, _rev: z._rev });
    await remote.put({ ...withNote(z, 'edited three times'), _id: z._id, _rev: (await remote.get(z._id))._rev });
    await dbs.closeAll();

    const shown = async (lib: SyncLibrary, id: string) => {
      const claims = await lib.call('claims.list', { articleId: id }).catch(() => []);
      const pick = (claim: ClaimRecord) => claims.find((c) => c.id === claim.id);
      const [p, q, r] = [pick(racedEdits), pick(racedDeletion), pick(edited)];
      if (p?.conflictVersions?.length !== 1 || q?.conflictVersions?.length !== 1 || r?.note !== 'edited three times') return null;
      return [p, q].map((c) => ({ note: c.note, versions: c.conflictVersions!.map(({ rev, deleted, note, reviewer }) => ({ rev, deleted, note, reviewer })) }));
    };
    const onA = await until(() => shown(a, article.id), 30_000, 'the conflicts in A');
    const c = await openSyncLibrary('jc');
    try {
      await team.connect(c);
      const rows = await until(async () => {
        const list = await c.call('library.list', {});
        return list.length === ARTICLES + 1 ? list : null;
      }, 60_000, 'C complete');
      const onC = await until(() => shown(c, rows.find((row) => row.textHash === article.textHash)!.id), 30_000, 'the conflicts in C');
      expect(onC).toEqual(onA);
      expect([onC[0].note, onC[0].versions[0].note].sort()).toEqual(['edited on another', 'edited on one machine']);
      // The edit wins over the deletion that raced it; the deletion is the other version.
      expect(onC[1].note).toBe('kept working on it');
      expect(onC[1].versions[0]).toMatchObject({ deleted: true, reviewer: 'another reviewer' });
      expect((await c.call('sync.status', {})).conflicts).toBe(2);
    } finally {
      await c.cleanup();
    }
  });

  it('applies a mirror left half set up (the team’s documents pulled, none applied: the app stopped mid-join) on the next connect', async () => {
    const d = await openSyncLibrary('jd');
    try {
      const dbs = new PouchDatabases();
      await mkdir(join(d.dir, 'sync'));
      const mirror = await dbs.local(join(d.dir, 'sync', 'pouch'));
      await mirror.replicate.from(await dbs.remote(team.server, TEAM_DB, { create: false }));
      await dbs.closeAll();
      await team.connect(d);
      const rows = await until(async () => {
        const list = await d.call('library.list', {});
        return list.length === ARTICLES + 1 && list.every((row) => row.title === 'Only on B' || row.claimCount === CLAIMS) ? list : null;
      }, 60_000, 'D complete');
      expect(rows.map((row) => row.title).sort()).toEqual(['Only on B', ...Array.from({ length: ARTICLES }, (_, n) => `Article ${n}`)].sort());
    } finally {
      await d.cleanup();
    }
  });

  it('adds an article whose document came after its claims (renamed since) whole, and not one the team deleted', async () => {
    const list = await a.call('library.list', {});
    const renamed = list.find((row) => row.title === 'Article 1')!;
    await a.call('library.rename', { articleId: renamed.id, title: 'Article 1, renamed' });
    await a.call('library.delete', { articleId: list.find((row) => row.title === 'Article 2')!.id });
    await until(async () => {
      const s = await a.call('sync.status', {});
      return s.state === 'synced' && s.pending === 0;
    }, 30_000, 'A synced');
    const e = await openSyncLibrary('je');
    try {
      const saves = new Map<string, number>();
      e.factmark.ctx.store.onArticleSaved(({ articleId }) => saves.set(articleId, (saves.get(articleId) ?? 0) + 1));
      await team.connect(e);
      const rows = await until(async () => {
        const now = await e.call('library.list', {});
        return now.length === ARTICLES && now.every((row) => row.title === 'Only on B' || row.claimCount === CLAIMS) ? now : null;
      }, 60_000, 'E complete');
      expect(rows.map((row) => row.title).sort()).toEqual(['Article 0', 'Article 1, renamed', 'Article 3', 'Article 4', 'Article 5', 'Only on B'].sort());
      expect(rows.map((row) => saves.get(row.id))).toEqual(rows.map(() => 1));
    } finally {
      await e.cleanup();
    }
  });
});
