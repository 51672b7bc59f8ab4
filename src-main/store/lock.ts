/**
 * One writer per data folder: a lock file that holds the owner's pid, host, start time and a random
 * token. It is created atomically and whole (written to a private file, then hard-linked into
 * place, which fails if a lock exists) and read back to verify. A lock whose process is gone (same
 * host, dead pid) is stale; it is taken over only under a second, exclusive "takeover" file and
 * only if it is still the very file judged stale, so two processes starting at once can never both
 * take it. Within one process the lock is shared, so a process may open its own folder twice.
 */
import { randomBytes } from 'node:crypto';
import { closeSync, linkSync, openSync, readFileSync, renameSync, rmSync, statSync, writeFileSync, writeSync } from 'node:fs';
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
  /** Random per lock, to verify that the lock file in place is the one this process wrote. */
  token?: string;
}

/** Test hooks: a pause between judging a lock stale and taking it over (to widen a race on purpose). */
export interface LockOptions {
  beforeTakeover?: () => void;
}

/** A held lock; release() gives it up (once every opener in this process has released it). */
export interface DataFolderLock {
  file: string;
  release(): void;
}

/** An unreadable lock file younger than this may be one being written right now. */
const HALF_WRITTEN_GRACE_MS = 5_000;
/** A takeover file older than this was left by a process that died while taking over. */
const TAKEOVER_STALE_MS = 10_000;
/** How long to wait for another process's takeover to finish. */
const TAKEOVER_WAIT_MS = 3_000;

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

/** Sleep synchronously (the lock is taken before anything else runs). */
function pause(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

function errorCode(error: unknown): string | undefined {
  return (error as NodeJS.ErrnoException).code;
}

/** Which lock file a stale judgement was about: its inode and text (an inode can be reused), or null when it is gone. */
function identify(file: string): string | null {
  try {
    return `${statSync(file).ino}:${readFileSync(file, 'utf8')}`;
  } catch {
    return null;
  }
}

/**
 * Create `file` whole with `text`, failing when it exists: write a private file, then hard-link it
 * into place (atomic, refuses to replace). Where hard links are not supported, an O_EXCL create.
 */
function createExclusive(file: string, text: string): boolean {
  const temp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.new`;
  writeFileSync(temp, text, { flag: 'wx', mode: 0o600 });
  try {
    linkSync(temp, file);
    return true;
  } catch (error) {
    const code = errorCode(error);
    if (code === 'EEXIST') return false;
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'ENOSYS') throw error;
  } finally {
    rmSync(temp, { force: true });
  }
  let fd: number;
  try {
    fd = openSync(file, 'wx', 0o600);
  } catch (error) {
    if (errorCode(error) === 'EEXIST') return false;
    throw error;
  }
  try {
    writeSync(fd, text);
  } finally {
    closeSync(fd);
  }
  return true;
}

/** Create the lock file for this process and verify it is ours; false when a lock already exists. */
function tryCreate(file: string): boolean {
  const token = randomBytes(12).toString('hex');
  const owner: LockOwner = { pid: process.pid, host: hostname(), startedAt: new Date(Date.now() - process.uptime() * 1000).toISOString(), token };
  if (!createExclusive(file, JSON.stringify(owner))) return false;
  return readOwner(file)?.token === token;
}

/**
 * Remove the stale lock `file` if it is still the file judged stale (`stale`, from identify()),
 * holding the takeover file meanwhile so no other process removes a lock that has just been
 * taken. Returns false when another process is taking over right now and did not finish in time.
 */
function breakStaleLock(file: string, stale: string): boolean {
  const guard = `${file}.takeover`;
  const waitUntil = Date.now() + TAKEOVER_WAIT_MS;
  while (!createExclusive(guard, String(process.pid))) {
    let age = 0;
    try {
      age = Date.now() - statSync(guard).mtimeMs;
    } catch {
      continue; // released just now
    }
    if (age > TAKEOVER_STALE_MS) rmSync(guard, { force: true });
    else if (Date.now() > waitUntil) return false;
    else pause(20);
  }
  try {
    if (identify(file) !== stale) return true; // replaced meanwhile: judge the new file afresh
    const aside = `${file}.stale-${process.pid}`;
    try {
      renameSync(file, aside);
      rmSync(aside, { force: true });
    } catch (error) {
      if (errorCode(error) !== 'ENOENT') throw error;
    }
    return true;
  } finally {
    rmSync(guard, { force: true });
  }
}

/**
 * Lock `dataDir` for writing, or throw FactmarkError('locked') naming the process that holds it.
 * The folder must exist.
 */
export function lockDataFolder(dataDir: string, options: LockOptions = {}): DataFolderLock {
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
  for (let attempt = 0; attempt < 5; attempt++) {
    if (tryCreate(file)) {
      held.set(file, { count: 1 });
      releaseAllOnExit();
      return { file, release: once(release) };
    }
    const judged = identify(file);
    const owner = readOwner(file);
    if (judged && !isStale(file, owner)) {
      const who = owner ? `pid ${owner.pid}${owner.host === hostname() ? '' : ` on ${owner.host}`}` : 'a process that is starting';
      throw new FactmarkError('locked', `The library at ${dataDir} is open in another Factmark process (${who}); close it first`);
    }
    options.beforeTakeover?.();
    if (judged && !breakStaleLock(file, judged)) break;
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
