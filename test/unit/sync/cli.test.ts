/**
 * `npm run cli -- sync`: one two-way replication that prints what moved, --status, --watch until
 * SIGINT, the password only from FACTMARK_SYNC_PASSWORD, and one-line errors that change nothing.
 */
import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { runCliIn } from '../../support/cli';
import { snapshotFolder } from '../../support/folder-snapshot';
import { makeTempDir } from '../../support/temp-library';
import { ADMIN, startTeamServer, type TeamServer } from '../../support/team-server';

let server: TeamServer;
let dirA: string;
let dirB: string;

beforeAll(async () => {
  server = await startTeamServer();
  await server.createDb('team');
  dirA = await makeTempDir('factmark-cli-a-');
  dirB = await makeTempDir('factmark-cli-b-');
  vi.stubEnv('FACTMARK_SYNC_PASSWORD', ADMIN.password);
});

afterAll(async () => {
  vi.unstubAllEnvs();
  await server?.stop();
});

describe('sync on the command line', () => {
  it('refuses bad input with one line, changing nothing', async () => {
    await runCliIn(dirA, 'list'); // first run: the library exists
    const before = await snapshotFolder(dirA);
    const cases: Array<[string[], RegExp]> = [
      [['sync', '--server', 'ftp://127.0.0.1/', '--db', 'team', '--user', 'admin'], /http\(s\) URL/],
      [['sync', '--server', server.url, '--db', 'nope', '--user', 'admin'], /"nope" does not exist/],
      [['sync', '--server', server.url, '--db', 'team'], /give --user/],
      [['sync'], /not in a team yet/],
    ];
    for (const [args, message] of cases) {
      const run = await runCliIn(dirA, ...args);
      expect(run.code, args.join(' ')).not.toBe(0);
      expect(run.err.split('\n')[0]).toMatch(message);
      expect(run.err).not.toContain(ADMIN.password);
    }
    vi.stubEnv('FACTMARK_SYNC_PASSWORD', 'wrong-password');
    const wrong = await runCliIn(dirA, 'sync', '--server', server.url, '--db', 'team', '--user', 'admin');
    vi.stubEnv('FACTMARK_SYNC_PASSWORD', ADMIN.password);
    expect(wrong.code).toBe(1);
    expect(wrong.err).toMatch(/^factmark: The team server .* refused user "admin": wrong user name or password$/);
    expect(wrong.err).not.toContain('wrong-password');
    expect(await snapshotFolder(dirA)).toEqual(before);
  });

  it('pushes one library and pulls it into another, printing what moved', async () => {
    expect((await runCliIn(dirA, 'import', 'test/fixtures/import/port-briefing.md')).code).toBe(0);
    const pushed = await runCliIn(dirA, 'sync', '--server', server.url, '--db', 'team', '--user', 'admin');
    expect(pushed.err).toBe('');
    expect(pushed.code).toBe(0);
    expect(pushed.out).toMatch(/^Pushed [1-9]\d* document\(s\), pulled 0\./);
    const list = JSON.parse((await runCliIn(dirA, 'list', '--json')).out) as Array<{ id: string; title: string }>;
    const pulled = await runCliIn(dirB, 'sync', '--server', server.url, '--db', 'team', '--user', 'admin');
    expect(pulled.code).toBe(0);
    expect(pulled.out).toMatch(/pulled [1-9]/);
    const listB = JSON.parse((await runCliIn(dirB, 'list', '--json')).out) as Array<{ id: string; title: string }>;
    // The imported article arrives; the bundled sample, untouched on both, is not sent as a second copy.
    expect(list).toHaveLength(2);
    expect(listB).toHaveLength(2);
    expect(listB.map((r) => r.title).sort()).toEqual(list.map((r) => r.title).sort());
    const sampleIdA = list.find((r) => r.title.startsWith('Lavrov'))?.id;
    expect(listB.some((r) => r.id === sampleIdA)).toBe(false);
    // Again with the saved settings: nothing more to move.
    const again = await runCliIn(dirA, 'sync');
    expect(again.out).toMatch(/^Pushed 0 document\(s\), pulled 0\./);
    const status = await runCliIn(dirA, 'sync', '--status', '--json');
    expect(JSON.parse(status.out)).toMatchObject({ settings: { server: server.url, db: 'team', user: 'admin' }, conflicts: 0 });
    const human = await runCliIn(dirA, 'sync', '--status');
    expect(human.out).toMatch(/team on http:\/\/127\.0\.0\.1:\d+ as admin/);
  });

  it('keeps replicating with --watch until SIGINT', async () => {
    const child = spawn(process.execPath, ['node_modules/tsx/dist/cli.mjs', 'src-main/cli/main.ts', 'sync', '--watch', '--data-dir', dirB], {
      env: { ...process.env, FACTMARK_SYNC_PASSWORD: ADMIN.password },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (chunk) => (out += chunk));
    child.stderr.on('data', (chunk) => (out += chunk));
    const deadline = Date.now() + 60_000;
    while (!/synced/.test(out) && Date.now() < deadline && child.exitCode === null) await new Promise((r) => setTimeout(r, 100));
    expect(out).toMatch(/Syncing; press Ctrl\+C to stop\./);
    expect(out).toMatch(/synced/);
    const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
    child.kill('SIGINT');
    expect(await exited).toBe(0);
  }, 90_000);
});
