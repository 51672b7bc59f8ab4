/**
 * One-claim changes to the desk's claim list (thousands of claims, in document order) that copy
 * the list once, instead of filtering, copying and sorting it for each claim made or changed.
 */
import { compareInDocument, inDocumentOrder, type ClaimRecord } from '../../src-shared/model';

/** `claims` (in document order) with `claim` in its place, after any that sort the same; a claim with its id is replaced. */
export function withClaimInOrder(claims: readonly ClaimRecord[], claim: ClaimRecord): ClaimRecord[] {
  const rest = claims.some((c) => c.id === claim.id) ? claims.filter((c) => c.id !== claim.id) : claims;
  // A list out of order (never expected) is sorted as a whole, as before.
  for (let i = 1; i < rest.length; i++) if (compareInDocument(rest[i - 1], rest[i]) > 0) return inDocumentOrder([...rest, claim]);
  let low = 0;
  let high = rest.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (compareInDocument(claim, rest[mid]) < 0) high = mid;
    else low = mid + 1;
  }
  return rest.toSpliced(low, 0, claim);
}

/** `claims` with the claim of `id` replaced by `replace(claim)`; the same list when there is none. */
export function withClaimReplaced(claims: readonly ClaimRecord[], id: string, replace: (claim: ClaimRecord) => ClaimRecord): readonly ClaimRecord[] {
  const at = claims.findIndex((c) => c.id === id);
  return at < 0 ? claims : claims.with(at, replace(claims[at]));
}
