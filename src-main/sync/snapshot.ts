/**
 * The last status a running sync saw, kept in sync/state.json: where the push replication had
 * got to (so a restart counts unsent changes right), which claims are conflicted (so neither a
 * start nor `sync --status` reads every article to count them), and what `sync --status` prints
 * beside a running app, which holds the mirror.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { SyncStatusRecord } from '../../src-shared/contract-sync';
import type { ServiceContext } from '../services/context';
import { claimDocId } from './documents';
import { SYNC_FOLDER } from './settings';

const SNAPSHOT_FILE = 'state.json';

export type SyncSnapshot = SyncStatusRecord & {
  /** The claim documents with an unresolved conflict (their count is the status's `conflicts`). */
  conflicted?: string[];
  pushedSeq?: number | string;
  savedAt?: string;
};

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
  const { pushedSeq: _seq, savedAt: _at, conflicted: _conflicted, ...last } = (snapshot ?? {}) as Partial<SyncSnapshot>;
  return { state: now.error ? 'error' : 'offline', readOnly: false, pending: 0, rejected: [], lastSyncedAt: null, ...last, settings: now.settings, conflicts: now.conflicts, error: now.error ?? last.error ?? null, changeSeq: now.changeSeq };
}

/**
 * The claim documents with an unresolved conflict: as the snapshot names them, else (an older or
 * rebuilt sync/ folder) found in the library's files, the one time they are all read for it.
 */
export async function conflictedClaims(ctx: ServiceContext, snapshot: SyncSnapshot | null): Promise<string[]> {
  if (snapshot?.conflicted) return snapshot.conflicted;
  const conflicted: string[] = [];
  for (const row of (await ctx.store.index()).articles) {
    const data = await ctx.store.article(row.id).catch(() => null);
    for (const claim of data?.claims ?? []) if (claim.conflictVersions?.length) conflicted.push(claimDocId(data!.article.textHash, claim.id));
  }
  return conflicted;
}
