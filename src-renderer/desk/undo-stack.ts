/**
 * Undo and redo for claim changes, as pure data: each entry says what happened (created,
 * deleted, updated with the fields before and after), and `inverse` says how to take it back.
 * The desk runs the entries against the contract; this module only keeps the order.
 */
import type { ClaimPatch } from '../../src-shared/claims';
import type { ClaimRecord } from '../../src-shared/model';

/** A claim change that can be undone. */
export type ClaimChange =
  /** A claim was created (undo deletes it; redo restores it). */
  | { kind: 'create'; claim: ClaimRecord }
  /** A claim was deleted (undo restores it). */
  | { kind: 'delete'; claim: ClaimRecord }
  /** A claim's fields changed from `before` to `after` (same keys in both). */
  | { kind: 'update'; claimId: string; before: ClaimPatch; after: ClaimPatch };

export interface UndoState {
  /** Changes done, oldest first. */
  done: readonly ClaimChange[];
  /** Changes undone, most recently undone last. */
  undone: readonly ClaimChange[];
}

export const EMPTY_UNDO: UndoState = { done: [], undone: [] };

/** How many changes are remembered. */
export const UNDO_LIMIT = 200;

/** Record a new change: it can be undone, and nothing can be redone any more. */
export function record(state: UndoState, change: ClaimChange, limit = UNDO_LIMIT): UndoState {
  const done = [...state.done, change];
  return { done: done.length > limit ? done.slice(done.length - limit) : done, undone: [] };
}

/** Take the change to undo; null when there is none. */
export function takeUndo(state: UndoState): { state: UndoState; change: ClaimChange } | null {
  const change = state.done[state.done.length - 1];
  if (!change) return null;
  return { change, state: { done: state.done.slice(0, -1), undone: [...state.undone, change] } };
}

/** Take the change to redo; null when there is none. */
export function takeRedo(state: UndoState): { state: UndoState; change: ClaimChange } | null {
  const change = state.undone[state.undone.length - 1];
  if (!change) return null;
  return { change, state: { done: [...state.done, change], undone: state.undone.slice(0, -1) } };
}

/** The change that reverses `change`. */
export function inverse(change: ClaimChange): ClaimChange {
  switch (change.kind) {
    case 'create':
      return { kind: 'delete', claim: change.claim };
    case 'delete':
      return { kind: 'create', claim: change.claim };
    case 'update':
      return { kind: 'update', claimId: change.claimId, before: change.after, after: change.before };
  }
}

/** Replace the stored copy of a claim in every entry that holds one (after a restore gives it a new revision). */
export function refreshClaim(state: UndoState, claim: ClaimRecord): UndoState {
  const fix = (c: ClaimChange): ClaimChange => (c.kind !== 'update' && c.claim.id === claim.id ? { ...c, claim } : c);
  return { done: state.done.map(fix), undone: state.undone.map(fix) };
}

/** Drop every entry about a claim (when it was deleted elsewhere and cannot be undone here). */
export function forgetClaim(state: UndoState, claimId: string): UndoState {
  const keep = (c: ClaimChange) => (c.kind === 'update' ? c.claimId : c.claim.id) !== claimId;
  return { done: state.done.filter(keep), undone: state.undone.filter(keep) };
}

/** Drop one entry (by identity) wherever it is: a change the host refused never happened. */
export function dropChange(state: UndoState, change: ClaimChange): UndoState {
  if (!state.done.includes(change) && !state.undone.includes(change)) return state;
  return { done: state.done.filter((c) => c !== change), undone: state.undone.filter((c) => c !== change) };
}

/** A short description of a change for the status line ("Undid: status change"). */
export function describeChange(change: ClaimChange): string {
  if (change.kind === 'create') return 'new claim';
  if (change.kind === 'delete') return 'deletion';
  const keys = Object.keys(change.after);
  return keys.length === 1 ? `${keys[0]} change` : 'claim edit';
}
