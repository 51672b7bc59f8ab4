/**
 * Counts over the desk's claims (per status for the panel's counts, per claimant for the names it
 * offers), carried from the previous list through the claims that changed instead of counted again
 * over thousands of claims on every edit. A tally whose counts did not change keeps its map, so
 * what is derived from it (the ranked claimant names) is not worked out again either.
 */
import { useRef } from 'react';
import type { ClaimRecord } from '../../src-shared/model';
import { changedSpan } from './claim-array';

export interface Tally {
  claims: readonly ClaimRecord[];
  /** How many claims have each key (keys with none are left out). */
  counts: ReadonlyMap<string, number>;
}

/** The key a claim is counted under; null: not counted. */
export type TallyKey = (claim: ClaimRecord) => string | null;

/** A changed span longer than this is counted again from scratch. */
const RECOUNT_OVER = 64;

function countAll(claims: readonly ClaimRecord[], keyOf: TallyKey): Map<string, number> {
  const counts = new Map<string, number>();
  for (const claim of claims) {
    const key = keyOf(claim);
    if (key !== null) counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

/** The tally of `claims`, from the tally of an earlier list (null: none) with the same key. */
export function tallyClaims(previous: Tally | null, claims: readonly ClaimRecord[], keyOf: TallyKey): Tally {
  if (previous?.claims === claims) return previous;
  if (!previous) return { claims, counts: countAll(claims, keyOf) };
  const { start, endBefore, endAfter } = changedSpan(previous.claims, claims);
  if (endBefore - start + (endAfter - start) > RECOUNT_OVER) {
    const counts = countAll(claims, keyOf);
    const same = counts.size === previous.counts.size && [...counts].every(([k, n]) => previous.counts.get(k) === n);
    return { claims, counts: same ? previous.counts : counts };
  }
  const deltas = new Map<string, number>();
  const add = (claim: ClaimRecord, by: number) => {
    const key = keyOf(claim);
    if (key !== null) deltas.set(key, (deltas.get(key) ?? 0) + by);
  };
  for (let i = start; i < endBefore; i++) add(previous.claims[i], -1);
  for (let i = start; i < endAfter; i++) add(claims[i], 1);
  if ([...deltas.values()].every((d) => d === 0)) return { claims, counts: previous.counts };
  const counts = new Map(previous.counts);
  for (const [key, delta] of deltas) {
    const n = (counts.get(key) ?? 0) + delta;
    if (n > 0) counts.set(key, n);
    else counts.delete(key);
  }
  return { claims, counts };
}

/** The tally of `claims` in a component, carried from its last render. `keyOf` must not change. */
export function useTally(claims: readonly ClaimRecord[], keyOf: TallyKey): ReadonlyMap<string, number> {
  const last = useRef<Tally | null>(null);
  last.current = tallyClaims(last.current, claims, keyOf);
  return last.current.counts;
}
