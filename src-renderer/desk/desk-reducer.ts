/**
 * The desk reducer: (state, event) -> state, pure. A change is shown at once and queued as a save
 * in `outbox` (the save queue takes it); undo and redo replay entries of the open article's history;
 * the save queue's answers are handled in desk-answers.ts.
 */
import { applyPatch, changesNothing, fieldsBefore, type ChangeStamp } from '../../src-shared/claims';
import { inDocumentOrder, type ClaimRecord } from '../../src-shared/model';
import { withClaimInOrder, withClaimReplaced } from './claim-array';
import { afterDeletion, filterClaims, neighbourId, NO_FILTER, unseenClaims } from './claim-list';
import { answered } from './desk-answers';
import { EMPTY_UNDO, describeChange, inverse, record, takeRedo, takeUndo, type ClaimChange } from './undo-stack';
import { remoteClaims } from './remote-claims';
import { jobClaimId, SAVE_IDLE, SAVE_SAVING, tell, type DeskEvent, type DeskState, type SaveJob } from './desk-state';

type NewJob = SaveJob extends infer J ? (J extends SaveJob ? Omit<J, 'serial' | 'articleId' | 'origin'> : never) : never;

/** Queue a save for the host (shown as "saving" until every queued save is answered). */
function enqueue(state: DeskState, job: NewJob, origin: ClaimChange): DeskState {
  if (!state.articleId) return state;
  const id = jobClaimId(job);
  const pending = new Map(state.pending).set(id, (state.pending.get(id) ?? 0) + 1);
  const full = { ...job, serial: state.nextSerial, articleId: state.articleId, origin } as SaveJob;
  return { ...state, outbox: [...state.outbox, full], nextSerial: state.nextSerial + 1, pending, inFlight: state.inFlight + 1, save: SAVE_SAVING };
}

function withClaims(state: DeskState, claims: readonly ClaimRecord[]): DeskState {
  const selectedId = state.selectedId && claims.some((c) => c.id === state.selectedId) ? state.selectedId : null;
  return { ...state, claims, selectedId };
}

/** The claim already on exactly the range of `claim`, if any. */
function sameRange(claims: readonly ClaimRecord[], claim: ClaimRecord): ClaimRecord | undefined {
  const { start, end } = claim.target.position;
  return claims.find((c) => c.target.position.start === start && c.target.position.end === end);
}

/** Show a change and queue its save. `fresh`: a create is a new claim (not one put back). */
function perform(state: DeskState, change: ClaimChange, stamp: ChangeStamp, origin: ClaimChange, fresh = false): DeskState {
  if (change.kind === 'create') {
    const { claim } = change;
    const shown = withClaims(state, withClaimInOrder(state.claims, claim));
    return enqueue(shown, fresh ? { kind: 'create', claim } : { kind: 'restore', claim }, origin);
  }
  if (change.kind === 'delete') {
    const id = change.claim.id;
    return enqueue(withClaims(state, state.claims.filter((c) => c.id !== id)), { kind: 'delete', claimId: id }, origin);
  }
  const { claimId, after } = change;
  const claims = withClaimReplaced(state.claims, claimId, (c) => applyPatch(c, after, stamp));
  return enqueue({ ...state, claims }, { kind: 'update', claimId, patch: after }, origin);
}

/** A new change made by the user: remembered for undo, shown and queued. */
function change(state: DeskState, made: ClaimChange, stamp: ChangeStamp, fresh = false): DeskState {
  return perform({ ...state, history: record(state.history, made) }, made, stamp, made, fresh);
}

function opened(state: DeskState, event: Extract<DeskEvent, { type: 'opened' }>): DeskState {
  const shelved = new Map(state.shelved);
  if (state.articleId) shelved.set(state.articleId, state.history);
  const history = shelved.get(event.articleId) ?? EMPTY_UNDO;
  shelved.delete(event.articleId);
  // The host's versions of this article's claims, and of any claim whose save is still on its way
  // (its update needs the revision the host confirmed last); nothing of other articles beyond that.
  const confirmed = new Map<string, ClaimRecord>();
  for (const id of state.pending.keys()) {
    const known = state.confirmed.get(id);
    if (known) confirmed.set(id, known);
  }
  for (const claim of event.claims) {
    const known = confirmed.get(claim.id);
    if (!known || known.revision <= claim.revision) confirmed.set(claim.id, claim);
  }
  return {
    ...state,
    articleId: event.articleId,
    claims: event.claims,
    opening: event.claims,
    loading: event.claimCount > event.claims.length,
    confirmed,
    selectedId: null,
    filter: NO_FILTER,
    history,
    shelved,
    conflict: null,
    save: state.inFlight > 0 ? SAVE_SAVING : SAVE_IDLE,
  };
}

