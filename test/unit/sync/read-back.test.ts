/**
 * After a push, the pull starts past the server's changes that are only our own revisions, and
 * never past a teammate's: pastOwnChanges against a real pouchdb-server (a teammate's document,
 * edit or conflicting branch written between our pushes stops the skip just before it, and
 * PouchDB's pull from there brings it), and a library's initial push to an empty team database,
 * watched through a proxy: its pull replications do not walk the documents it pushed back, and a
 * teammate's claim saved during that push still arrives.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { docText } from '../../../src-shared/text';
import { newClaim } from '../../../src-shared/claims';
import { describeRange } from '../../../src-shared/anchoring/describe';
import { parseDoc } from '../../../src-main/services/documents';
import { SCHEMA_VERSION } from '../../../src-main/store/files';
import type { PouchDatabase, PouchDoc } from '../../../src-main/sync/pouch';
import { pastOwnChanges, PushedRevisions } from '../../../src-main/sync/read-back';
import { PULL_BATCH } from '../../../src-main/sync/replication';
import { startChangesProxy, type ChangesProxy, type ChangesRead } from '../../support/changes-proxy';
import { PouchDatabases } from '../../support/pouch-dbs';
import { DOC, openSyncLibrary, until, type SyncLibrary } from '../../support/sync-library';
import { ADMIN, startTeamServer, type TeamServer } from '../../support/team-server';

let server: TeamServer;
let proxy: ChangesProxy;
const libs: SyncLibrary[] = [];
const dbs = new PouchDatabases();

beforeAll(async () => {
  server = await startTeamServer();
  proxy = await startChangesProxy(server.url);
});

afterAll(async () => {
  await dbs.closeAll();
  for (const lib of libs) await lib.cleanup();
  await proxy?.close();
  await server?.stop();
});

const remoteDb = (name: string) => dbs.remote(server, name);
const localDb = () => dbs.local();

const claimDocs = (from: number, count: number): PouchDoc[] => Array.from({ length: count }, (_, i) => ({ _id: `claim:k:c${String(from + i).padStart(4, '0')}`, kind: 'claim', note: `note ${from + i}` }));

/** Write docs into the mirror and push them, noting what the push delivered. */
async function pushDocs(local: PouchDatabase, remote: PouchDatabase, docs: PouchDoc[], pushed: PushedRevisions): Promise<void> {
  await local.bulkDocs(docs);
  const replication = local.replicate.to(remote, { batch_size: 50 });
  replication.on('change', (info) => pushed.add(info.docs));
  await replication.then((info) => info);
}

/** The server's changes feed: each row's id and sequence, in order. */
async function feed(remote: PouchDatabase): Promise<Array<{ id: string; seq: number | string }>> {
  return (await remote.changes({ since: 0, limit: 10_000, batch_size: 10_000 })).results.map(({ id, seq }) => ({ id, seq }));
}

describe('pastOwnChanges', () => {
  it('skips every change that is only our own pushed revisions, to the end of the feed', async () => {
    const [local, remote] = [await localDb(), await remoteDb('own')];
    const pushed = new PushedRevisions();
    await pushDocs(local, remote, claimDocs(0, 120), pushed);
    const rows = await feed(remote);
    expect(rows).toHaveLength(120);
    expect(await pastOwnChanges(local, remote, 0, pushed, Promise.resolve())).toEqual(rows.at(-1)!.seq);
    // Revisions the mirror holds but that this push did not deliver (asked of the mirror) are skipped too.
    expect(await pastOwnChanges(local, remote, 0, new PushedRevisions(), Promise.resolve())).toEqual(rows.at(-1)!.seq);
  });

  it("stops just before a teammate's new document, which the pull from there brings", async () => {
    const [local, remote] = [await localDb(), await remoteDb('new-doc')];
    const pushed = new PushedRevisions();
    await pushDocs(local, remote, claimDocs(0, 60), pushed);
    await remote.put({ _id: 'claim:k:teammate', kind: 'claim', note: 'from a teammate' });
    await pushDocs(local, remote, claimDocs(60, 60), pushed);
    const rows = await feed(remote);
    const theirs = rows.findIndex((row) => row.id === 'claim:k:teammate');
    expect(theirs).toBe(60);
    const since = await pastOwnChanges(local, remote, 0, pushed, Promise.resolve());
    expect(since).toEqual(rows[theirs - 1].seq);
    const pulled = await local.replicate.from(remote, { since, batch_size: 250 }).then((info) => info);
    expect(pulled.docs_written).toBe(1);
    expect((await local.get('claim:k:teammate')).note).toBe('from a teammate');
  });

  it("stops before a teammate's edit of one of our documents, and before a conflicting branch of one", async () => {
    const [local, remote] = [await localDb(), await remoteDb('edits')];
    const pushed = new PushedRevisions();
    await pushDocs(local, remote, claimDocs(0, 80), pushed);
    // A teammate edits c0010 (a child of our revision); another writes a sibling of c0020's revision (a conflict).
    const edited = await remote.get('claim:k:c0010');
    await remote.put({ ...edited, note: 'edited by a teammate' });
    const ours = await remote.get('claim:k:c0020');
    await remote.bulkDocs([{ _id: ours._id, _rev: '1-feedfacefeedfacefeedfacefeedface', _revisions: { start: 1, ids: ['feedfacefeedfacefeedfacefeedface'] }, kind: 'claim', note: 'a rival version' }], { new_edits: false });
    const rows = await feed(remote);
    expect(rows.slice(-2).map((row) => row.id)).toEqual(['claim:k:c0010', 'claim:k:c0020']);
    const since = await pastOwnChanges(local, remote, 0, pushed, Promise.resolve());
    expect(since).toEqual(rows.at(-3)!.seq);
    await local.replicate.from(remote, { since, batch_size: 250 }).then((info) => info);
    expect((await local.get('claim:k:c0010')).note).toBe('edited by a teammate');
    const both = await local.get('claim:k:c0020', { conflicts: true });
    expect([both._rev, ...(both._conflicts ?? [])]).toContain('1-feedfacefeedfacefeedfacefeedface');
    expect(both._conflicts).toHaveLength(1); // both versions kept
  });

  it('follows a push while it runs, ending once it has ended', async () => {
    const [local, remote] = [await localDb(), await remoteDb('follow')];
    const pushed = new PushedRevisions();
    let finish = () => undefined as void;
    const pushing = new Promise<void>((resolve) => (finish = resolve));
    const skipping = pastOwnChanges(local, remote, 0, pushed, pushing);
    await pushDocs(local, remote, claimDocs(0, 2_100), pushed);
    finish();
    const rows = await feed(remote);
    expect(await skipping).toEqual(rows.at(-1)!.seq);
  });
});

