/**
 * The desk store: holds the desk state, runs each event through the reducer, hands new saves to
 * the save queue (whose answers come back as events) and tells subscribers. Outside React, so it
 * is driven the same way in the app and in Node tests.
 */
import { reduceDesk } from './desk-reducer';
import { EMPTY_DESK, type DeskEvent, type DeskState } from './desk-state';
import { SaveQueue, type SaveTransport } from './save-queue';

/** Told of every new state; `urgent` is false for the host's answers (they can wait behind input). */
export type DeskListener = (state: DeskState, urgent: boolean) => void;

export class DeskStore {
  private current: DeskState = EMPTY_DESK;
  private readonly listeners = new Set<DeskListener>();
  private readonly queue: SaveQueue;

  constructor(transport: SaveTransport, gate?: () => Promise<void>) {
    this.queue = new SaveQueue({
      transport,
      gate,
      answer: (event) => this.apply(event, false),
      confirmedRevision: (claimId) => this.current.confirmed.get(claimId)?.revision,
    });
  }

  get state(): DeskState {
    return this.current;
  }

  /** Run a user's event. */
  dispatch = (event: DeskEvent): void => this.apply(event, true);

  subscribe(listener: DeskListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Resolves once every save queued so far has been answered. */
  settled(): Promise<void> {
    return this.queue.idle();
  }

  private apply(event: DeskEvent, urgent: boolean): void {
    const before = this.current;
    let next = reduceDesk(before, event);
    const jobs = next.outbox;
    if (jobs.length) next = reduceDesk(next, { type: 'jobs-taken' });
    this.current = next;
    // Queued after the state holds them as in flight, so an answer never arrives before its job.
    if (jobs.length) this.queue.push(jobs);
    if (next !== before) for (const listener of this.listeners) listener(next, urgent);
  }
}
