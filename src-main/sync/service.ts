/**
 * The team library service of one open library: it keeps the local mirror (sync/pouch in the
 * data folder) in line with the library, replicates it with the team database, applies what
 * arrives, and reports the state the renderer shows. The library's files stay the truth; deleting
 * sync/ rebuilds the mirror from them.
 */
import { FactmarkError } from '../../src-shared/contract';
import type { SyncSettingsRecord, SyncStatusRecord } from '../../src-shared/contract-sync';
import type { ServiceContext } from '../services/context';
import type { ArticleData } from '../store/files';
import { checkConnection, describeStatus } from './remote';
import { LiveSync } from './live';
import { replicateOnce, type OnceResult } from './replication';
import type { SecretStore } from './secrets';
import { openSession, QUIET, setUpSession, type Session } from './session';
import { conflictedClaims, loadSnapshot, saveSnapshot, statusFromSnapshot } from './snapshot';
import { recordRefusal } from './refusals';
import { isOffline, SyncState } from './sync-state';
import { readSyncSettings, redact, removeSyncSettings, writeSyncSettings } from './settings';

export interface SyncServiceOptions {
  secrets: SecretStore;
  /** Text hashes of the bundled sample articles: an untouched sample is never sent to the team. */
  sampleHashes?: ReadonlySet<string>;
  /** Told about refused documents and rejected writes (the store's notices). */
  notice?(message: string): void;
}

export class SyncService {
  private session: Session | null = null;
  /** What the service has seen (errors, refusals, conflicts, teammates' changes): the status it reports. */
  private readonly state = new SyncState();
  private settings: SyncSettingsRecord | null = null;
  private live: LiveSync | null = null;
  /** Documents pulled while a new mirror was set up (counted in the next `now`). */
  private pulledOnStart = 0;
  private starting: Promise<void> | null = null;
  private snapshotTimer: NodeJS.Timeout | null = null;

  constructor(
    private readonly ctx: ServiceContext,
    private readonly options: SyncServiceOptions,
  ) {}

  /** A host's password store and the bundled samples, given after the service was made. */
  configure(options: Partial<Pick<SyncServiceOptions, 'secrets' | 'sampleHashes'>>): void {
    Object.assign(this.options, options);
  }

  private get dataDir(): string {
    return this.ctx.store.dataDir;
  }

  /** Resume syncing a library that is connected (sync.json present); never throws (the status says what failed). */
  async resume(options: { live?: boolean } = {}): Promise<void> {
    const settings = await readSyncSettings(this.dataDir);
    if (!settings || this.session) return;
    this.settings = settings;
    try {
      await this.open(settings, await this.options.secrets.get(), options.live ?? true);
    } catch (error) {
      this.state.error = this.describe(error);
    }
  }

  /** Check the server, then save the settings (and password) and start: nothing changes when the check fails. */
  async connect(settings: SyncSettingsRecord, password: string | undefined, options: { live?: boolean } = {}): Promise<SyncStatusRecord> {
    if (this.ctx.store.access !== 'write') throw new FactmarkError('read-only', 'This library is open read-only; it cannot join a team');
    const secret = password ?? (await this.options.secrets.get());
    await checkConnection(settings, secret);
    await this.stop();
    await writeSyncSettings(this.dataDir, settings);
    if (password !== undefined) await this.options.secrets.set(password);
    this.settings = settings;
    this.state.forgetConnection();
    await this.open(settings, secret, options.live ?? true);
    return this.status();
  }

  async disconnect(): Promise<SyncStatusRecord> {
    await this.stop();
    await removeSyncSettings(this.dataDir);
    await this.options.secrets.clear();
    this.settings = null;
    this.state.forgetConnection();
    return this.status();
  }

  /** The last status a running service saw, kept in sync/state.json for `sync --status` and the next start. */
  private async saveSnapshot(): Promise<void> {
    if (this.session) await saveSnapshot(this.dataDir, { ...(await this.status()), conflicted: [...this.state.conflicted], pushedSeq: this.state.pushedSeq, savedAt: this.ctx.clock().toISOString() });
  }

  private async open(settings: SyncSettingsRecord, password: string | null, liveMode: boolean): Promise<void> {
    this.starting = (async () => {
      const snapshot = await loadSnapshot(this.dataDir);
      if (snapshot) {
        this.state.pushedSeq = snapshot.pushedSeq ?? 0;
        this.state.lastSyncedAt = snapshot.lastSyncedAt ?? null;
      }
      const session = await openSession(this.ctx, settings, password, {
        mirror: {
          keepLocal: (data) => this.isUntouchedSample(data),
          stamp: async () => ({ reviewer: (await this.ctx.store.prefs()).reviewer, at: this.ctx.clock().toISOString() }),
          onError: (error) => (this.state.error = this.describe(error)),
        },
        apply: {
          applied: (articleId) => this.state.noteApplied(articleId),
          refused: (docId, reason) => this.options.notice?.(`A teammate's change was refused (${docId.split('@')[0]}): ${reason}`),
          conflict: (docId, conflicted) => this.noteConflict(docId, conflicted),
          articleGone: (key) => this.state.forgetConflictsOf(key),
        },
      });
      this.session = session;
      const live = new LiveSync(session, this.state, {
        now: () => this.ctx.clock(),
        saveSnapshot: () => this.saveSnapshot(),
        describe: (error) => this.describe(error),
        refused: (docId, reason) => this.noteDenied(docId, reason),
      });
      this.live = live;
      this.state.setConflicted(await conflictedClaims(this.ctx, snapshot));
      try {
        this.pulledOnStart = await setUpSession(session, {
          pulledTo: (seq) => (this.state.pushedSeq = seq), // what was pulled is on the server already
          startPushing: liveMode ? (ready, since) => live.start(ready, since) : null,
        });
      } catch (error) {
        live.stop();
        throw error;
      }
    })();
    try {
      await this.starting;
    } finally {
      this.starting = null;
    }
  }

