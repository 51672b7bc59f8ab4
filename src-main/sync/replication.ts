/**
 * Two-way replication between the local mirror and the team database, through PouchDB's own
 * replicator (push and pull run as two replications so each reports on its own): live with retry
 * while the app runs, or once (sync now, the CLI). Each event becomes a plain report for the
 * service: active, caught up, a refused write, a server error, the server out of reach.
 */
import type { PouchDatabase, PouchDoc, PouchReplication, ReplicateOptions } from './pouch';
import type { FreshDocs } from './fresh';
import { pastOwnChanges, PushedRevisions } from './read-back';

export type Direction = 'push' | 'pull';

export interface ReplicationEvents {
  active(direction: Direction): void;
  /** Caught up with the other side (no error); lastSeq: the source's sequence replicated, when known. */
  idle(direction: Direction, lastSeq?: number | string): void;
  /** Documents arrived (pull) or went out (push), `docs` as written; lastSeq: the source's sequence now replicated. */
  moved(direction: Direction, count: number, lastSeq?: number | string, docs?: PouchDoc[]): void;
  /** The server refused one document (403 forbidden per document, e.g. a validation function). */
  denied(docId: string | undefined, reason: string): void;
  /** A failed request; PouchDB retries on its own (with back-off) when live. */
  failed(direction: Direction, error: { status?: number; name?: string; reason?: string; message?: string }): void;
}

/** Retry after 0.5 s, doubling up to 4 s: a team server that comes back is noticed quickly. */
export const backOff = (delay: number): number => (delay ? Math.min(delay * 2, 4_000) : 500);

/**
 * Documents per pulled batch (written to the mirror at once, sorted by id). Large, since each
 * batch costs round trips, checkpoint writes on both sides and a save of the library: an empty
 * library joins a 10,100-document team in about 30% less time than with 250. A pull only sends
 * ids and revisions, so no server's request-size limit applies.
 */
export const PULL_BATCH = 1_000;

/**
 * Documents per pushed batch: each is one `_bulk_docs` request holding the documents themselves
 * (an article document carries its whole text), and servers limit request bodies (IBM Cloudant
 * to 11 MB), so pushes stay at a quarter of a pull.
 */
export const PUSH_BATCH = 250;

const PUSH: ReplicateOptions = { batch_size: PUSH_BATCH, back_off_function: backOff };
const PULL: ReplicateOptions = { batch_size: PULL_BATCH, back_off_function: backOff };

/** A one-off push, sending the documents `fresh` holds without reading them back from the mirror. */
const push = (local: PouchDatabase, remote: PouchDatabase, options: ReplicateOptions, fresh: FreshDocs | null) => (fresh ? fresh.push(local, remote, options) : local.replicate.to(remote, options));

function listen(replication: PouchReplication, direction: Direction, events: ReplicationEvents): PouchReplication {
  replication.on('active', () => events.active(direction));
  replication.on('paused', (error) => (error ? events.failed(direction, error as never) : events.idle(direction)));
  replication.on('change', (info) => events.moved(direction, info.docs?.length ?? info.docs_written ?? 0, info.last_seq, info.docs));
  replication.on('denied', (error) => events.denied(error.id, error.reason ?? error.message ?? 'forbidden'));
  replication.on('error', (error) => events.failed(direction, error as never));
  (replication as unknown as { on(event: string, listener: (error: unknown) => void): void }).on('requestError', (error) => events.failed(direction, error as never));
  return replication;
}

export class LiveReplication {
  private readonly running: PouchReplication[] = [];
  private stopped = false;

  constructor(
    private readonly local: PouchDatabase,
    private readonly remote: PouchDatabase,
    private readonly fresh: FreshDocs | null,
    private readonly events: ReplicationEvents,
  ) {}

  /**
   * Start pushing (unless read-only) and pulling, live, retrying while the server is away. With
   * catchUp, a one-off replication each way runs first, both at once as PouchDB's own sync does
   * (PouchDB moves a large backlog several times faster that way than through a live feed); the
   * pull waits for `pullAfter` (a new mirror being set up), and until then the push goes round
   * again for what was written meanwhile. `pushSince`: the mirror's sequence the server is known
   * to hold already (what a new mirror pulled from it), so the first push starts there. The pull
   * then starts past the server's changes that are only what the push delivered (read-back.ts),
   * rather than reading the whole push back.
   */
  start(options: { push: boolean; catchUp?: boolean; pullAfter?: Promise<unknown>; pushSince?: number }): void {
    if (options.catchUp) {
      void this.catchUp(options.push, options.pullAfter ?? Promise.resolve(), options.pushSince).finally(() => this.start({ push: options.push }));
      return;
    }
    if (this.stopped) return;
    if (options.push) this.running.push(listen(this.local.replicate.to(this.remote, { ...PUSH, live: true, retry: true }), 'push', this.events));
    this.running.push(listen(this.local.replicate.from(this.remote, { ...PULL, live: true, retry: true }), 'pull', this.events));
  }

