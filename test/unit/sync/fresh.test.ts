/**
 * A library's first push sends the documents it just created in its mirror without reading them
 * back out of LevelDB (fresh.ts), and the team database still ends up holding exactly what the
 * mirror holds, revision histories included: FreshDocs against a real LevelDB mirror and a real
 * pouchdb-server, and a real library's first connect.
 */
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { FreshDocs } from '../../../src-main/sync/fresh';
import { pouchdb, type PouchDatabase, type PouchDoc } from '../../../src-main/sync/pouch';
import { PouchDatabases } from '../../support/pouch-dbs';
import { DOC, openSyncLibrary, until, type SyncLibrary } from '../../support/sync-library';
import { ADMIN, startTeamServer, type TeamServer } from '../../support/team-server';

let server: TeamServer;
const libs: SyncLibrary[] = [];
const dbs = new PouchDatabases();

beforeAll(async () => {
  server = await startTeamServer();
});

afterAll(async () => {
  await dbs.closeAll();
  for (const lib of libs) await lib.cleanup();
  await server?.stop();
});

const remoteDb = (name: string) => dbs.remote(server, name);
const localDb = (path?: string) => dbs.local(path);

type BulkGet = (this: unknown, request: { docs: Array<{ id: string }> }) => Promise<unknown>;

/**
 * Ids whose documents are read out of a LevelDB database (its bulkGet, which PouchDB's push calls
 * for the documents it sends) while `recording`. PouchDB sets bulkGet on each instance as it is
 * made, so a setter on the prototype wraps it for every database opened while this is installed.
 */
let readBack: string[] = [];
let recording = false;
beforeAll(async () => {
  const prototype = (await pouchdb()).prototype;
  Object.defineProperty(prototype, 'bulkGet', {
    configurable: true,
    set(this: { adapter?: string }, bulkGet: BulkGet) {
      const db = this;
      const wrapped: BulkGet = function (request) {
        if (recording && db.adapter === 'leveldb') readBack.push(...request.docs.map((d) => d.id));
        return bulkGet.call(this, request);
      };
      Object.defineProperty(this, 'bulkGet', { value: wrapped, writable: true, configurable: true });
    },
  });
});
afterAll(async () => void delete (await pouchdb()).prototype.bulkGet);
afterEach(() => {
  recording = false;
  readBack = [];
});

/** Every leaf of every document of `db` (deletions too) with its revision history, by id and revision. */
async function everything(db: PouchDatabase): Promise<Map<string, PouchDoc>> {
  const out = new Map<string, PouchDoc>();
  const feed = await db.changes({ since: 0, style: 'all_docs', batch_size: 1_000 });
  for (const row of feed.results) for (const { rev } of row.changes) out.set(`${row.id} ${rev}`, await db.get(row.id, { rev, revs: true }));
  return out;
}

const docs = (count: number): PouchDoc[] =>
  Array.from({ length: count }, (_, i) => ({ _id: `claim:k:c${String(i).padStart(4, '0')}`, kind: 'claim', note: `note ${i} — “quoted”, ünïcödé`, evidence: [{ url: `https://e.example/${i}`, title: `E${i}` }], status: i % 3 ? 'verified' : 'false', position: { start: i, end: i + 5 } }));

describe('FreshDocs', () => {
  it('answers the push’s reads of what the mirror created, reads the rest from the mirror, and the server ends up the same', async () => {
    const [local, remote] = [await localDb(), await remoteDb('fresh-unit')];
    const fresh = new FreshDocs();
    fresh.start();
    const written = docs(300);
    const results = await local.bulkDocs(written);
    results.forEach((r, i) => fresh.created(written[i], r.rev!));
    // Changed and deleted since they were created: their newer revisions are read from the mirror.
    await local.put({ ...written[5], _rev: results[5].rev, note: 'edited' });
    await local.put({ _id: written[6]._id, _rev: results[6].rev, _deleted: true });
    recording = true;
    const info = await fresh.push(local, remote, { batch_size: 50 }).then((i) => i);
    expect(info.docs_written).toBe(300);
    expect(readBack.sort()).toEqual([written[5]._id, written[6]._id]);
    const held = await everything(local);
    expect([...held.values()].filter((doc) => doc._deleted).map((doc) => doc._id)).toEqual([written[6]._id]);
    expect(await everything(remote)).toEqual(held);
  });

  it('holds nothing unless started, nor after it ends: the push then reads every document from the mirror', async () => {
    const [local, remote] = [await localDb(), await remoteDb('fresh-off')];
    const fresh = new FreshDocs();
    const before = docs(20);
    for (const doc of before) fresh.created(doc, (await local.put(doc)).rev);
    fresh.start();
    const after = docs(40).slice(20);
    const results = await local.bulkDocs(after);
    results.forEach((r, i) => fresh.created(after[i], r.rev!));
    fresh.end();
    recording = true;
    await fresh.push(local, remote, { batch_size: 50 }).then((i) => i);
    expect(readBack).toHaveLength(40);
    expect(await everything(remote)).toEqual(await everything(local));
  });
});

describe('a library’s first push to an empty team database', () => {
  it('sends its articles and claims without reading them back from the new mirror; the team database holds what the mirror holds', async () => {
    const lib = await openSyncLibrary('fr');
    libs.push(lib);
    for (let a = 0; a < 3; a++) {
      const sentences = Array.from({ length: 30 }, (_, i) => `Article ${a}, sentence ${i}: the agency said exports rose ${i + 2} percent.`);
      const article = await lib.call('library.create', { meta: { title: `Article ${a}` }, doc: DOC(sentences) });
      for (let i = 0; i < 30; i++) {
        const claim = await lib.call('claims.create', { articleId: article.id, range: { quote: `exports rose ${i + 2} percent` }, claimant: 'the agency' });
        if (i % 4 === 0) await lib.call('claims.update', { articleId: article.id, claimId: claim.id, baseRevision: claim.revision, patch: { status: 'false', note: `checked ${i}`, evidence: [{ id: `e${i}`, url: `https://e.example/${i}`, title: 'Source', note: '', stance: 'refutes' }] } });
      }
    }
    const remote = await remoteDb('fresh-library');
    recording = true;
    await lib.call('sync.connect', { server: server.url, db: 'fresh-library', user: ADMIN.user, password: ADMIN.password });
    await until(async () => {
      const s = await lib.call('sync.status', {});
      return s.state === 'synced' && s.pending === 0;
    }, 30_000, 'synced');
    expect(readBack).toEqual([]);
    await lib.call('sync.disconnect', {}); // closes the mirror, so it can be read here
    const mirror = await everything(await localDb(join(lib.dir, 'sync', 'pouch')));
    expect(mirror.size).toBe(3 * 31); // one leaf each
    expect(await everything(remote)).toEqual(mirror);
  });
});
