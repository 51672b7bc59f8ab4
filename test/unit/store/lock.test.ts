import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { readFile, utimes, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCliIn } from '../../support/cli';
import { openFactmark } from '../../../src-main/services/factmark';
import { LOCK_FILE, lockDataFolder, lockOwner } from '../../../src-main/store/lock';
import { makeTempDir, openTempLibrary, RESOURCES_DIR, type TempLibrary } from '../../support/temp-library';
import { snapshotFolder } from '../../support/folder-snapshot';

let lib: TempLibrary | null = null;
afterEach(async () => {
  await lib?.cleanup();
  lib = null;
});

/** A pid that was alive a moment ago and is not now. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']);
  return Number(child.stdout.toString());
}

/** A library whose lock file names another live process (our parent), as if it were open elsewhere. */
async function lockedByAnother(): Promise<string> {
  lib = await openTempLibrary();
  await lib.call('library.create', {
    meta: { title: 'Locked' },
    doc: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Some text to claim.' }] }] },
  });
  await lib.factmark.close();
  await writeFile(join(lib.dir, LOCK_FILE), JSON.stringify({ pid: process.ppid, host: hostname(), startedAt: new Date().toISOString() }));
  return lib.dir;
}


describe('the data folder lock', () => {
  it('writes pid, host and start time and removes the lock on close', async () => {
    lib = await openTempLibrary();
    expect(lockOwner(lib.dir)).toMatchObject({ pid: process.pid, host: hostname(), startedAt: expect.any(String) });
    await lib.factmark.close();
    expect(lockOwner(lib.dir)).toBeNull();
  });

  it('refuses a second writer with a message naming the process that holds it', async () => {
    const dir = await lockedByAnother();
    const open = openFactmark({ dataDir: dir, resourcesDir: RESOURCES_DIR });
    await expect(open).rejects.toMatchObject({
      code: 'locked',
      message: `The library at ${dir} is open in another Factmark process (pid ${process.ppid}); close it first`,
    });
  });

  it('lets read-only CLI commands run while the folder is locked, and refuses writing ones unchanged', async () => {
    const dir = await lockedByAnother();
    const before = await snapshotFolder(dir);
    expect((await runCliIn(dir, 'list')).out).toMatch(/Locked {2}\(0 claims\)/);
    expect((await runCliIn(dir, 'show', 'Locked')).code).toBe(0);
    expect((await runCliIn(dir, 'claim', 'list', 'Locked')).out).toBe('No claims yet.');
    const write = await runCliIn(dir, 'claim', 'add', 'Locked', '--quote', 'Some text');
    expect(write.code).toBe(1);
    expect(write.err).toBe(`factmark: The library at ${dir} is open in another Factmark process (pid ${process.ppid}); close it first`);
    expect(await snapshotFolder(dir)).toEqual(before);
  });

  it('takes over a stale lock whose process is gone', async () => {
    const dir = await makeTempDir();
    await writeFile(join(dir, LOCK_FILE), JSON.stringify({ pid: deadPid(), host: hostname(), startedAt: '2026-01-01T00:00:00.000Z' }));
    const lock = lockDataFolder(dir);
    expect(JSON.parse(await readFile(join(dir, LOCK_FILE), 'utf8')).pid).toBe(process.pid);
    lock.release();
    expect(lockOwner(dir)).toBeNull();
  });

  it('takes over an unreadable lock file only once it is old', async () => {
    const dir = await makeTempDir();
    await writeFile(join(dir, LOCK_FILE), '');
    expect(() => lockDataFolder(dir)).toThrow(/open in another Factmark process \(a process that is starting\)/);
    await utimes(join(dir, LOCK_FILE), new Date(Date.now() - 60_000), new Date(Date.now() - 60_000));
    lockDataFolder(dir).release();
  });

  it('does not check processes of another host: their lock holds', async () => {
    const dir = await makeTempDir();
    await writeFile(join(dir, LOCK_FILE), JSON.stringify({ pid: deadPid(), host: 'other-machine', startedAt: '2026-01-01T00:00:00.000Z' }));
    expect(() => lockDataFolder(dir)).toThrow(/\(pid \d+ on other-machine\)/);
  });

  it('lets only one of two processes take a stale lock over when they start at once (with a pause injected before the takeover)', async () => {
    const dir = await makeTempDir();
    await writeFile(join(dir, LOCK_FILE), JSON.stringify({ pid: deadPid(), host: hostname(), startedAt: '2026-01-01T00:00:00.000Z' }));
    const takers: ChildProcess[] = [0, 1].map(() =>
      spawn(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'lock-taker.ts'), dir, '300'], { stdio: ['pipe', 'pipe', 'inherit'] }),
    );
    const outputs = takers.map((child) => {
      const lines: string[] = [];
      const ready = new Promise<void>((resolve) => createInterface({ input: child.stdout! }).on('line', (line) => (line === 'ready' ? resolve() : lines.push(line))));
      return { lines, ready, exited: once(child, 'exit') };
    });
    await Promise.all(outputs.map((o) => o.ready));
    for (const child of takers) child.stdin!.write('go\n');
    await Promise.all(outputs.map((o) => o.exited));
    const results = outputs.map((o) => o.lines.join('\n'));
    expect(results.filter((r) => r.startsWith('got ')), results.join(' | ')).toHaveLength(1);
    const winner = results.find((r) => r.startsWith('got '))!.slice(4);
    expect(results.find((r) => !r.startsWith('got '))).toMatch(new RegExp(`^locked The library at .* is (open in another Factmark process \\(pid ${winner}\\)|being opened by another Factmark process)`));
    expect(lockOwner(dir)).toBeNull();
  }, 60_000);

  it('is created whole: a lock file in place always names its owner', () => {
    // The lock is written to a private file and linked into place, so no reader sees it empty.
    return makeTempDir().then((dir) => {
      const lock = lockDataFolder(dir);
      expect(lockOwner(dir)).toMatchObject({ pid: process.pid, token: expect.stringMatching(/^[0-9a-f]{24}$/) });
      lock.release();
    });
  });

  it('is shared within one process and released by the last holder', async () => {
    const dir = await makeTempDir();
    const a = lockDataFolder(dir);
    const b = lockDataFolder(dir);
    a.release();
    a.release();
    expect(lockOwner(dir)?.pid).toBe(process.pid);
    b.release();
    expect(lockOwner(dir)).toBeNull();
  });
});
