/** Tallies over the desk's claims, carried from one list to the next: always what counting again gives. */
import { describe, expect, it } from 'vitest';
import { STATUS_IDS } from '../../../src-shared/statuses';
import { claimantKey, type ClaimRecord, type StatusId } from '../../../src-shared/model';
import { tallyClaims, type Tally } from '../../../src-renderer/desk/claim-tally';
import { makeClaim } from '../../support/claims';
import { seeded } from '../../../src-shared/seeded';



function countedAgain(claims: readonly ClaimRecord[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const c of claims) {
    const k = claimantKey(c);
    if (k) out.set(k, (out.get(k) ?? 0) + 1);
  }
  return out;
}

describe('tallyClaims', () => {
  it('agrees with counting again over a random run of creates, edits, deletes and reloads', () => {
    const next = seeded(9);
    const names = ['', 'Ana', 'Bo ', 'Cy', '  '];
    let claims: ClaimRecord[] = [];
    let tally: Tally | null = null;
    for (let step = 0; step < 600; step++) {
      const r = next();
      const pick = () => Math.floor(next() * claims.length);
      const make = (id: string) =>
        makeClaim({ id, claimant: names[Math.floor(next() * names.length)], status: STATUS_IDS[Math.floor(next() * STATUS_IDS.length)] as StatusId, target: { quote: { exact: id, prefix: '', suffix: '' }, position: { start: step, end: step + 1 } } });
      if (r < 0.4 || claims.length === 0) claims = claims.toSpliced(pick(), 0, make(`c${step}`));
      else if (r < 0.75) claims = claims.with(pick(), { ...claims[pick()], claimant: names[Math.floor(next() * names.length)] });
      else if (r < 0.95) claims = claims.toSpliced(pick(), 1);
      else claims = claims.map((c) => ({ ...c })); // every object new (a reload)
      const before: Tally | null = tally;
      tally = tallyClaims(tally, claims, claimantKey);
      expect(new Map(tally.counts)).toEqual(countedAgain(claims));
      if (before && new Map(before.counts).size === tally.counts.size && [...before.counts].every(([k, n]) => tally!.counts.get(k) === n)) {
        expect(tally.counts).toBe(before.counts);
      }
    }
  });

  it('keeps the same counts when a change does not move them (a status edit, for claimant counts)', () => {
    const a = makeClaim({ id: 'a', claimant: 'Ana', target: { quote: { exact: 'a', prefix: '', suffix: '' }, position: { start: 0, end: 1 } } });
    const first = tallyClaims(null, [a], claimantKey);
    const second = tallyClaims(first, [{ ...a, status: 'false' }], claimantKey);
    expect(second.counts).toBe(first.counts);
    expect(tallyClaims(second, second.claims, claimantKey)).toBe(second);
  });
});