/** A library of `articles` articles of `claims` claims each, written through the store (as the benchmark does). */
async function fill(lib: SyncLibrary, articles: number, claims: number): Promise<number> {
  for (let a = 0; a < articles; a++) {
    const sentences = Array.from({ length: claims }, (_, i) => `Article ${a}, sentence ${i}: the agency said exports rose ${i + 2} percent.`);
    const doc = DOC(sentences);
    const article = await lib.call('library.create', { meta: { title: `Article ${a}` }, doc });
    const text = docText(parseDoc(doc));
    const list = sentences.map((_, i) => {
      const start = text.indexOf(`rose ${i + 2} percent`, text.indexOf(`sentence ${i}:`));
      return newClaim({ id: `c${a}x${i}`, articleId: article.id, target: describeRange(text, start, start + `rose ${i + 2} percent`.length), stamp: { at: new Date().toISOString(), reviewer: 'test' }, note: `note ${i}` });
    });
    await lib.factmark.ctx.store.writeArticle({ schemaVersion: SCHEMA_VERSION, article, claims: list });
  }
  return articles * (claims + 1);
}

const synced = (lib: SyncLibrary) =>
  until(async () => {
    const s = await lib.call('sync.status', {});
    return s.state === 'synced' && s.pending === 0 ? s : null;
  }, 60_000, 'synced');

async function open(machine: string): Promise<SyncLibrary> {
  const lib = await openSyncLibrary(machine);
  libs.push(lib);
  return lib;
}

describe("a library's initial push to an empty team database", () => {
  it('is not read back by its pull replications', async () => {
    await server.createDb('solo');
    const a = await open('sa');
    const documents = await fill(a, 6, 100);
    await a.call('sync.connect', { server: proxy.url, db: 'solo', user: ADMIN.user, password: ADMIN.password });
    await synced(a);
    // Settled once a pull replication has asked the server for what comes after the last document.
    const pullBatch = (read: ChangesRead) => read.query.get('limit') === String(PULL_BATCH);
    await until(async () => proxy.reads.some((read) => pullBatch(read) && read.query.get('since') === String(documents)), 30_000, 'the pull at the end');
    const walked = new Set(proxy.reads.filter(pullBatch).flatMap((read) => read.ids));
    // Before, the pull walked every pushed document back (at least `documents` ids); a few may
    // still be met by the catch-up pull that runs beside the push.
    expect(walked.size).toBeLessThan(documents / 2);
    const info = (await (await fetch(`${server.url}/solo`, { headers: { Authorization: `Basic ${Buffer.from(`${ADMIN.user}:${ADMIN.password}`).toString('base64')}` } })).json()) as { doc_count: number };
    expect(info.doc_count).toBe(documents);
  }, 90_000);

  it("still brings a teammate's claim saved while it runs", async () => {
    await server.createDb('pair');
    const [a, b] = [await open('pa'), await open('pb')];
    const article = await b.call('library.create', { meta: { title: 'B’s article' }, doc: DOC(['The minister said exports rose 12 percent in 2025.', 'Imports fell by a third.']) });
    await b.call('sync.connect', { server: server.url, db: 'pair', user: ADMIN.user, password: ADMIN.password });
    await synced(b);
    const documents = await fill(a, 8, 100);
    const auth = { Authorization: `Basic ${Buffer.from(`${ADMIN.user}:${ADMIN.password}`).toString('base64')}` };
    const count = async () => ((await (await fetch(`${server.url}/pair`, { headers: auth })).json()) as { doc_count: number }).doc_count;
    await a.call('sync.connect', { server: proxy.url, db: 'pair', user: ADMIN.user, password: ADMIN.password });
    await until(async () => (await count()) > 200, 30_000, 'A’s push under way');
    const claim = await b.call('claims.create', { articleId: article.id, range: { quote: 'Imports fell by a third' }, claimant: 'the agency' });
    await until(async () => (await a.call('claims.list', { articleId: article.id }).catch(() => [])).some((c) => c.id === claim.id), 30_000, 'B’s claim in A');
    await synced(a);
    expect(await count()).toBe(documents + 2);
  }, 90_000);
});
