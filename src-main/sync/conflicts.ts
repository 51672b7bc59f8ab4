/**
 * CouchDB's revision tree as the conflict record. A document's leaves are read with
 * open_revs=all; the winner is CouchDB's deterministic one (a live leaf before a deleted one, then
 * the longest history, then the greatest revision id), the other live leaves are conflicts, and so
 * is every losing deletion a reviewer made (a deletion that raced an edit). A conflict is cleared by
 * ending each losing leaf with a deletion marked `resolved`, whose revision id is derived from the
 * leaf, so two machines clearing the same conflict write the same revision.
 */
import { createHash } from 'node:crypto';
import type { ConflictVersionRecord } from '../../src-shared/contract-sync';
import { ConflictVersion } from '../../src-shared/model';
import type { PouchDatabase, PouchDoc } from './pouch';

export interface DocLeaves {
  /** CouchDB's winner (null when the document does not exist). */
  winner: PouchDoc | null;
  /** Leaves that are conflicts of the winner: losing edits and deletions that raced an edit. */
  conflicts: PouchDoc[];
  /** Every other leaf (conflicts, and deletions that already cleared one). */
  losers: PouchDoc[];
}

/** The leaves of a document known to have no other revision: itself. */
export const soleLeaf = (doc: PouchDoc): DocLeaves => ({ winner: doc, conflicts: [], losers: [] });

const revPos = (rev: string): number => Number.parseInt(rev, 10);
const revHash = (rev: string): string => rev.slice(rev.indexOf('-') + 1);

/** CouchDB's order of leaves: live first, then the longer history, then the greater revision id. */
function byWinning(a: PouchDoc, b: PouchDoc): number {
  if (!!a._deleted !== !!b._deleted) return a._deleted ? 1 : -1;
  const pa = revPos(a._rev!);
  const pb = revPos(b._rev!);
  if (pa !== pb) return pb - pa;
  return revHash(a._rev!) < revHash(b._rev!) ? 1 : -1;
}

/** Every leaf of one document, sorted into winner, conflicts and other losers. */
export async function readLeaves(db: PouchDatabase, id: string): Promise<DocLeaves> {
  let found: Array<{ ok?: PouchDoc }>;
  try {
    found = await db.get(id, { open_revs: 'all', revs: true });
  } catch (error) {
    if ((error as { status?: number }).status === 404) return { winner: null, conflicts: [], losers: [] };
    throw error;
  }
  const leaves = found.flatMap((row) => (row.ok ? [row.ok] : [])).sort(byWinning);
  if (leaves.length === 0) return { winner: null, conflicts: [], losers: [] };
  const [winner, ...losers] = leaves;
  const conflicts = winner._deleted ? [] : losers.filter((leaf) => !leaf._deleted || !leaf.resolved);
  return { winner, conflicts, losers };
}

/** A conflicting leaf as the claim's ConflictVersion (null when the leaf is malformed). */
export function conflictVersionOf(leaf: PouchDoc, fallbackAt: string): ConflictVersionRecord | null {
  const claim = (leaf.claim ?? {}) as Record<string, unknown>;
  const version = leaf._deleted
    ? { rev: leaf._rev, deleted: true, reviewer: leaf.deletedBy ?? '', updatedAt: leaf.deletedAt ?? fallbackAt }
    : {
        rev: leaf._rev,
        deleted: false,
        status: claim.status,
        claimant: claim.claimant,
        claimantKind: claim.claimantKind,
        evidence: claim.evidence,
        note: claim.note,
        claimAsChecked: claim.claimAsChecked,
        explanation: claim.explanation,
        verdictDate: claim.verdictDate,
        reviewer: claim.reviewer ?? '',
        updatedAt: claim.updatedAt ?? fallbackAt,
      };
  const parsed = ConflictVersion.safeParse(version);
  return parsed.success ? parsed.data : null;
}

/** The deletion that ends a losing leaf: its revision id depends only on the leaf. */
export function closingDeletion(leaf: PouchDoc): PouchDoc {
  const hash = createHash('md5').update(`factmark-resolved:${leaf._rev}`).digest('hex');
  const history = leaf._revisions?.ids ?? [revHash(leaf._rev!)];
  const start = revPos(leaf._rev!) + 1;
  return {
    _id: leaf._id,
    _rev: `${start}-${hash}`,
    _deleted: true,
    _revisions: { start, ids: [hash, ...history] },
    resolved: true,
    ...(leaf.kind ? { kind: leaf.kind } : {}),
    ...(leaf.article && typeof leaf.article === 'string' ? { article: leaf.article } : {}),
  };
}

/** End every given losing leaf (idempotent: the same leaf always gets the same closing revision). */
export async function closeLeaves(db: PouchDatabase, leaves: PouchDoc[]): Promise<void> {
  const live = leaves.filter((leaf) => leaf._rev);
  if (live.length) await db.bulkDocs(live.map(closingDeletion), { new_edits: false });
}
