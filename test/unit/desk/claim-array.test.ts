/** One-claim changes to the desk's claim list: the same order as sorting the whole list, one copy. */
import { describe, expect, it } from 'vitest';
import { inDocumentOrder, type ClaimRecord } from '../../../src-shared/model';
import { withClaimInOrder, withClaimReplaced } from '../../../src-renderer/desk/claim-array';
import { makeClaim } from '../../support/claims';
import { seeded } from '../../../src-shared/seeded';


const at = (id: string, start: number, end: number): ClaimRecord =>
  makeClaim({ id, target: { quote: { exact: id, prefix: '', suffix: '' }, position: { start, end } } });

describe('withClaimInOrder', () => {
  it('puts each new claim where sorting the whole list would, ties after the claims already there', () => {
    const next = seeded(5);
    let claims: ClaimRecord[] = [];
    for (let i = 0; i < 300; i++) {
      const start = Math.floor(next() * 40);
      const claim = at(`c${i}`, start, start + 1 + Math.floor(next() * 5));
      const expected = inDocumentOrder([...claims, claim]);
      claims = withClaimInOrder(claims, claim);
      expect(claims.map((c) => c.id)).toEqual(expected.map((c) => c.id));
    }
  });

  it('replaces a claim with the same id (put back in its new place), and sorts a list given out of order', () => {
    const a = at('a', 0, 5);
    const b = at('b', 10, 15);
    const c = at('c', 20, 25);
    expect(withClaimInOrder([a, b, c], at('b', 30, 31)).map((x) => x.id)).toEqual(['a', 'c', 'b']);
    expect(withClaimInOrder([c, a], b).map((x) => x.id)).toEqual(['a', 'b', 'c']);
    const list = [a, b];
    withClaimInOrder(list, c);
    expect(list).toEqual([a, b]);
  });
});

describe('withClaimReplaced', () => {
  it('replaces one claim in a new list, keeping the rest by reference; the same list when the id is unknown', () => {
    const a = at('a', 0, 5);
    const b = at('b', 10, 15);
    const list = [a, b];
    const b2 = { ...b, status: 'false' as const };
    const next = withClaimReplaced(list, 'b', () => b2);
    expect(next).toEqual([a, b2]);
    expect(next[0]).toBe(a);
    expect(list[1]).toBe(b);
    expect(withClaimReplaced(list, 'zzz', () => b2)).toBe(list);
  });
});