  private async catchUp(push: boolean, pullAfter: Promise<unknown>, pushSince?: number): Promise<void> {
    let setUp = false;
    const ready = pullAfter.then(
      () => (setUp = true),
      () => (setUp = true),
    );
    const pushed = new PushedRevisions();
    const pushing = async () => {
      for (;;) {
        const last = setUp;
        const moved = await this.once('push', pushSince, pushed);
        pushSince = undefined;
        if (last || moved === null || this.stopped) return;
        if (moved.docs_written === 0) await Promise.race([ready, new Promise((r) => setTimeout(r, 200))]);
      }
    };
    const pushDone = push ? pushing() : Promise.resolve();
    const pulled = ready.then(() => this.once('pull'));
    // While the push runs, where the pull can start past what it delivered (see pastOwnChanges).
    const skipTo = pulled.then((info) => (info && push ? this.pastOwnChanges(info.last_seq, pushed, pushDone) : null));
    const [, info, since] = await Promise.all([pushDone, pulled, skipTo]).finally(() => this.fresh?.end());
    if (!info || since === null || this.stopped) return;
    if (since !== info.last_seq) await this.once('pull', since);
    else this.events.idle('pull', since);
  }

  /**
   * After a catch-up push, the pull (caught up at `pulledTo`) need not read our own documents
   * back: the server's sequence past them, from which a one-off pull (PouchDB writes that as its
   * checkpoint first, so the live pull and the next start begin there) takes whatever else came.
   */
  private async pastOwnChanges(pulledTo: number | string, pushed: PushedRevisions, pushing: Promise<unknown>): Promise<number | string | null> {
    if (this.stopped) return null;
    this.events.active('pull');
    return pastOwnChanges(this.local, this.remote, pulledTo, pushed, pushing).catch(() => null); // the live pull reads them instead
  }

  /** One one-off replication, from `since` when given; resolves to what it did (null when it failed); `pushed` collects what a push delivered. */
  private async once(direction: Direction, since?: number | string, pushed?: PushedRevisions): Promise<{ docs_written: number; last_seq: number | string } | null> {
    if (this.stopped) return null;
    const options = { ...(direction === 'push' ? PUSH : PULL), ...(since ? { since } : {}) };
    const replication = direction === 'push' ? push(this.local, this.remote, options, this.fresh) : this.local.replicate.from(this.remote, options);
    if (pushed) replication.on('change', (info) => pushed.add(info.docs ?? []));
    this.running.push(listen(replication, direction, this.events));
    this.events.active(direction);
    try {
      const info = await replication.then((result) => result);
      this.events.idle(direction, info.last_seq);
      return info;
    } catch {
      return null; // reported through the replication's events; the live replication retries
    } finally {
      this.running.splice(this.running.indexOf(replication), 1);
    }
  }

  get live(): boolean {
    return !this.stopped;
  }

  stop(): void {
    this.stopped = true;
    for (const replication of this.running.splice(0)) replication.cancel();
  }
}

export interface OnceResult {
  pushed: number;
  pulled: number;
  /** Documents the server refused. */
  refused: number;
}

/** One replication each way, to completion (rejects with the first failed request's error). */
export async function replicateOnce(local: PouchDatabase, remote: PouchDatabase, events: ReplicationEvents, options: { push: boolean; fresh?: FreshDocs }): Promise<OnceResult> {
  const run = (direction: Direction) => {
    const replication = direction === 'push' ? push(local, remote, PUSH, options.fresh ?? null) : local.replicate.from(remote, PULL);
    listen(replication, direction, { ...events, failed: () => undefined });
    return replication.then((info) => info);
  };
  let pushed: Awaited<ReturnType<typeof run>> | null = null;
  try {
    if (options.push) pushed = await run('push');
  } finally {
    options.fresh?.end(); // held for this push only
  }
  const pulled = await run('pull');
  return { pushed: pushed?.docs_written ?? 0, pulled: pulled.docs_written, refused: pushed?.doc_write_failures ?? 0 };
}
