/**
 * The team library service of one open library: it keeps the local mirror (sync/pouch in the
 * data folder) in line with the library, replicates it with the team database, applies what
 * arrives, and reports the state the renderer shows. The library's files stay the truth; deleting
 * sync/ rebuilds the mirror from them.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { FactmarkError } from '../../src-shared/contract';
import type { SyncSettingsRecord, SyncStatusRecord } from '../../src-shared/contract-sync';
import type { ServiceContext } from '../services/context';
import type { ArticleData } from '../store/files';
import { Applier } from './apply';
import { parseDocId } from './documents';
import { keyMapOf, Mirror } from './mirror';
import { pouchdb, type PouchDatabase } from './pouch';
import { checkConnection, describeStatus, openRemote } from './remote';
import { LiveReplication, replicateOnce, type Direction, type OnceResult } from './replication';
import type { SecretStore } from './secrets';
import { readSyncSettings, redact, removeSyncSettings, SYNC_FOLDER, writeSyncSettings } from './settings';

const SNAPSHOT_FILE = 'state.json';

export interface SyncServiceOptions {
  secrets: SecretStore;
  /** Text hashes of the bundled sample articles: an untouched sample is never sent to the team. */
  sampleHashes?: ReadonlySet<string>;
  /** Told about refused documents and rejected writes (the store's notices). */
  notice?(message: string): void;
}

interface Session {
  settings: SyncSettingsRecord;
  password: string | null;
  local: PouchDatabase;
  remote: PouchDatabase;
  mirror: Mirror;
  applier: Applier;
  live: LiveReplication | null;
}

const QUIET = { active: () => undefined, idle: () => undefined, moved: () => undefined, failed: () => undefined, denied: () => undefined };

/** Errors that mean "not reachable now" (PouchDB retries those), not "refused". */
function isOffline(error: { status?: number; name?: string }): boolean {
  return !error.status || error.status >= 500 || error.name === 'unknown_error';
}

