/**
 * Which claims a long article draws in its first paint: those in the opening blocks. The rest are
 * drawn in the next task, so opening an article with thousands of claims is not held up by them.
 */
import type { ClaimRecord } from '../../src-shared/model';
import type { TextProjection } from '../../src-shared/text';

/**
 * Blocks drawn with their highlights in the first paint: one display chunk (editor/chunks.ts),
 * more than the opening screen shows; the next chunk's highlights follow a few ms after that paint.
 */
export const OPENING_BLOCKS = 32;

/** The claims that start within the first `blocks` blocks; all of them (the same array) for a short article. */
export function openingClaims(claims: readonly ClaimRecord[], projection: TextProjection, blocks = OPENING_BLOCKS): readonly ClaimRecord[] {
  const cut = projection.blocks[blocks];
  if (!cut) return claims;
  const first = claims.filter((c) => c.target.position.start < cut.offset);
  return first.length === claims.length ? claims : first;
}
