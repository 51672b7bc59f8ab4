/**
 * One writer per data folder: a lock file created with O_EXCL that holds the owner's pid, host and
 * start time. A lock whose process is gone (same host, dead pid) is stale and taken over. Within
 * one process the lock is shared, so a process may open its own folder twice.
 */
import { openSync, readFileSync, renameSync, rmSync, closeSync, writeSync, statSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { FactmarkError } from '../../src-shared/contract';

/** The lock file's name inside the data folder. */
export const LOCK_FILE = 'factmark.lock';

/** What a lock file records about its owner. */
export interface LockOwner {
  pid: number;
  host: string;
  startedAt: string;
}

/** A held lock; release() gives it up (once every opener in this process has released it). */
export interface DataFolderLock {
  file: string;
  release(): void;
}

/** An unreadable lock file younger than this may be one being written right now. */
const HALF_WRITTEN_GRACE_MS = 5_000;

const held = new Map<string, { count: number }>();
let exitHookInstalled = false;

function lockPath(dataDir: string): string {
  return join(dataDir, LOCK_FILE);
}

function readOwner(file: string): LockOwner | null {
  try {
    const owner = JSON.parse(readFileSync(file, 'utf8')) as LockOwner;
    return Number.isInteger(owner.pid) && typeof owner.host === 'string' ? owner : null;
  } catch {
    return null;
  }
}

/** Whether a process with this pid is running on this machine. */
export function processIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Whether the lock recorded in `file` can be taken over: its owner process is gone. */
function isStale(file: string, owner: LockOwner | null): boolean {
  if (!owner) {
    try {
      return Date.now() - statSync(file).mtimeMs > HALF_WRITTEN_GRACE_MS;
    } catch {
      return true;
    }
  }
  if (owner.host !== hostname()) return false; // another machine's process cannot be checked
  if (owner.pid === process.pid) return true; // ours, but not in `held`: left by an earlier process with our pid
  return !processIsAlive(owner.pid);
}

function releaseAllOnExit(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.once('exit', () => {
    for (const file of held.keys()) removeIfOurs(file);
    held.clear();
  });
}

function removeIfOurs(file: string): void {
  const owner = readOwner(file);
  if (owner && owner.pid === process.pid && owner.host === hostname()) rmSync(file, { force: true });
}

/** Create the lock file exclusively; false when it already exists. */
function tryCreate(file: string): boolean {
  let fd: number;
  try {
    fd = openSync(file, 'wx', 0o600);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
  const owner: LockOwner = { pid: process.pid, host: hostname(), startedAt: new Date(Date.now() - process.uptime() * 1000).toISOString() };
  try {
    writeSync(fd, JSON.stringify(owner));
  } finally {
    closeSync(fd);
  }
  return true;
}

/**
 * Lock `dataDir` for writing, or throw FactmarkError('locked') naming the process that holds it.
 * The folder must exist.
 */
export function lockDataFolder(dataDir: string): DataFolderLock {
  const file = lockPath(dataDir);
  const mine = held.get(file);
  const release = () => {
    const entry = held.get(file);
    if (!entry || --entry.count > 0) return;
    held.delete(file);
    removeIfOurs(file);
  };
  if (mine) {
    mine.count += 1;
    return { file, release: once(release) };
  }
  for (let attempt = 0; attempt < 3; attempt++) {
    if (tryCreate(file)) {
      held.set(file, { count: 1 });
      releaseAllOnExit();
      return { file, release: once(release) };
    }
    const owner = readOwner(file);
    if (!isStale(file, owner)) {
      const who = owner ? `pid ${owner.pid}${owner.host === hostname() ? '' : ` on ${owner.host}`}` : 'a process that is starting';
      throw new FactmarkError('locked', `The library at ${dataDir} is open in another Factmark process (${who}); close it first`);
    }
    // Take a stale lock over: move it out of the way (rename is atomic), then try to create ours.
    const aside = `${file}.stale-${process.pid}`;
    try {
      renameSync(file, aside);
      rmSync(aside, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
  }
  throw new FactmarkError('locked', `The library at ${dataDir} is being opened by another Factmark process; try again`);
}

function once(fn: () => void): () => void {
  let done = false;
  return () => {
    if (!done) {
      done = true;
      fn();
    }
  };
}

/** Who holds the lock on `dataDir`, if anyone (stale locks included). */
export function lockOwner(dataDir: string): LockOwner | null {
  return readOwner(lockPath(dataDir));
}