function moreClaims(state: DeskState, event: Extract<DeskEvent, { type: 'more-claims' }>): DeskState {
  if (event.articleId !== state.articleId) return state;
  const added = unseenClaims(event.claims, state.opening, state.claims);
  const confirmed = new Map(state.confirmed);
  for (const claim of added) confirmed.set(claim.id, claim);
  return { ...state, claims: inDocumentOrder([...state.claims, ...added]), confirmed, loading: false };
}

function undoOrRedo(state: DeskState, which: 'undo' | 'redo', stamp: ChangeStamp): DeskState {
  const taken = which === 'undo' ? takeUndo(state.history) : takeRedo(state.history);
  if (!taken) return tell(state, 'notice', which === 'undo' ? 'Nothing to undo.' : 'Nothing to redo.');
  const next = perform({ ...state, history: taken.state }, which === 'undo' ? inverse(taken.change) : taken.change, stamp, taken.change);
  return tell(next, 'notice', `${which === 'undo' ? 'Undid' : 'Redid'} ${describeChange(taken.change)}`);
}

function update(state: DeskState, claimId: string, patch: Extract<DeskEvent, { type: 'update' }>['patch'], stamp: ChangeStamp, amend = false): DeskState {
  const local = state.claims.find((c) => c.id === claimId);
  if (!local || changesNothing(local, patch)) return state;
  const made: ClaimChange = { kind: 'update', claimId, before: fieldsBefore(local, patch), after: patch };
  if (!amend) return change(state, made, stamp);
  // The claim's creation entry takes the change in, so one undo removes the claim and redo brings it back with it.
  const done = state.history.done.map((entry) =>
    entry.kind === 'create' && entry.claim.id === claimId ? { kind: 'create' as const, claim: applyPatch(entry.claim, patch, stamp) } : entry,
  );
  return perform({ ...state, history: { ...state.history, done } }, made, stamp, made);
}

export function reduceDesk(state: DeskState, event: DeskEvent): DeskState {
  switch (event.type) {
    case 'opened':
      return opened(state, event);
    case 'more-claims':
      return moreClaims(state, event);
    case 'more-claims-failed':
      return event.articleId === state.articleId ? tell({ ...state, loading: false }, 'error', `Some claims could not be loaded: ${event.message}`) : state;
    case 'create': {
      if (event.claim.articleId !== state.articleId) return state;
      const same = sameRange(state.claims, event.claim);
      if (same) return tell({ ...state, selectedId: same.id }, 'notice', 'That text is already a claim: it is selected.');
      const created = change(state, { kind: 'create', claim: event.claim }, { at: event.claim.createdAt, reviewer: event.claim.reviewer }, true);
      return tell({ ...created, selectedId: event.claim.id }, 'notice', 'Claim created.');
    }
    case 'update':
      return update(state, event.claimId, event.patch, event.stamp, event.amend);
    case 'delete': {
      const local = state.claims.find((c) => c.id === event.claimId);
      if (!local) return state;
      const visibleIds = filterClaims(state.claims, state.filter).map((c) => c.id);
      const selectedId = state.selectedId === local.id ? afterDeletion(visibleIds, local.id) : state.selectedId;
      const deleted = change(state, { kind: 'delete', claim: state.confirmed.get(local.id) ?? local }, { at: local.updatedAt, reviewer: local.reviewer });
      return { ...deleted, selectedId };
    }
    case 'undo':
    case 'redo':
      return undoOrRedo(state, event.type, event.stamp);
    case 'select':
      return state.selectedId === event.claimId ? state : { ...state, selectedId: event.claimId };
    case 'step': {
      const ids = filterClaims(state.claims, state.filter).map((c) => c.id);
      return { ...state, selectedId: neighbourId(ids, state.selectedId, event.by) };
    }
    case 'filter':
      return { ...state, filter: event.filter };
    case 'reapply':
      return state.conflict ? update({ ...state, conflict: null }, state.conflict.claimId, state.conflict.attempted, event.stamp) : state;
    case 'dismiss-conflict':
      return { ...state, conflict: null };
    case 'remote-claims':
      return remoteClaims(state, event);
    case 'jobs-taken':
      return state.outbox.length ? { ...state, outbox: [] } : state;
    case 'saved':
    case 'conflict':
    case 'missing':
    case 'failed':
      return answered(state, event);
  }
}
