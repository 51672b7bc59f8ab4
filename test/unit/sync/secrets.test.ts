/** Where the team password is kept: a 0600 file (browser host, CLI) or Electron's safeStorage (desktop). */
import { chmod, readFile, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ENCRYPTED_PASSWORD_FILE, safeStorageSecrets, type SafeStorageParts } from '../../../src-main/electron/sync-secrets';
import { envOrFileSecrets, PASSWORD_FILE } from '../../../src-main/sync/secrets';
import { makeTempDir } from '../../support/temp-library';

const PASSWORD = 'correct horse battery staple';
let dir: string;

beforeEach(async () => {
  dir = await makeTempDir('factmark-secrets-');
});
afterEach(async () => rm(dir, { recursive: true, force: true }));

describe('the browser host and CLI', () => {
  it('keep the password in a 0600 file, prefer FACTMARK_SYNC_PASSWORD, and refuse a file others may read', async () => {
    const secrets = envOrFileSecrets(dir, {});
    expect(await secrets.get()).toBeNull();
    await secrets.set(PASSWORD);
    const file = join(dir, PASSWORD_FILE);
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect(await secrets.get()).toBe(PASSWORD);
    expect(await envOrFileSecrets(dir, { FACTMARK_SYNC_PASSWORD: 'from-env' }).get()).toBe('from-env');
    await chmod(file, 0o644);
    const refused = await secrets.get().catch((e: Error) => e.message);
    expect(refused).toMatch(/^The password file sync-password may be read by other users \(mode 644\); run chmod 600 on it$/);
    expect(refused).not.toContain(PASSWORD);
    await secrets.clear();
    await expect(stat(file)).rejects.toThrow();
  });
});

describe('the desktop app', () => {
  const fake = (available = true): SafeStorageParts => ({
    isEncryptionAvailable: () => available,
    encryptString: (text: string) => Buffer.from(Buffer.from(text, 'utf8').map((byte) => byte ^ 0x5a)),
    decryptString: (data: Buffer) => Buffer.from(data.map((byte) => byte ^ 0x5a)).toString('utf8'),
  });

  it('keeps the password encrypted with safeStorage, never in plain text', async () => {
    const secrets = safeStorageSecrets(dir, fake(), {});
    await secrets.set(PASSWORD);
    const stored = await readFile(join(dir, ENCRYPTED_PASSWORD_FILE));
    expect(stored.toString('utf8')).not.toContain(PASSWORD);
    expect((await stat(join(dir, ENCRYPTED_PASSWORD_FILE))).mode & 0o777).toBe(0o600);
    expect(await secrets.get()).toBe(PASSWORD);
    await secrets.clear();
    expect(await secrets.get()).toBeNull();
  });

  it('refuses to keep it where the system has no encrypted storage', async () => {
    await expect(safeStorageSecrets(dir, fake(false), {}).set(PASSWORD)).rejects.toThrow(/no encrypted storage.*FACTMARK_SYNC_PASSWORD/);
  });
});
