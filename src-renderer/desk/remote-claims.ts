/**
 * The desk's case for teammates' changes (team library): the open article's claims as the host has
 * them now replace the shown ones, except a claim with a save on its way or one the reviewer is
 * typing in (kept as shown, on the revision it was based on, so its save is checked against it and a
 * race is reported as a conflict). Undo keeps working: entries about claims deleted elsewhere are
 * dropped, stored copies are refreshed, and an undo or redo never overwrites a field a teammate changed.
 */
import { CLAIM_FIELDS } from '../../src-shared/claims';
import { inDocumentOrder, type ClaimRecord } from '../../src-shared/model';
import { forgetClaim, refreshClaim, type UndoState } from './undo-stack';
import type { DeskEvent, DeskState } from './desk-state';

type RemoteClaims = Extract<DeskEvent, { type: 'remote-claims' }>;

/** Whether two versions of a claim are the same in every stored field. */
function sameVersion(a: ClaimRecord, b: ClaimRecord): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** The editable fields whose values differ between two versions of a claim. */
export function changedFields(before: ClaimRecord, after: ClaimRecord): string[] {
  return CLAIM_FIELDS.filter((key) => JSON.stringify(before[key]) !== JSON.stringify(after[key]));
}

/** Drop the undo and redo entries that would set one of `fields` of a claim (a teammate changed them since). */
export function dropOverwritten(history: UndoState, claimId: string, fields: readonly string[]): UndoState {
  if (fields.length === 0) return history;
  const overwrites = (entry: UndoState['done'][number]) =>
    entry.kind === 'update' && entry.claimId === claimId && Object.keys(entry.after).some((key) => fields.includes(key));
  if (!history.done.some(overwrites) && !history.undone.some(overwrites)) return history;
  return { done: history.done.filter((e) => !overwrites(e)), undone: history.undone.filter((e) => !overwrites(e)) };
}

export function remoteClaims(state: DeskState, event: RemoteClaims): DeskState {
  if (event.articleId !== state.articleId) return state;
  // A claim with a save on its way, the one being typed in, and any whose confirmed version is newer than the host's answer (read before a save landed).
  const fresh = new Map(event.claims.map((c) => [c.id, c]));
  const keptLocal = (id: string) => state.pending.has(id) || id === event.hold || (state.confirmed.get(id)?.revision ?? 0) > (fresh.get(id)?.revision ?? Infinity);
  const local = new Map(state.claims.map((c) => [c.id, c]));

  let changed = false;
  const claims: ClaimRecord[] = [];
  for (const claim of event.claims) {
    if (keptLocal(claim.id)) {
      const mine = local.get(claim.id);
      if (mine) claims.push(mine); // else deleted here, its delete on its way
      continue;
    }
    const mine = local.get(claim.id);
    if (!mine || !sameVersion(mine, claim)) changed = true;
    claims.push(claim);
  }
  for (const claim of state.claims) {
    if (fresh.has(claim.id)) continue;
    if (keptLocal(claim.id)) claims.push(claim); // created here, its create on its way
    else changed = true; // deleted by a teammate
  }
  if (!changed && !state.loading) return state;

  const confirmed = new Map(state.confirmed);
  let history = state.history;
  for (const [id, claim] of state.confirmed) {
    if (claim.articleId !== state.articleId || keptLocal(id) || fresh.has(id)) continue;
    confirmed.delete(id);
    history = forgetClaim(history, id);
  }
  for (const claim of event.claims) {
    if (keptLocal(claim.id)) continue;
    const before = state.confirmed.get(claim.id) ?? local.get(claim.id);
    if (before && before.revision !== claim.revision) history = dropOverwritten(history, claim.id, changedFields(before, claim));
    if (!before || !sameVersion(before, claim)) history = refreshClaim(history, claim);
    confirmed.set(claim.id, claim);
  }

  const ordered = inDocumentOrder(claims);
  const selectedId = state.selectedId && ordered.some((c) => c.id === state.selectedId) ? state.selectedId : null;
  const countChanged = ordered.length !== state.claims.length || ordered.some((c) => !local.has(c.id));
  return {
    ...state,
    claims: ordered,
    confirmed,
    history,
    selectedId,
    loading: false,
    countsChanged: countChanged ? state.countsChanged + 1 : state.countsChanged,
  };
}
