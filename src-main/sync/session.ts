/**
 * One team session of a library: the local mirror (sync/pouch in the data folder), the team
 * database, the mirror's writer and the applier, opened together; and how a session is set up
 * before it replicates live — a resumed mirror applies what arrived and writes what changed here,
 * a new (or rebuilt) one takes the team's documents first and the library's on top of them.
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { SyncSettingsRecord } from '../../src-shared/contract-sync';
import type { ServiceContext } from '../services/context';
import { Applier, type ApplyHooks } from './apply';
import { Mirror, type MirrorOptions } from './mirror';
import { pouchdb, type PouchDatabase } from './pouch';
import { openRemote } from './remote';
import { replicateOnce, type LiveReplication, type ReplicationEvents } from './replication';
import { SYNC_FOLDER } from './settings';

export interface Session {
  settings: SyncSettingsRecord;
  password: string | null;
  local: PouchDatabase;
  remote: PouchDatabase;
  mirror: Mirror;
  applier: Applier;
  live: LiveReplication | null;
}

export async function openSession(ctx: ServiceContext, settings: SyncSettingsRecord, password: string | null, hooks: { mirror: MirrorOptions; apply: ApplyHooks }): Promise<Session> {
  await mkdir(join(ctx.store.dataDir, SYNC_FOLDER), { recursive: true });
  const PouchDB = await pouchdb();
  const local = new PouchDB(join(ctx.store.dataDir, SYNC_FOLDER, 'pouch'));
  const remote = await openRemote(settings, password);
  const mirror = new Mirror(ctx, local, hooks.mirror);
  const applier = new Applier(ctx, local, mirror, hooks.apply);
  return { settings, password, local, remote, mirror, applier, live: null };
}

/** Replication events that are not listened to (spread, with the ones that are). */
export const QUIET: ReplicationEvents = { active: () => undefined, idle: () => undefined, moved: () => undefined, failed: () => undefined, denied: () => undefined };

export interface SetUpSteps {
  /** A new mirror pulled the team's documents: the server holds the mirror up to `seq`. */
  pulledTo(seq: number): void;
  /**
   * The push may begin (a new mirror: while the library is written into it), from `since` (the
   * mirror's sequence the server holds) when known; the pull must wait for `ready`, since what it
   * brings before the first pass ends would be marked applied unapplied.
   */
  startPushing: ((ready: Promise<void>, since?: number) => void) | null;
}

/** Bring the mirror and the library in line; resolves to the number of documents pulled. */
export async function setUpSession(session: Session, steps: SetUpSteps): Promise<number> {
  const { local, remote, mirror, applier } = session;
  if (await applier.hasRun()) {
    await applier.pass(); // teammates' changes that arrived before the last stop
    await mirror.reconcile({ deleteOrphans: true }); // changes made here while sync was not running
    await applier.markApplied((await local.info()).update_seq); // what reconcile wrote is the library already
    steps.startPushing?.(Promise.resolve());
    return 0;
  }
  // A new (or rebuilt) mirror: the team's documents first, so the library's claims are written on
  // top of the revisions the server has (not beside them, as false conflicts). Into an empty
  // mirror, the team's articles this library does not hold are added from the pulled documents
  // as they land, while the pull goes on (anything else waits for the full pass below).
  // The documents the library then creates in the mirror are held for the catch-up push (fresh.ts).
  const before = Number((await local.info()).update_seq);
  const events: ReplicationEvents = { ...QUIET, moved: (direction, _count, _seq, docs) => before === 0 && direction === 'pull' && docs?.length && applier.arrive(docs) };
  const pulled = (await replicateOnce(local, remote, events, { push: false }).catch(() => null))?.pulled ?? 0;
  if (before === 0) await applier.finishArrivals(Number((await local.info()).update_seq)).catch(() => 0);
  const pulledSeq = Number((await local.info()).update_seq);
  // Only the pull wrote the mirror so far (no edit made meanwhile): the server holds all of it.
  const since = pulledSeq - before === pulled ? pulledSeq : undefined;
  steps.pulledTo(since ?? before);
  let ready = () => undefined as void;
  mirror.fresh.start(); // ended by the push that sends them (or its failure)
  steps.startPushing?.(new Promise<void>((resolve) => (ready = resolve)), since);
  try {
    await mirror.reconcile({ deleteOrphans: false, fromMirror: applier.arrivedKeys });
    await applier.pass(pulledSeq); // the team's documents (those reconcile did not just write from the library)
    await applier.markApplied((await local.info()).update_seq);
  } finally {
    ready();
  }
  return pulled;
}
