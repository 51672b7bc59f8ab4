/**
 * The last status a running sync saw, kept in sync/state.json: where the push replication had
 * got to (so a restart counts unsent changes right) and what `sync --status` prints beside a
 * running app, which holds the mirror.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { SyncStatusRecord } from '../../src-shared/contract-sync';
import { SYNC_FOLDER } from './settings';

const SNAPSHOT_FILE = 'state.json';

export type SyncSnapshot = SyncStatusRecord & { pushedSeq?: number | string; savedAt?: string };

export async function saveSnapshot(dataDir: string, snapshot: SyncSnapshot): Promise<void> {
  await writeFile(join(dataDir, SYNC_FOLDER, SNAPSHOT_FILE), `${JSON.stringify(snapshot)}\n`).catch(() => undefined);
}

export async function loadSnapshot(dataDir: string): Promise<SyncSnapshot | null> {
  try {
    return JSON.parse(await readFile(join(dataDir, SYNC_FOLDER, SNAPSHOT_FILE), 'utf8'));
  } catch {
    return null;
  }
}

/** The status of a library whose sync runs in another process (or has not started): the last one it saw. */
export function statusFromSnapshot(snapshot: SyncSnapshot | null, now: Pick<SyncStatusRecord, 'settings' | 'conflicts' | 'error' | 'changeSeq'>): SyncStatusRecord {
  const { pushedSeq: _seq, savedAt: _at, ...last } = (snapshot ?? {}) as Partial<SyncSnapshot>;
  return { state: now.error ? 'error' : 'offline', readOnly: false, pending: 0, rejected: [], lastSyncedAt: null, ...last, settings: now.settings, conflicts: now.conflicts, error: now.error ?? last.error ?? null, changeSeq: now.changeSeq };
}
