/**
 * Where the team database's password is kept, per host. The sync service only sees a SecretStore.
 * Browser host and CLI: FACTMARK_SYNC_PASSWORD, else the file `sync-password` in the data folder,
 * written with mode 0600 (a file that others may read is refused). The desktop app wraps the
 * password with Electron's safeStorage (safeStorageSecrets in src-main/electron/sync-secrets.ts).
 */
import { chmod, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { FactmarkError } from '../../src-shared/contract';

export interface SecretStore {
  /** The stored password, or null when there is none. */
  get(): Promise<string | null>;
  set(password: string): Promise<void>;
  clear(): Promise<void>;
  /** Where it lives, for the README and status lines ("FACTMARK_SYNC_PASSWORD", "sync-password (0600)"). */
  readonly where: string;
}

export const PASSWORD_FILE = 'sync-password';
export const PASSWORD_ENV = 'FACTMARK_SYNC_PASSWORD';

/** Write a private file (0600) in one step: a temp file with the mode, then a rename. */
export async function writePrivateFile(path: string, data: string | Buffer): Promise<void> {
  const temp = `${path}.${process.pid}.tmp`;
  await writeFile(temp, data, { mode: 0o600 });
  await chmod(temp, 0o600);
  await rename(temp, path);
}

/** Read a private file; null when missing; refuses one that group or others may read (POSIX only). */
export async function readPrivateFile(path: string, name: string): Promise<Buffer | null> {
  let mode: number;
  try {
    mode = (await stat(path)).mode;
  } catch {
    return null;
  }
  if (process.platform !== 'win32' && (mode & 0o077) !== 0) {
    throw new FactmarkError('invalid-input', `The password file ${name} may be read by other users (mode ${(mode & 0o777).toString(8)}); run chmod 600 on it`);
  }
  return readFile(path);
}

/** FACTMARK_SYNC_PASSWORD, else <dataDir>/sync-password (0600). */
export function envOrFileSecrets(dataDir: string, env: NodeJS.ProcessEnv = process.env): SecretStore {
  const file = join(dataDir, PASSWORD_FILE);
  return {
    where: env[PASSWORD_ENV] ? PASSWORD_ENV : `${PASSWORD_FILE} (0600) in the data folder`,
    async get() {
      const fromEnv = env[PASSWORD_ENV];
      if (fromEnv) return fromEnv;
      const data = await readPrivateFile(file, PASSWORD_FILE);
      return data ? data.toString('utf8').replace(/\r?\n$/, '') : null;
    },
    async set(password) {
      if (env[PASSWORD_ENV] === password) return; // already given by the environment: nothing to keep on disk
      await writePrivateFile(file, password);
    },
    async clear() {
      await rm(file, { force: true });
    },
  };
}
