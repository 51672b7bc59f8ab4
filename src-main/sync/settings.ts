/**
 * The team library's settings (server URL, database, user — never the password) in the data
 * folder's sync.json, kept out of prefs.json so exports and backups of preferences never hold them;
 * and the one rule for showing a server address: without credentials.
 */
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { SyncSettings, type SyncSettingsRecord } from '../../src-shared/contract-sync';
import { writePrivateFile } from './secrets';

export const SETTINGS_FILE = 'sync.json';
/** The local PouchDB mirror and its replication checkpoints (rebuilt from the library when deleted). */
export const SYNC_FOLDER = 'sync';

export async function readSyncSettings(dataDir: string): Promise<SyncSettingsRecord | null> {
  let text: string;
  try {
    text = await readFile(join(dataDir, SETTINGS_FILE), 'utf8');
  } catch {
    return null;
  }
  try {
    return SyncSettings.parse(JSON.parse(text));
  } catch {
    return null;
  }
}

export async function writeSyncSettings(dataDir: string, settings: SyncSettingsRecord): Promise<void> {
  await writePrivateFile(join(dataDir, SETTINGS_FILE), `${JSON.stringify(settings, null, 2)}\n`);
}

export async function removeSyncSettings(dataDir: string): Promise<void> {
  await rm(join(dataDir, SETTINGS_FILE), { force: true });
}

/** A server URL with any user:password@ removed and no trailing slash. */
export function publicServerUrl(server: string): string {
  try {
    const url = new URL(server);
    url.username = '';
    url.password = '';
    return url.toString().replace(/\/+$/, '');
  } catch {
    return server.replace(/\/\/[^/@]*@/, '//');
  }
}

/** A message with credentials in URLs and the password itself blanked out, on one line. */
export function redact(message: string, secrets: (string | null | undefined)[] = []): string {
  let text = message.replace(/(\w+:\/\/)[^/\s@]*@/g, '$1');
  for (const secret of secrets) if (secret) text = text.split(secret).join('***');
  return text.replace(/\s+/g, ' ').trim().slice(0, 400);
}
