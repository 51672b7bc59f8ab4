/**
 * A conflicted claim's versions as columns to compare (the shown winner first, then the others
 * CouchDB kept), and a merge of them: status, claimant and note picked per field, evidence as the
 * union of every version's. Pure, so the dialog and the tests share it.
 */
import type { ClaimRecord, ConflictVersion, EvidenceItem, StatusId } from '../../src-shared/model';
import type { z } from 'zod';

type ConflictVersionRecord = z.infer<typeof ConflictVersion>;

/** One version of a claim, as the conflict dialog shows it. */
export interface VersionColumn {
  /** 'current' for the shown winner, else the CouchDB revision (what claims.resolveConflict keeps). */
  keep: 'current' | { rev: string };
  title: string;
  deleted: boolean;
  status?: StatusId;
  claimant?: string;
  evidence?: readonly EvidenceItem[];
  note?: string;
  reviewer: string;
  updatedAt: string;
}

/** Whether a claim has other versions waiting to be resolved. */
export function isConflicted(claim: Pick<ClaimRecord, 'conflictVersions'>): boolean {
  return (claim.conflictVersions?.length ?? 0) > 0;
}

function otherColumn(version: ConflictVersionRecord, index: number): VersionColumn {
  return {
    keep: { rev: version.rev },
    title: `Other version ${index + 1}`,
    deleted: version.deleted,
    status: version.status,
    claimant: version.claimant,
    evidence: version.evidence,
    note: version.note,
    reviewer: version.reviewer,
    updatedAt: version.updatedAt,
  };
}

/** The versions side by side: the one shown now, then the others. */
export function conflictColumns(claim: ClaimRecord): VersionColumn[] {
  const shown: VersionColumn = {
    keep: 'current',
    title: 'Shown version',
    deleted: false,
    status: claim.status,
    claimant: claim.claimant,
    evidence: claim.evidence,
    note: claim.note,
    reviewer: claim.reviewer,
    updatedAt: claim.updatedAt,
  };
  return [shown, ...(claim.conflictVersions ?? []).map(otherColumn)];
}

/** "Deleted by Ana at 12 Mar 2026, 10:42", or "Changed by Ana at …" (someone unnamed when no reviewer was set). */
export function whoAndWhen(column: VersionColumn, formatTime: (iso: string) => string): string {
  const who = column.reviewer.trim() || 'someone unnamed';
  return `${column.deleted ? 'Deleted' : 'Changed'} by ${who} at ${formatTime(column.updatedAt)}`;
}

/** Every version's evidence, each item once (the same id, or the same link, title and citation, is one item), in the order first seen. */
export function evidenceUnion(columns: readonly VersionColumn[]): EvidenceItem[] {
  const out: EvidenceItem[] = [];
  const seen = new Set<string>();
  for (const column of columns) {
    for (const item of column.evidence ?? []) {
      const keys = [`id:${item.id}`, `at:${item.url.trim()}|${item.title.trim()}|${item.citation.trim()}`];
      if (keys.some((k) => seen.has(k))) continue;
      keys.forEach((k) => seen.add(k));
      out.push(item);
    }
  }
  return out;
}

/** The fields a merge picks from one version each. */
export type MergeField = 'status' | 'claimant' | 'note';
export const MERGE_FIELDS: readonly MergeField[] = ['status', 'claimant', 'note'];

/** The columns a merge can take fields from (a deletion has none). */
export function mergeable(columns: readonly VersionColumn[]): VersionColumn[] {
  return columns.filter((c) => !c.deleted);
}

/** The merged fields: each picked field from the column chosen for it (by index into `columns`), evidence from all. */
export function mergedFields(columns: readonly VersionColumn[], picks: Record<MergeField, number>): { status: StatusId; claimant: string; note: string; evidence: EvidenceItem[] } {
  const from = (field: MergeField) => {
    const column = columns[picks[field]];
    if (!column || column.deleted) throw new Error(`Choose a version for the ${field}.`);
    return column;
  };
  const shown = columns[0];
  return {
    status: from('status').status ?? shown.status!,
    claimant: from('claimant').claimant ?? shown.claimant ?? '',
    note: from('note').note ?? shown.note ?? '',
    evidence: evidenceUnion(mergeable(columns)),
  };
}
