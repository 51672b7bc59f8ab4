/**
 * The desktop app's place for the team database's password: encrypted with Electron's safeStorage
 * (the system keychain / DPAPI / libsecret) into sync-password.enc in the data folder (mode 0600).
 * Where the system offers no encryption, the password is not kept (the app asks for it again).
 */
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { SafeStorage } from 'electron';
import { FactmarkError } from '../../src-shared/contract';
import { PASSWORD_ENV, readPrivateFile, writePrivateFile, type SecretStore } from '../sync/secrets';

export const ENCRYPTED_PASSWORD_FILE = 'sync-password.enc';

export type SafeStorageParts = Pick<SafeStorage, 'isEncryptionAvailable' | 'encryptString' | 'decryptString'>;

export function safeStorageSecrets(dataDir: string, safeStorage: SafeStorageParts, env: NodeJS.ProcessEnv = process.env): SecretStore {
  const file = join(dataDir, ENCRYPTED_PASSWORD_FILE);
  return {
    where: `${ENCRYPTED_PASSWORD_FILE} (Electron safeStorage) in the data folder`,
    async get() {
      if (env[PASSWORD_ENV]) return env[PASSWORD_ENV]!;
      const data = await readPrivateFile(file, ENCRYPTED_PASSWORD_FILE);
      if (!data) return null;
      if (!safeStorage.isEncryptionAvailable()) throw new FactmarkError('invalid-input', 'The system keychain is not available to decrypt the team password; connect again');
      return safeStorage.decryptString(data);
    },
    async set(password) {
      if (!safeStorage.isEncryptionAvailable()) throw new FactmarkError('invalid-input', 'This system offers no encrypted storage (safeStorage) for the team password; set FACTMARK_SYNC_PASSWORD instead');
      await writePrivateFile(file, safeStorage.encryptString(password));
    },
    async clear() {
      await rm(file, { force: true });
    },
  };
}