export class SyncService {
  private session: Session | null = null;
  private settings: SyncSettingsRecord | null = null;
  private error: string | null = null;
  private offline = false;
  private readOnly = false;
  private readonly active = new Set<Direction>();
  private readonly rejected = new Map<string, SyncStatusRecord['rejected'][number]>();
  private readonly conflicted = new Set<string>();
  private readonly changeLog: Array<{ seq: number; articleId: string }> = [];
  private changeSeq = 0;
  private lastSyncedAt: string | null = null;
  private pushedSeq: number | string = 0;
  private applyScheduled = false;
  /** Documents pulled while a new mirror was set up (counted in the next `now`). */
  private pulledOnStart = 0;
  private starting: Promise<void> | null = null;

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
      this.error = this.describe(error);
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
    this.error = null;
    this.readOnly = false;
    this.rejected.clear();
    await this.open(settings, secret, options.live ?? true);
    return this.status();
  }

  async disconnect(): Promise<SyncStatusRecord> {
    await this.stop();
    await removeSyncSettings(this.dataDir);
    await this.options.secrets.clear();
    this.settings = null;
    this.error = null;
    this.readOnly = false;
    this.rejected.clear();
    return this.status();
  }

  /** The last status a running service saw, kept in sync/state.json for `sync --status` and the next start. */
  private async saveSnapshot(): Promise<void> {
    if (!this.session) return;
    const status = await this.status();
    const snapshot = { ...status, pushedSeq: this.pushedSeq, savedAt: this.ctx.clock().toISOString() };
    await writeFile(join(this.dataDir, SYNC_FOLDER, SNAPSHOT_FILE), `${JSON.stringify(snapshot)}\n`).catch(() => undefined);
  }

  private async loadSnapshot(): Promise<(SyncStatusRecord & { pushedSeq?: number | string }) | null> {
    try {
      return JSON.parse(await readFile(join(this.dataDir, SYNC_FOLDER, SNAPSHOT_FILE), 'utf8'));
    } catch {
      return null;
    }
  }

  private async open(settings: SyncSettingsRecord, password: string | null, live: boolean): Promise<void> {
    this.starting = (async () => {
      const snapshot = await this.loadSnapshot();
      if (snapshot) {
        this.pushedSeq = snapshot.pushedSeq ?? 0;
        this.lastSyncedAt = snapshot.lastSyncedAt ?? null;
      }
      await mkdir(join(this.dataDir, SYNC_FOLDER), { recursive: true });
      const PouchDB = await pouchdb();
      const local = new PouchDB(join(this.dataDir, SYNC_FOLDER, 'pouch'));
      const remote = await openRemote(settings, password);
      const mirror = new Mirror(this.ctx, local, {
        keepLocal: (data) => this.isUntouchedSample(data),
        stamp: async () => ({ reviewer: (await this.ctx.store.prefs()).reviewer, at: this.ctx.clock().toISOString() }),
        onError: (error) => (this.error = this.describe(error)),
      });
      const applier = new Applier(this.ctx, local, mirror, {
        applied: (articleId) => this.noteApplied(articleId),
        refused: (docId, reason) => this.options.notice?.(`A teammate's change was refused (${docId.split('@')[0]}): ${reason}`),
        conflict: (docId, conflicted) => (conflicted ? this.conflicted.add(docId) : this.conflicted.delete(docId)),
      });
      this.session = { settings, password, local, remote, mirror, applier, live: null };
      await this.countConflicts();
      if (await applier.hasRun()) {
        await applier.pass(); // teammates' changes that arrived before the last stop
        await mirror.reconcile({ deleteOrphans: true }); // changes made here while sync was not running
        await applier.markApplied((await local.info()).update_seq); // what reconcile wrote is the library already
      } else {
        // A new (or rebuilt) mirror: the team's documents first, so the library's claims are written
        // on top of the revisions the server has (not beside them, as false conflicts).
        this.pulledOnStart = (await replicateOnce(local, remote, QUIET, { push: false }).catch(() => null))?.pulled ?? 0;
        const pulled = Number((await local.info()).update_seq);
        this.pushedSeq = pulled; // what was pulled is on the server already
        await mirror.reconcile({ deleteOrphans: false });
        await applier.pass(pulled); // the team's documents (those reconcile did not just write from the library)
        await applier.markApplied((await local.info()).update_seq);
      }
      if (live) this.startLive();
    })();
    try {
      await this.starting;
    } finally {
      this.starting = null;
    }
  }

  private startLive(): void {
    const session = this.session!;
    session.live = new LiveReplication(session.local, session.remote, {
      active: (direction) => {
        this.active.add(direction);
        this.offline = false;
      },
      idle: (direction) => void this.caughtUp(direction),
      moved: (direction, _count, lastSeq) => {
        this.offline = false;
        if (direction === 'pull') this.scheduleApply();
        else if (lastSeq !== undefined) this.pushedSeq = lastSeq;
      },
      denied: (docId, reason) => void this.noteDenied(docId, reason),
      failed: (direction, error) => this.noteFailure(direction, error),
    });
    session.live.start({ push: !this.readOnly, catchUp: true });
  }

  private async caughtUp(direction: Direction): Promise<void> {
    this.active.delete(direction);
    this.offline = false;
    if (this.error && !this.readOnly) this.error = null;
    if (direction === 'push' && this.session) this.pushedSeq = (await this.session.local.info()).update_seq;
    if (this.active.size === 0) {
      this.lastSyncedAt = this.ctx.clock().toISOString();
      await this.saveSnapshot();
    }
  }

  private noteFailure(direction: Direction, error: { status?: number; name?: string; reason?: string; message?: string }): void {
    this.active.delete(direction);
    if (isOffline(error)) {
      this.offline = true;
      return;
    }
    if (direction === 'push' && error.status === 403) {
      void this.becomeReadOnly(error.reason ?? error.message ?? 'forbidden');
      return;
    }
    this.error = redact(describeStatus(error.status ?? 0, this.settings!, error.reason ?? ''), [this.session?.password]);
    if (error.status === 401 || error.status === 404) this.session?.live?.stop();
  }

  /** The server refuses our writes: stop pushing, keep pulling, and keep every unsent change here. */
  private async becomeReadOnly(reason: string): Promise<void> {
    const session = this.session;
    if (!session) return;
    if (!this.readOnly) {
      this.readOnly = true;
      if (session.live?.live) {
        session.live.stop();
        this.startLive();
      }
    }
    for (const id of await this.unsentDocIds()) await this.noteDenied(id, reason);
  }

  private async noteDenied(docId: string | undefined, reason: string): Promise<void> {
    this.readOnly = true;
    const parsed = docId ? parseDocId(docId) : null;
    if (!parsed || !docId) return;
    const articleId = (await keyMapOf(this.ctx)).idOf(parsed.key);
    if (!articleId) return;
    if (!this.rejected.has(docId)) this.options.notice?.(`The team server refused a change (${parsed.kind === 'claim' ? `claim ${parsed.claimId}` : 'article'}): it is kept in this library only`);
    this.rejected.set(docId, { articleId, ...(parsed.kind === 'claim' ? { claimId: parsed.claimId } : {}), reason: redact(reason).slice(0, 500) || 'forbidden' });
  }

  private scheduleApply(): void {
    if (this.applyScheduled || !this.session) return;
    this.applyScheduled = true;
    const applier = this.session.applier;
    setImmediate(() => {
      this.applyScheduled = false;
      applier.pass().catch((error) => (this.error = this.describe(error)));
    });
  }

  private noteApplied(articleId: string): void {
    this.changeSeq++;
    this.changeLog.push({ seq: this.changeSeq, articleId });
    if (this.changeLog.length > 5_000) this.changeLog.splice(0, this.changeLog.length - 5_000);
  }

  /** Run one two-way replication now and apply what arrived; with a live session, it restarts afterwards. */
  async now(): Promise<SyncStatusRecord & { moved?: OnceResult }> {
    if (this.starting) await this.starting;
    const session = this.session;
    if (!session) return this.status();
    const wasLive = session.live?.live ?? false;
    session.live?.stop();
    let moved: OnceResult | undefined;
    try {
      await session.mirror.drain();
      moved = await this.once(session);
      moved = { ...moved, pulled: moved.pulled + this.pulledOnStart };
      this.pulledOnStart = 0;
      await session.applier.pass();
      this.pushedSeq = (await session.local.info()).update_seq;
      this.lastSyncedAt = this.ctx.clock().toISOString();
      this.offline = false;
      if (!this.readOnly) this.error = null;
    } catch (error) {
      const status = (error as { status?: number }).status;
      if (isOffline(error as never)) this.offline = true;
      else this.error = this.describe(error);
      if (!wasLive) throw new FactmarkError('invalid-input', this.error ?? `Cannot reach the team server ${this.settings ? this.settings.server : ''}`.trim());
      void status;
    } finally {
      if (wasLive && this.session === session) this.startLive();
    }
    return { ...(await this.status()), ...(moved ? { moved } : {}) };
  }

  private async once(session: Session): Promise<OnceResult> {
    const events = { active: () => undefined, idle: () => undefined, moved: () => undefined, failed: () => undefined, denied: (id: string | undefined, reason: string) => void this.noteDenied(id, reason) };
    try {
      return await replicateOnce(session.local, session.remote, events, { push: !this.readOnly });
    } catch (error) {
      if ((error as { status?: number }).status !== 403) throw error;
      await this.becomeReadOnly((error as { reason?: string }).reason ?? 'forbidden');
      const pulled = await replicateOnce(session.local, session.remote, events, { push: false });
      return { ...pulled, refused: this.rejected.size };
    }
  }

  /** Stop replicating and close the mirror (the app is quitting, or the library leaves the team). */
  async stop(): Promise<void> {
    if (this.starting) await this.starting.catch(() => undefined);
    const session = this.session;
    if (!session) return;
    session.live?.stop();
    await session.mirror.drain().catch(() => undefined);
    await this.saveSnapshot();
    this.session = null;
    session.mirror.stop();
    await session.applier.pass().catch(() => undefined);
    await session.local.close().catch(() => undefined);
    await session.remote.close().catch(() => undefined);
    this.active.clear();
  }

  /** Mirror documents changed since the server last acknowledged our writes. */
  /**
   * How many mirror writes the server has not acknowledged: the local sequence past the last one
   * the push replication confirmed (cheap enough to ask on every status poll).
   */
  private async unsentCount(): Promise<number> {
    if (!this.session) return 0;
    const seq = Number((await this.session.local.info()).update_seq) - Number(this.pushedSeq);
    return Math.max(0, seq);
  }

  private async unsentDocIds(): Promise<string[]> {
    if (!this.session) return [];
    const feed = await this.session.local.changes({ since: this.pushedSeq, limit: 100_000 });
    return feed.results.map((r) => r.id).filter((id) => !id.startsWith('_'));
  }

  async status(): Promise<SyncStatusRecord> {
    if (!this.settings) this.settings = await readSyncSettings(this.dataDir);
    const settings = this.settings;
    if (settings && !this.session && !this.starting) {
      // Not running in this process (the CLI beside the app, or before a start): the last state a running one saw.
      const snapshot = await this.loadSnapshot();
      const conflicts = await this.countConflicts();
      const { pushedSeq: _seq, savedAt: _at, ...last } = (snapshot ?? {}) as Partial<SyncStatusRecord> & { pushedSeq?: unknown; savedAt?: unknown };
      return { state: this.error ? 'error' : 'offline', readOnly: false, pending: 0, rejected: [], lastSyncedAt: null, ...last, settings, conflicts, error: this.error ?? last.error ?? null, changeSeq: this.changeSeq };
    }
    const pending = settings ? (await this.unsentCount().catch(() => 0)) + (this.session?.mirror.queued ?? 0) : 0;
    const busy = !!this.starting || this.active.size > 0 || (this.session?.mirror.queued ?? 0) > 0;
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

  /** The articles teammates' changes touched after `sinceSeq`. */
  changes(sinceSeq: number): { changeSeq: number; articleIds: string[] } {
    const articleIds = [...new Set(this.changeLog.filter((entry) => entry.seq > sinceSeq).map((entry) => entry.articleId))];
    return { changeSeq: this.changeSeq, articleIds };
  }

  /** The running session's mirror (claim conflict resolution writes through it). */
  get current(): Pick<Session, 'local' | 'mirror'> | null {
    return this.session;
  }

  conflictCleared(docId: string): void {
    this.conflicted.delete(docId);
  }

  /** Count the library's conflicted claims (on start; afterwards the applier keeps the count). */
  private async countConflicts(): Promise<number> {
    this.conflicted.clear();
    for (const row of (await this.ctx.store.index()).articles) {
      const data = await this.ctx.store.article(row.id).catch(() => null);
      for (const claim of data?.claims ?? []) if (claim.conflictVersions?.length) this.conflicted.add(`claim:${data!.article.textHash}:${claim.id}`);
    }
    return this.conflicted.size;
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
