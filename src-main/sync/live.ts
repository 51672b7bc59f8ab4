/**
 * A session's live replication and what its events tell the sync state: replicating or caught up
 * (and how far the server has acknowledged the mirror), out of reach, failed, or refused — a
 * refused push makes the library read-only (the pull goes on, every unsent change is kept and
 * reported). Teammates' documents are applied shortly after they land, a batch at a time.
 */
import { describeStatus } from './remote';
import { LiveReplication, type Direction } from './replication';
import { unsentDocIds } from './refusals';
import type { Session } from './session';
import { redact } from './settings';
import { isOffline, type SyncState } from './sync-state';

/** How long applying waits after documents land, so one pass takes what several batches brought. */
const APPLY_DELAY_MS = 50;

export interface LiveHooks {
  now(): Date;
  saveSnapshot(): Promise<void>;
  /** A failed pass of the applier, as one line. */
  describe(error: unknown): string;
  refused(docId: string | undefined, reason: string): Promise<void>;
}

export class LiveSync {
  private applyTimer: NodeJS.Timeout | null = null;

  constructor(
    private readonly session: Session,
    private readonly state: SyncState,
    private readonly hooks: LiveHooks,
  ) {}

  /** Replicate live (catching up first); with `pullAfter` (a session being set up), the pull waits for it; `pushSince`: see LiveReplication. */
  start(pullAfter?: Promise<void>, pushSince?: number): void {
    const session = this.session;
    session.live = new LiveReplication(session.local, session.remote, session.mirror.fresh, {
      active: (direction) => {
        this.state.active.add(direction);
        this.state.offline = false;
      },
      idle: (direction, lastSeq) => void this.caughtUp(direction, lastSeq),
      moved: (direction, _count, lastSeq) => {
        this.state.offline = false;
        if (direction === 'pull') this.scheduleApply();
        else if (lastSeq !== undefined) this.state.pushedSeq = lastSeq;
      },
      denied: (docId, reason) => void this.hooks.refused(docId, reason),
      failed: (direction, error) => this.noteFailure(direction, error),
    });
    session.live.start({ push: !this.state.readOnly, catchUp: true, pullAfter, pushSince });
  }

  stop(): void {
    this.session.live?.stop();
    if (this.applyTimer) clearTimeout(this.applyTimer);
    this.applyTimer = null;
  }

  get running(): boolean {
    return this.session.live?.live ?? false;
  }

  /** The server refuses our writes: stop pushing, keep pulling, and keep every unsent change here. */
  async becomeReadOnly(reason: string): Promise<void> {
    if (!this.state.readOnly) {
      this.state.readOnly = true;
      if (this.running) {
        this.session.live!.stop();
        this.start();
      }
    }
    for (const id of await unsentDocIds(this.session.local, this.state.pushedSeq)) await this.hooks.refused(id, reason);
  }

  private async caughtUp(direction: Direction, lastSeq?: number | string): Promise<void> {
    this.state.active.delete(direction);
    this.state.offline = false;
    if (this.state.error && !this.state.readOnly) this.state.error = null;
    if (direction === 'push') this.state.pushedSeq = lastSeq ?? (await this.session.local.info()).update_seq;
    if (this.state.active.size === 0) {
      this.state.lastSyncedAt = this.hooks.now().toISOString();
      await this.hooks.saveSnapshot();
    }
  }

  private noteFailure(direction: Direction, error: { status?: number; name?: string; reason?: string; message?: string }): void {
    this.state.active.delete(direction);
    if (isOffline(error)) {
      this.state.offline = true;
      return;
    }
    if (direction === 'push' && error.status === 403) {
      void this.becomeReadOnly(error.reason ?? error.message ?? 'forbidden');
      return;
    }
    this.state.error = redact(describeStatus(error.status ?? 0, this.session.settings, error.reason ?? ''), [this.session.password]);
    if (error.status === 401 || error.status === 404) this.session.live?.stop();
  }

  private scheduleApply(): void {
    if (this.applyTimer) return;
    this.applyTimer = setTimeout(() => {
      this.applyTimer = null;
      this.session.applier.pass().catch((error) => (this.state.error = this.hooks.describe(error)));
    }, APPLY_DELAY_MS);
  }
}