  private noteDenied(docId: string | undefined, reason: string): Promise<void> {
    return recordRefusal(this.ctx, this.state, this.options.notice, docId, reason);
  }

  /** Run one two-way replication now and apply what arrived; with a live session, it restarts afterwards. */
  async now(): Promise<SyncStatusRecord & { moved?: OnceResult }> {
    if (this.starting) await this.starting;
    const session = this.session;
    if (!session) return this.status();
    const live = this.live;
    const wasLive = live?.running ?? false;
    live?.stop();
    let moved: OnceResult | undefined;
    try {
      await session.mirror.drain();
      moved = await this.once(session);
      moved = { ...moved, pulled: moved.pulled + this.pulledOnStart };
      this.pulledOnStart = 0;
      await session.applier.pass();
      this.state.pushedSeq = (await session.local.info()).update_seq;
      this.state.lastSyncedAt = this.ctx.clock().toISOString();
      this.state.offline = false;
      if (!this.state.readOnly) this.state.error = null;
    } catch (error) {
      if (isOffline(error as never)) this.state.offline = true;
      else this.state.error = this.describe(error);
      if (!wasLive) throw new FactmarkError('invalid-input', this.state.error ?? `Cannot reach the team server ${this.settings ? this.settings.server : ''}`.trim());
    } finally {
      if (wasLive && this.session === session) live?.start();
    }
    return { ...(await this.status()), ...(moved ? { moved } : {}) };
  }

  private async once(session: Session): Promise<OnceResult> {
    const events = { ...QUIET, denied: (id: string | undefined, reason: string) => void this.noteDenied(id, reason) };
    try {
      return await replicateOnce(session.local, session.remote, events, { push: !this.state.readOnly, fresh: session.mirror.fresh });
    } catch (error) {
      if ((error as { status?: number }).status !== 403) throw error;
      await this.live?.becomeReadOnly((error as { reason?: string }).reason ?? 'forbidden');
      const pulled = await replicateOnce(session.local, session.remote, events, { push: false });
      return { ...pulled, refused: this.state.rejected.size };
    }
  }

  /** Stop replicating and close the mirror (the app is quitting, or the library leaves the team). */
  async stop(): Promise<void> {
    if (this.starting) await this.starting.catch(() => undefined);
    const session = this.session;
    if (!session) return;
    this.live?.stop();
    this.live = null;
    if (this.snapshotTimer) clearTimeout(this.snapshotTimer);
    this.snapshotTimer = null;
    await session.mirror.drain().catch(() => undefined);
    await this.saveSnapshot();
    this.session = null;
    session.mirror.stop();
    await session.applier.pass().catch(() => undefined);
    await session.local.close().catch(() => undefined);
    await session.remote.close().catch(() => undefined);
    this.state.active.clear();
  }

  /**
   * How many mirror writes the server has not acknowledged: the local sequence past the last one
   * the push replication confirmed (cheap enough to ask on every status poll).
   */
  private async unsentCount(): Promise<number> {
    if (!this.session) return 0;
    const seq = Number((await this.session.local.info()).update_seq) - Number(this.state.pushedSeq);
    return Math.max(0, seq);
  }

  async status(): Promise<SyncStatusRecord> {
    if (!this.settings) this.settings = await readSyncSettings(this.dataDir);
    const settings = this.settings;
    if (settings && !this.session && !this.starting) {
      // Not running in this process (the CLI beside the app, or before a start): the last state a running one saw.
      const snapshot = await loadSnapshot(this.dataDir);
      const conflicts = (await conflictedClaims(this.ctx, snapshot)).length;
      return statusFromSnapshot(snapshot, { settings, conflicts, error: this.state.error, changeSeq: this.state.changeSeq });
    }
    const pending = settings ? (await this.unsentCount().catch(() => 0)) + (this.session?.mirror.queued ?? 0) : 0;
    const busy = !!this.starting || this.state.active.size > 0 || (this.session?.mirror.queued ?? 0) > 0;
    return this.state.status(settings, pending, busy);
  }

  /** The articles teammates' changes touched after `sinceSeq`. */
  changes(sinceSeq: number): { changeSeq: number; articleIds: string[] } {
    return this.state.changes(sinceSeq);
  }

  /** The running session's mirror (claim conflict resolution writes through it). */
  get current(): Pick<Session, 'local' | 'mirror'> | null {
    return this.session;
  }

  conflictCleared(docId: string): void {
    this.noteConflict(docId, false);
  }

  /** A claim's conflict appeared or cleared: the set is kept in sync/state.json soon after (what `sync --status` and the next start read). */
  private noteConflict(docId: string, conflicted: boolean): void {
    if (this.state.conflicted.has(docId) === conflicted) return;
    if (conflicted) this.state.conflicted.add(docId);
    else this.state.conflicted.delete(docId);
    if (this.snapshotTimer) return;
    this.snapshotTimer = setTimeout(() => {
      this.snapshotTimer = null;
      void this.saveSnapshot();
    }, 500);
  }

  private isUntouchedSample(data: ArticleData): boolean {
    return !!this.options.sampleHashes?.has(data.article.textHash) && data.claims.length === 0 && data.article.updatedAt === data.article.importedAt;
  }

  private describe(error: unknown): string {
    if (error instanceof FactmarkError) return error.message;
    const status = (error as { status?: number }).status;
    if (status && this.settings) return redact(describeStatus(status, this.settings, (error as { reason?: string }).reason ?? ''), [this.session?.password]);
    return redact(`Team sync failed: ${(error as Error)?.message ?? String(error)}`, [this.session?.password]);
  }
}
