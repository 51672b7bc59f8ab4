/**
 * Test helper: a real pouchdb-server (CouchDB's replication protocol) on a free loopback port, with
 * an admin account (it must exist: pouchdb-server crashes on an unauthenticated database creation),
 * in memory or on disk (so a killed server can come back with its data), stopped after the test.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import { makeTempDir } from './temp-library';

export const ADMIN = { user: 'admin', password: 'team-s3cret-pw' };

/** A port nothing listens on right now (listen on 0, read it, close). */
export function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => done(port));
    });
  });
}

export interface TeamServer {
  url: string;
  port: number;
  /** Create a database (as the admin). */
  createDb(name: string): Promise<void>;
  /** Kill the server process (SIGKILL: no clean shutdown). */
  kill(): Promise<void>;
  /** Start it again on the same port (and folder, when on disk). */
  restart(): Promise<void>;
  stop(): Promise<void>;
}

const BIN = resolve('node_modules/pouchdb-server/bin/pouchdb-server');

async function waitUntilUp(url: string): Promise<void> {
  const until = Date.now() + 20_000;
  while (Date.now() < until) {
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // not yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`pouchdb-server did not start at ${url}`);
}

export async function startTeamServer(options: { onDisk?: boolean } = {}): Promise<TeamServer> {
  const dir = await makeTempDir('factmark-team-server-');
  await writeFile(join(dir, 'config.json'), JSON.stringify({ admins: { [ADMIN.user]: ADMIN.password }, log: { file: join(dir, 'log.txt') } }));
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  let child: ChildProcess | null = null;
  const launch = async () => {
    const args = [BIN, '--port', String(port), '--config', join(dir, 'config.json'), '-n', ...(options.onDisk ? ['--dir', join(dir, 'data')] : ['--in-memory'])];
    child = spawn(process.execPath, args, { cwd: dir, stdio: 'ignore' });
    await waitUntilUp(url);
  };
  const kill = async () => {
    const running = child;
    child = null;
    if (!running || running.exitCode !== null) return;
    await new Promise<void>((done) => {
      running.once('exit', () => done());
      running.kill('SIGKILL');
    });
  };
  if (options.onDisk) {
    const { mkdir } = await import('node:fs/promises');
    await mkdir(join(dir, 'data'), { recursive: true });
  }
  await launch();
  return {
    url,
    port,
    async createDb(name) {
      const auth = Buffer.from(`${ADMIN.user}:${ADMIN.password}`).toString('base64');
      const response = await fetch(`${url}/${name}`, { method: 'PUT', headers: { Authorization: `Basic ${auth}` } });
      if (!response.ok && response.status !== 412) throw new Error(`could not create ${name}: ${response.status}`);
    },
    kill,
    restart: launch,
    async stop() {
      await kill();
      const { rm } = await import('node:fs/promises');
      await rm(dir, { recursive: true, force: true });
    },
  };
}
