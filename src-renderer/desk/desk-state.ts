/**
 * The desk's state and the events that change it, as plain data: the open article's claims, the
 * selection, the filter, undo/redo (kept per article for the session), and the saves on their way
 * to the host. desk-reducer.ts turns (state, event) into the next state; nothing here does I/O.
 */
import type { ChangeStamp, ClaimPatch } from '../../src-shared/claims';
import type { ClaimRecord } from '../../src-shared/model';
import { NO_FILTER, type ClaimFilter } from './claim-list';
import { EMPTY_UNDO, type ClaimChange, type UndoState } from './undo-stack';

/** The save indicator: idle before the first change. */
export type SaveState = { kind: 'idle' } | { kind: 'saving' } | { kind: 'saved' } | { kind: 'failed'; message: string };

/**
 * The save states without a message, shared: an edit that leaves the indicator as it was keeps the
 * same object, so what shows it (the memoised toolbar) is not drawn again on every key press.
 */
export const SAVE_IDLE: SaveState = { kind: 'idle' };
export const SAVE_SAVING: SaveState = { kind: 'saving' };
export const SAVE_SAVED: SaveState = { kind: 'saved' };

/** A change refused because the claim changed elsewhere; `attempted` can be applied again. */
export interface Conflict {
  claimId: string;
  attempted: ClaimPatch;
  message: string;
}

/** One save for the host, in the order made. `origin` is the undo entry it carries out (refused: dropped). */
export type SaveJob = { serial: number; articleId: string; origin: ClaimChange } & (
  /** A new claim (claims.create). */
  | { kind: 'create'; claim: ClaimRecord }
  /** A deleted claim put back (claims.restore). */
  | { kind: 'restore'; claim: ClaimRecord }
  /** claims.delete. */
  | { kind: 'delete'; claimId: string }
  /** claims.update, on the revision the host last confirmed when it runs. */
  | { kind: 'update'; claimId: string; patch: ClaimPatch }
);

/** Something to tell the user, once (the serial tells a new one from the last). */
export interface Feedback {
  serial: number;
  kind: 'notice' | 'error';
  text: string;
}

export interface DeskState {
  articleId: string | null;
  /** The claims shown, in document order (only the opening ones while `loading`). */
  claims: readonly ClaimRecord[];
  /** The claims the article opened with (the rest, fetched later, join them). */
  opening: readonly ClaimRecord[];
  /** True while the claims after the opening ones are still being fetched. */
  loading: boolean;
  /** The versions the host has confirmed, by claim id: the open article's, and those of claims with saves on their way. */
  confirmed: ReadonlyMap<string, ClaimRecord>;
  selectedId: string | null;
  filter: ClaimFilter;
  /** The open article's undo history. */
  history: UndoState;
  /** The other articles' undo histories, kept for the session. */
  shelved: ReadonlyMap<string, UndoState>;
  /** Saves queued but not answered, per claim (ids are unique across articles). */
  pending: ReadonlyMap<string, number>;
  /** Saves queued but not answered, in all. */
  inFlight: number;
  save: SaveState;
  conflict: Conflict | null;
  /** Saves made by the last events, for the save queue to take. */
  outbox: readonly SaveJob[];
  nextSerial: number;
  feedback: Feedback | null;
  /** Bumped when the article's claim count changed on the host (the library list shows counts). */
  countsChanged: number;
}

/** The events a desk takes: the user's (and a command's) and the save queue's answers. */
export type DeskEvent =
  /** An article was opened (or reloaded) with its first claims, in document order. */
  | { type: 'opened'; articleId: string; claims: readonly ClaimRecord[]; claimCount: number }
  /** The rest of a long article's claims arrived. */
  | { type: 'more-claims'; articleId: string; claims: readonly ClaimRecord[] }
  /** The rest could not be fetched. */
  | { type: 'more-claims-failed'; articleId: string; message: string }
  /** A new claim, built with the shared rules (src-shared/claims.ts); it becomes the selection. */
  | { type: 'create'; claim: ClaimRecord }
  /** `amend`: part of the claim's creation (a suggested claimant filled in), undone with it in one step. */
  | { type: 'update'; claimId: string; patch: ClaimPatch; stamp: ChangeStamp; amend?: boolean }
  | { type: 'delete'; claimId: string }
  | { type: 'undo'; stamp: ChangeStamp }
  | { type: 'redo'; stamp: ChangeStamp }
  | { type: 'select'; claimId: string | null }
  /** Select the next (1) or previous (-1) claim the filter shows. */
  | { type: 'step'; by: 1 | -1 }
  | { type: 'filter'; filter: ClaimFilter }
  /** Apply the change refused by a conflict again, on the newer version. */
  | { type: 'reapply'; stamp: ChangeStamp }
  | { type: 'dismiss-conflict' }
  /** A teammate's changes arrived (team library): the open article's claims as the host has them now. `hold`: a claim the reviewer is typing in, left as it is. */
  | { type: 'remote-claims'; articleId: string; claims: readonly ClaimRecord[]; hold?: string | null }
  /** The save queue took the outbox. */
  | { type: 'jobs-taken' }
  /** The host stored a save; `claim` is its answer (null: a delete of a claim already gone). */
  | { type: 'saved'; job: SaveJob; claim: ClaimRecord | null }
  /** An update was refused: the claim changed elsewhere. `fresh` is the article's claims now. */
  | { type: 'conflict'; job: SaveJob; fresh: readonly ClaimRecord[] | null }
  /** The claim is gone on the host (deleted elsewhere). */
  | { type: 'missing'; job: SaveJob; fresh: readonly ClaimRecord[] | null }
  /** Any other failure, with the host's message; `fresh` when the claims were reloaded. */
  | { type: 'failed'; job: SaveJob; message: string; fresh: readonly ClaimRecord[] | null };

export const EMPTY_DESK: DeskState = {
  articleId: null,
  claims: [],
  opening: [],
  loading: false,
  confirmed: new Map(),
  selectedId: null,
  filter: NO_FILTER,
  history: EMPTY_UNDO,
  shelved: new Map(),
  pending: new Map(),
  inFlight: 0,
  save: SAVE_IDLE,
  conflict: null,
  outbox: [],
  nextSerial: 1,
  feedback: null,
  countsChanged: 0,
};

/** The selected claim, or null. */
export function selectedClaim(state: DeskState): ClaimRecord | null {
  return state.selectedId ? state.claims.find((c) => c.id === state.selectedId) ?? null : null;
}

/** `state` with something to tell the user. */
export function tell(state: DeskState, kind: Feedback['kind'], text: string): DeskState {
  return { ...state, feedback: { serial: (state.feedback?.serial ?? 0) + 1, kind, text } };
}

/** The id of the claim a save is about. */
export function jobClaimId(job: { claim: ClaimRecord } | { claimId: string }): string {
  return 'claim' in job ? job.claim.id : job.claimId;
}
