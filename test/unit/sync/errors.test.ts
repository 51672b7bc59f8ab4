/**
 * Connecting to a team database that cannot be used: a URL that is not http(s), an unreachable
 * server, a wrong password, a database that does not exist — each a one-line error, with nothing
 * saved and nothing in the data folder changed. A reader account: its writes are refused by the
 * server (403 forbidden through a proxy), kept locally, reported per claim, the library read-only.
 * The password never appears in errors, exports or backups.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FactmarkError } from '../../../src-shared/contract';
import { snapshotFolder } from '../../support/folder-snapshot';
import { startReaderProxy, type ReaderProxy } from '../../support/reader-proxy';
import { DOC, openSyncLibrary, until, type SyncLibrary } from '../../support/sync-library';
import { ADMIN, freePort, startTeamServer, type TeamServer } from '../../support/team-server';

let server: TeamServer;
let proxy: ReaderProxy;
let lib: SyncLibrary;
let articleId: string;

beforeAll(async () => {
  server = await startTeamServer();
  await server.createDb('team');
  proxy = await startReaderProxy(server.url);
  lib = await openSyncLibrary('me');
  const article = await lib.call('library.create', { meta: { title: 'Exports' }, doc: DOC(['The minister said exports rose 12 percent in 2025.']) });
  articleId = article.id;
  await lib.call('claims.create', { articleId, range: { quote: 'exports rose 12 percent' }, claimant: 'the minister' });
  await lib.factmark.flush();
});

afterAll(async () => {
  await lib?.cleanup();
  await proxy?.close();
  await server?.stop();
});

async function refusal(request: Record<string, unknown>): Promise<string> {
  const before = await snapshotFolder(lib.dir);
  const error = await lib.call('sync.connect', request as never).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error, JSON.stringify(request)).toBeInstanceOf(FactmarkError);
  const message = (error as FactmarkError).message;
  expect(message).toMatch(/^\S[^\n]*$/);
  expect(message).not.toContain(ADMIN.password);
  expect(await snapshotFolder(lib.dir)).toEqual(before);
  expect((await lib.call('sync.status', {})).state).toBe('off');
  return message;
}

describe('connecting refuses what cannot work, changing nothing', () => {
  it('a URL that is not http(s)', async () => {
    expect(await refusal({ server: 'ftp://127.0.0.1/', db: 'team', user: 'admin', password: ADMIN.password })).toMatch(/http\(s\) URL/);
  });

  it('credentials inside the URL', async () => {
    expect(await refusal({ server: `http://admin:${ADMIN.password}@127.0.0.1:${server.port}`, db: 'team', user: 'admin', password: ADMIN.password })).toMatch(/own fields/);
  });

  it('an unreachable server', async () => {
    const port = await freePort();
    expect(await refusal({ server: `http://127.0.0.1:${port}`, db: 'team', user: 'admin', password: ADMIN.password })).toMatch(/Cannot reach the team server http:\/\/127\.0\.0\.1:\d+ \(ECONNREFUSED\)/);
  });

  it('a wrong password', async () => {
    expect(await refusal({ server: server.url, db: 'team', user: 'admin', password: 'not-the-password' })).toMatch(/wrong user name or password/);
  });

  it('a database that does not exist (it is not created)', async () => {
    expect(await refusal({ server: server.url, db: 'no-such-db', user: 'admin', password: ADMIN.password })).toMatch(/"no-such-db" does not exist.*create it there first/);
    const auth = Buffer.from(`${ADMIN.user}:${ADMIN.password}`).toString('base64');
    expect((await fetch(`${server.url}/no-such-db`, { headers: { Authorization: `Basic ${auth}` } })).status).toBe(404);
  });
});

describe('a reader account', () => {
  it('keeps refused changes locally, reports them per claim and says the library is read-only', async () => {
    const status = await lib.call('sync.connect', { server: proxy.url, db: 'team', user: 'admin', password: ADMIN.password });
    expect(status.settings?.server).toBe(proxy.url);
    const readOnly = await until(async () => {
      const s = await lib.call('sync.status', {});
      return s.readOnly && s.rejected.some((r) => r.claimId) ? s : null;
    }, 20_000, 'read-only');
    expect(readOnly.rejected.every((r) => r.articleId === articleId)).toBe(true);
    expect(readOnly.rejected[0].reason).toMatch(/Only writers may change/);
    expect(readOnly.pending).toBeGreaterThan(0);
    expect(proxy.refused).toBeGreaterThan(0);
    // Kept locally: the claim is still there, and still there after another local edit.
    const [claim] = await lib.call('claims.list', { articleId });
    await lib.call('claims.update', { articleId, claimId: claim.id, baseRevision: claim.revision, patch: { note: 'kept here' } });
    expect((await lib.call('claims.list', { articleId }))[0].note).toBe('kept here');
    // Nothing reached the server.
    const auth = Buffer.from(`${ADMIN.user}:${ADMIN.password}`).toString('base64');
    const info = (await (await fetch(`${server.url}/team`, { headers: { Authorization: `Basic ${auth}` } })).json()) as { doc_count: number };
    expect(info.doc_count).toBe(0);
    await lib.call('sync.disconnect', {});
  });
});

describe('the password', () => {
  it('is kept in a 0600 file, and never in exports, backups or settings', async () => {
    await lib.call('sync.connect', { server: server.url, db: 'team', user: 'admin', password: ADMIN.password });
    const file = join(lib.dir, 'sync-password');
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect(await readFile(join(lib.dir, 'sync.json'), 'utf8')).not.toContain(ADMIN.password);
    const exported = await lib.call('export.library', { format: 'json' });
    expect(JSON.stringify(exported)).not.toContain(ADMIN.password);
    const backups = join(lib.dir, 'backups');
    for (const name of await readdir(backups, { recursive: true }).catch(() => [] as string[])) {
      const path = join(backups, String(name));
      if ((await stat(path)).isFile()) expect(await readFile(path, 'utf8')).not.toContain(ADMIN.password);
    }
    expect(JSON.stringify(await lib.call('prefs.get', {}))).not.toContain(ADMIN.password);
    expect(JSON.stringify(await lib.call('sync.status', {}))).not.toContain(ADMIN.password);
    await lib.call('sync.disconnect', {});
    await expect(stat(file)).rejects.toThrow();
  });
});
