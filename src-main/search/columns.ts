/**
 * The per-claim fields that filters and sorts read, one typed array per field indexed by a
 * shard's doc number (status, creation time, claimant), so a query that filters or orders
 * hundreds of thousands of claims reads contiguous memory instead of visiting a row object each.
 */
import { STATUS_IDS, type StatusId } from '../../src-shared/statuses';

const STATUS_NUMBER = new Map<StatusId, number>(STATUS_IDS.map((s, i) => [s, i]));

/** A status's small number (its place in STATUS_IDS). */
export function statusNumber(status: StatusId): number {
  return STATUS_NUMBER.get(status) ?? 0;
}

export class DocColumns {
  status = new Uint8Array(256);
  created = new Float64Array(256);
  /** The claimant's number in the index's claimant dictionary. */
  claimant = new Int32Array(256);

  private grow(doc: number): void {
    let size = this.status.length;
    while (size <= doc) size *= 2;
    const status = new Uint8Array(size);
    const created = new Float64Array(size);
    const claimant = new Int32Array(size);
    status.set(this.status);
    created.set(this.created);
    claimant.set(this.claimant);
    this.status = status;
    this.created = created;
    this.claimant = claimant;
  }

  set(doc: number, status: StatusId, created: number, claimant: number): void {
    if (doc >= this.status.length) this.grow(doc);
    this.status[doc] = statusNumber(status);
    this.created[doc] = created;
    this.claimant[doc] = claimant;
  }

  /** The columns after a compaction: doc `d` moves to `renumber[d]` (dropped when negative). */
  renumbered(renumber: Int32Array): DocColumns {
    const next = new DocColumns();
    for (let d = 0; d < renumber.length; d++) {
      const to = renumber[d];
      if (to < 0) continue;
      if (to >= next.status.length) next.grow(to);
      next.status[to] = this.status[d];
      next.created[to] = this.created[d];
      next.claimant[to] = this.claimant[d];
    }
    return next;
  }
}
