/** What changed between two claim lists, by id and identity, so the view can redraw only that. */
import type { ClaimRecord } from '../../src-shared/model';

export interface ClaimChanges {
  /** Claims that are new or not the same object as before. */
  upserts: ClaimRecord[];
  /** Ids that are gone. */
  removals: string[];
}

/** Compare two lists; unchanged claims must be kept by reference (as React state updates do). */
export function claimChanges(before: readonly ClaimRecord[], after: readonly ClaimRecord[]): ClaimChanges {
  const old = new Map(before.map((c) => [c.id, c]));
  const upserts: ClaimRecord[] = [];
  for (const claim of after) {
    if (old.get(claim.id) !== claim) upserts.push(claim);
    old.delete(claim.id);
  }
  return { upserts, removals: [...old.keys()] };
}
