/** What changed between two claim lists, by id and identity, so the view can redraw only that. */
import type { ClaimRecord } from '../../src-shared/model';

export interface ClaimChanges {
  /** Claims that are new or not the same object as before. */
  upserts: ClaimRecord[];
  /** Ids that are gone. */
  removals: string[];
}

/** Whether two versions of a claim draw the same highlight (same text, status and claimant). */
export function drawsAlike(a: ClaimRecord, b: ClaimRecord): boolean {
  return (
    a.status === b.status &&
    a.claimant === b.claimant &&
    a.target.position.start === b.target.position.start &&
    a.target.position.end === b.target.position.end &&
    a.target.quote.exact === b.target.quote.exact
  );
}

/**
 * Compare two lists; unchanged claims should be kept by reference (as React state updates do).
 * A new version that draws alike (a saved copy with a new revision) is not redrawn. The lists'
 * common start and end (the same objects in the same places) are skipped without allocating:
 * an edit changes one claim of thousands, so only the few in between are compared by id.
 */
export function claimChanges(before: readonly ClaimRecord[], after: readonly ClaimRecord[]): ClaimChanges {
  let start = 0;
  const shortest = Math.min(before.length, after.length);
  while (start < shortest && before[start] === after[start]) start++;
  let endBefore = before.length;
  let endAfter = after.length;
  while (endBefore > start && endAfter > start && before[endBefore - 1] === after[endAfter - 1]) {
    endBefore--;
    endAfter--;
  }
  const old = new Map<string, ClaimRecord>();
  for (let i = start; i < endBefore; i++) old.set(before[i].id, before[i]);
  const upserts: ClaimRecord[] = [];
  for (let i = start; i < endAfter; i++) {
    const claim = after[i];
    const was = old.get(claim.id);
    if (was !== claim && !(was && drawsAlike(was, claim))) upserts.push(claim);
    old.delete(claim.id);
  }
  return { upserts, removals: [...old.keys()] };
}
