/** Anchor claims in a document: selectors -> document positions, with orphans kept apart. */
import type { Node as PMNode } from 'prosemirror-model';
import { anchorClaim } from '../../src-shared/anchoring/anchor';
import type { ClaimRecord } from '../../src-shared/model';
import { offsetToPos, projectText, type TextProjection } from '../../src-shared/text';

export interface AnchoredClaim {
  claim: ClaimRecord;
  from: number;
  to: number;
}

export interface AnchorResult {
  anchored: AnchoredClaim[];
  /** Claims whose text could not be found: shown in their own list, never dropped. */
  orphans: ClaimRecord[];
}

const projections = new WeakMap<PMNode, TextProjection>();

/** The text projection of a document, computed once per document node (documents are immutable). */
export function projectionOf(doc: PMNode): TextProjection {
  let projection = projections.get(doc);
  if (!projection) {
    projection = projectText(doc);
    projections.set(doc, projection);
  }
  return projection;
}

/** Anchor each claim's selectors in `doc`; those found nowhere are returned as orphans. */
export function anchorClaims(doc: PMNode, claims: readonly ClaimRecord[]): AnchorResult {
  const projection = projectionOf(doc);
  const anchored: AnchoredClaim[] = [];
  const orphans: ClaimRecord[] = [];
  for (const claim of claims) {
    const range = anchorClaim(projection.text, claim);
    if (!range) {
      orphans.push(claim);
      continue;
    }
    anchored.push({ claim, from: offsetToPos(projection, range.start, 1), to: offsetToPos(projection, range.end, -1) });
  }
  return { anchored, orphans };
}
