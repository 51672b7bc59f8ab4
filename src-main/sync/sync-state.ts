/**
 * What the team library's service has seen of its replication — errors, being offline or
 * read-only, refused writes, conflicted claims, teammates' changes as they were applied — and the
 * status the renderer shows from it (synced / syncing / offline / error).
 */
import type { SyncSettingsRecord, SyncStatusRecord } from '../../src-shared/contract-sync';
import type { Direction } from './replication';

/** How many applied changes `changes(sinceSeq)` can still name (an open page polls every second). */
const CHANGE_LOG_LIMIT = 5_000;

/** Errors that mean "not reachable now" (PouchDB retries those), not "refused". */
export function isOffline(error: { status?: number; name?: string }): boolean {
  return !error.status || error.status >= 500 || error.name === 'unknown_error';
}

export class SyncState {
  /** One line, never a secret. */
  error: string | null = null;
  offline = false;
  readOnly = false;
  /** Replications under way (push, pull). */
  readonly active = new Set<Direction>();
  /** Writes the server refused, by document id: kept locally, reported per claim. */
  readonly rejected = new Map<string, SyncStatusRecord['rejected'][number]>();
  /** Claim documents with an unresolved conflict. */
  readonly conflicted = new Set<string>();
  lastSyncedAt: string | null = null;
  /** The mirror's sequence the push replication has delivered to the server (unsent: the mirror's past it). */
  pushedSeq: number | string = 0;
  /** Bumped each time a teammate's change is applied to the library. */
  changeSeq = 0;
  private readonly changeLog: Array<{ seq: number; articleId: string }> = [];

  /** A new connection, or none: what the last one refused or failed with no longer holds. */
  forgetConnection(): void {
    this.error = null;
    this.readOnly = false;
    this.rejected.clear();
  }

  setConflicted(docIds: Iterable<string>): void {
    this.conflicted.clear();
    for (const id of docIds) this.conflicted.add(id);
  }

  /** An article left the library: its claims' conflicts went with it. */
  forgetConflictsOf(key: string): void {
    for (const id of this.conflicted) if (id.startsWith(`claim:${key}:`)) this.conflicted.delete(id);
  }

  /** A teammate's change to `articleId` was applied to the library. */
  noteApplied(articleId: string): void {
    this.changeSeq++;
    this.changeLog.push({ seq: this.changeSeq, articleId });
    if (this.changeLog.length > CHANGE_LOG_LIMIT) this.changeLog.splice(0, this.changeLog.length - CHANGE_LOG_LIMIT);
  }

  /** The articles teammates' changes touched after `sinceSeq`. */
  changes(sinceSeq: number): { changeSeq: number; articleIds: string[] } {
    const articleIds = [...new Set(this.changeLog.filter((entry) => entry.seq > sinceSeq).map((entry) => entry.articleId))];
    return { changeSeq: this.changeSeq, articleIds };
  }

  /** The status of a running session: `pending` unsent changes, `busy` while starting, replicating or mirroring. */
  status(settings: SyncSettingsRecord | null, pending: number, busy: boolean): SyncStatusRecord {
    const state = !settings ? 'off' : this.error && !this.readOnly ? 'error' : this.offline ? 'offline' : busy || (pending > 0 && !this.readOnly) ? 'syncing' : 'synced';
    return {
      state,
      settings,
      readOnly: this.readOnly,
      pending,
      conflicts: this.conflicted.size,
      rejected: [...this.rejected.values()].slice(0, 1_000),
      lastSyncedAt: this.lastSyncedAt,
      error: this.error,
      changeSeq: this.changeSeq,
    };
  }
}
