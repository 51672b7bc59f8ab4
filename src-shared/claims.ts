/**
 * A claim's rules, in one place for both processes: a new claim from a range, a patch applied to a
 * claim (with the status-history rule), and the revision rule. The claims service and the desk call
 * these; nothing else builds or changes a ClaimRecord.
 */
import { derivedPublicationFields, newPublicationFields } from './claim-publication';
import type { ClaimRecord, ClaimTarget, StatusChangeEntry, StatusId } from './model';

/** The fields a reviewer edits; everything else of a claim follows from the rules below. */
export type ClaimFields = Pick<ClaimRecord, 'status' | 'claimant' | 'evidence' | 'note' | 'claimAsChecked' | 'explanation' | 'verdictDate' | 'claimantKind'>;

/** Every editable field, in one list (patches are copied and undone field by field). */
export const CLAIM_FIELDS = ['status', 'claimant', 'evidence', 'note', 'claimAsChecked', 'explanation', 'verdictDate', 'claimantKind'] as const satisfies readonly (keyof ClaimFields)[];

/** The fields of `patch` that are set. */
function definedFields(patch: ClaimPatch): ClaimPatch {
  const out: Record<string, unknown> = {};
  for (const key of CLAIM_FIELDS) if (patch[key] !== undefined) out[key] = patch[key];
  return out as ClaimPatch;
}

/** A change to some of a claim's editable fields (the fields named are replaced whole). */
export type ClaimPatch = Partial<ClaimFields>;

/** When a change is made and by whom (the reviewer's name from preferences, possibly empty). */
export interface ChangeStamp {
  /** ISO 8601 time of the change. */
  at: string;
  reviewer: string;
}

/** What a new claim needs: where it is, its ids and stamp; its fields default to an empty, unverified claim. */
export interface NewClaimInit extends ClaimPatch {
  id: string;
  articleId: string;
  target: ClaimTarget;
  stamp: ChangeStamp;
}

/**
 * A new claim at revision 1, its history starting with its first status; its publication fields
 * start as the quote (claim as checked), the guessed claimant kind and, for a verdict, today's date.
 */
export function newClaim({ id, articleId, target, stamp, status = 'unverified', claimant = '', evidence = [], note = '', ...publication }: NewClaimInit): ClaimRecord {
  return {
    ...newPublicationFields(target.quote.exact, claimant, status, stamp.at),
    ...definedFields(publication),
    id,
    articleId,
    target,
    claimant,
    status,
    evidence,
    note,
    reviewer: stamp.reviewer,
    createdAt: stamp.at,
    updatedAt: stamp.at,
    revision: 1,
    history: [{ status, at: stamp.at, reviewer: stamp.reviewer }],
  };
}

/**
 * A claim carried to a new version of its article: a new claim (new id, revision 1) that keeps the
 * old one's fields and history, with a history entry saying where it came from.
 */
export function carriedClaim(
  old: ClaimRecord,
  init: { id: string; articleId: string; target: ClaimTarget; stamp: ChangeStamp; fromVersion: number; carried: NonNullable<ClaimRecord['carried']> },
): ClaimRecord {
  const { stamp } = init;
  return {
    ...old,
    id: init.id,
    articleId: init.articleId,
    target: init.target,
    updatedAt: stamp.at,
    revision: 1,
    history: [...old.history, { status: old.status, at: stamp.at, reviewer: stamp.reviewer, note: `carried from version ${init.fromVersion}` }],
    carried: init.carried,
  };
}

/** The status-history rule: a status that differs from the current one is appended; anything else leaves the history as is. */
export function historyAfter(claim: Pick<ClaimRecord, 'status' | 'history'>, status: StatusId | undefined, stamp: ChangeStamp): StatusChangeEntry[] {
  if (status === undefined || status === claim.status) return claim.history;
  return [...claim.history, { status, at: stamp.at, reviewer: stamp.reviewer }];
}

/** The revision rule: every stored change (an edit, a restore) makes the next revision, stamped with its time. */
export function revised(claim: ClaimRecord, at: string): ClaimRecord {
  return { ...claim, revision: claim.revision + 1, updatedAt: at };
}

/**
 * A patch applied to a claim: its fields replaced (a new status also moves the verdict date, a new
 * claimant the claimant kind, unless the patch sets them), the status history kept by the rule above,
 * the reviewer who changed it recorded (the old name kept when none is set), and the next revision.
 */
export function applyPatch(claim: ClaimRecord, patch: ClaimPatch, stamp: ChangeStamp): ClaimRecord {
  const fields = { ...derivedPublicationFields(claim, patch, stamp.at), ...definedFields(patch) };
  return revised({ ...claim, ...fields, reviewer: stamp.reviewer || claim.reviewer, history: historyAfter(claim, patch.status, stamp) }, stamp.at);
}

/** The fields of `claim` that `patch` changes, itself or by the rules, as they are now (what undoing the patch puts back). */
export function fieldsBefore(claim: ClaimRecord, patch: ClaimPatch): ClaimPatch {
  const touched = { ...derivedPublicationFields(claim, patch, claim.updatedAt), ...definedFields(patch) };
  const before: Record<string, unknown> = {};
  for (const key of CLAIM_FIELDS) if (key in touched) before[key] = claim[key];
  return before as ClaimPatch;
}

/** Whether a patch would change nothing on `claim`. */
export function changesNothing(claim: ClaimRecord, patch: ClaimPatch): boolean {
  const before = fieldsBefore(claim, patch);
  return (Object.keys(definedFields(patch)) as (keyof ClaimFields)[]).every((key) => JSON.stringify(before[key]) === JSON.stringify(patch[key]));
}
