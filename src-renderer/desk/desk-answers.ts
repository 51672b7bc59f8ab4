/**
 * The host's answers to the desk's saves, as reducer cases: a stored version is confirmed (and
 * shown unless newer local changes are queued); a conflict loads the newer version and offers the
 * refused change again; a claim gone elsewhere, or any other failure, reloads and says why. An
 * answer for an article that is no longer open only updates that article's shelved undo history.
 */
import type { ClaimPatch } from '../../src-shared/claims';
import type { ClaimRecord } from '../../src-shared/model';
import { statusInfo } from '../../src-shared/statuses';
import { LayeredMap } from './layered-map';
import { withClaimReplaced } from './claim-array';
import { dropChange, forgetClaim, refreshClaim, type UndoState } from './undo-stack';
import { jobClaimId, SAVE_SAVED, tell, type DeskEvent, type DeskState, type SaveJob } from './desk-state';

type Answer = Extract<DeskEvent, { type: 'saved' | 'conflict' | 'missing' | 'failed' }>;

/** The message shown when an update's claim is gone from the host. */
export const GONE_MESSAGE = 'That claim was deleted in another window; the list has been reloaded.';

/** A patch in words, for the conflict message: "status → False". */
export function describePatch(patch: ClaimPatch): string {
  const parts: string[] = [];
  if (patch.status) parts.push(`status → ${statusInfo(patch.status).label}`);
  if (patch.claimant !== undefined) parts.push(`claimant → “${patch.claimant}”`);
  if (patch.note !== undefined) parts.push('note');
  if (patch.evidence) parts.push(`evidence (${patch.evidence.length})`);
  return parts.join(', ') || 'no change';
}

/** Apply `edit` to the undo history of the job's article, open or shelved. */
function editHistory(state: DeskState, articleId: string, edit: (history: UndoState) => UndoState): DeskState {
  if (articleId === state.articleId) return { ...state, history: edit(state.history) };
  const shelf = state.shelved.get(articleId);
  return shelf ? { ...state, shelved: new Map(state.shelved).set(articleId, edit(shelf)) } : state;
}

/** One queued save fewer; the indicator says saved once none is left and none failed. */
function settle(state: DeskState, job: SaveJob, outcome: { failed?: string; report?: boolean }): DeskState {
  const inFlight = state.inFlight - 1;
  const id = jobClaimId(job);
  const left = (state.pending.get(id) ?? 1) - 1;
  const pending = new Map(state.pending);
  if (left > 0) pending.set(id, left);
  else pending.delete(id);
  let save = state.save;
  if (outcome.failed !== undefined) save = { kind: 'failed', message: outcome.failed };
  else if (inFlight === 0 && save.kind !== 'failed') save = SAVE_SAVED;
  const next = { ...state, inFlight, pending, save };
  return outcome.failed !== undefined && outcome.report ? tell(next, 'error', outcome.failed) : next;
}

/** Whether the job is about the article open now. */
function isOpen(state: DeskState, job: SaveJob): boolean {
  return job.articleId === state.articleId;
}

/** Show the host's claims of the open article (after a reload), and take them as confirmed. */
function showFresh(state: DeskState, fresh: readonly ClaimRecord[] | null): DeskState {
  if (!fresh) return state;
  const confirmed = new Map(state.confirmed);
  for (const [id, claim] of confirmed) if (claim.articleId === state.articleId) confirmed.delete(id);
  for (const claim of fresh) confirmed.set(claim.id, claim);
  const selectedId = state.selectedId && fresh.some((c) => c.id === state.selectedId) ? state.selectedId : null;
  return { ...state, claims: fresh, confirmed, selectedId };
}

function saved(state: DeskState, job: SaveJob, claim: ClaimRecord | null): DeskState {
  let next = state;
  if (job.kind === 'delete') {
    next = { ...next, confirmed: LayeredMap.of(state.confirmed).without(job.claimId), countsChanged: state.countsChanged + 1 };
    if (claim) next = editHistory(next, job.articleId, (h) => refreshClaim(h, claim));
  } else if (claim) {
    // Another article's claim is kept only while more of its saves are queued.
    const keep = isOpen(state, job) || (state.pending.get(claim.id) ?? 0) > 1;
    const confirmed = LayeredMap.of(state.confirmed);
    next = { ...next, confirmed: keep ? confirmed.with(claim.id, claim) : confirmed.without(claim.id) };
    // Shown unless newer local changes to it are still queued (they would be undone on screen).
    if (isOpen(state, job) && (state.pending.get(claim.id) ?? 0) <= 1) {
      next = { ...next, claims: withClaimReplaced(next.claims, claim.id, () => claim) };
    }
    if (job.kind !== 'update') {
      next = editHistory(next, job.articleId, (h) => refreshClaim(h, claim));
      next = { ...next, countsChanged: next.countsChanged + 1 };
    }
  }
  return settle(next, job, {});
}

function missing(state: DeskState, job: SaveJob, fresh: readonly ClaimRecord[] | null): DeskState {
  let next = editHistory(state, job.articleId, (h) => forgetClaim(h, jobClaimId(job)));
  if (isOpen(state, job)) next = showFresh(next, fresh);
  return settle(next, job, { failed: GONE_MESSAGE, report: true });
}

function conflict(state: DeskState, job: SaveJob, fresh: readonly ClaimRecord[] | null): DeskState {
  const claimId = jobClaimId(job);
  const newer = fresh?.find((c) => c.id === claimId);
  if (fresh && !newer) return missing(state, job, fresh);
  // The refused change never happened: undo and redo skip it.
  let next = editHistory(state, job.articleId, (h) => dropChange(h, job.origin));
  if (isOpen(state, job) && job.kind === 'delete') {
    // A teammate's edit arrived after the reviewer last saw the claim: it is shown, not deleted unseen.
    return settle(showFresh(next, fresh), job, { failed: 'The claim was not deleted: it was changed elsewhere since you saw it. The newer version is shown.', report: true });
  }
  if (!isOpen(state, job) || job.kind !== 'update') {
    return settle(next, job, { failed: 'A change was refused: the claim was changed in another window.', report: true });
  }
  next = showFresh(next, fresh);
  next = {
    ...next,
    conflict: {
      claimId,
      attempted: job.patch,
      message: `This claim was changed in another window${newer ? ` (now revision ${newer.revision})` : ''}. The newer version is shown; your change (${describePatch(job.patch)}) was not saved.`,
    },
  };
  return settle(next, job, { failed: 'A change was not saved (see the message above)' });
}

function failed(state: DeskState, job: SaveJob, message: string, fresh: readonly ClaimRecord[] | null): DeskState {
  let next = state;
  if (isOpen(state, job)) {
    if (job.kind === 'create' || job.kind === 'restore') {
      const id = job.claim.id;
      next = { ...next, claims: next.claims.filter((c) => c.id !== id), selectedId: next.selectedId === id ? null : next.selectedId };
    } else next = showFresh(next, fresh);
  }
  return settle(next, job, { failed: message, report: true });
}

/** The reducer's case for an answer from the save queue. */
export function answered(state: DeskState, event: Answer): DeskState {
  switch (event.type) {
    case 'saved':
      return saved(state, event.job, event.claim);
    case 'conflict':
      return conflict(state, event.job, event.fresh);
    case 'missing':
      return missing(state, event.job, event.fresh);
    case 'failed':
      return failed(state, event.job, event.message, event.fresh);
  }
}
