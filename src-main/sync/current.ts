/**
 * What the mirror holds now for a set of document ids — each one's winning revision, whether it is
 * deleted, and its body — read the cheapest way for how many are asked: nothing to read in an empty
 * mirror, one pass over the changes feed when most of the mirror is asked (PouchDB answers
 * allDocs({keys}) with one index scan per key, several times slower), else allDocs by key.
 */
import type { PouchDatabase, PouchDoc } from './pouch';

export interface CurrentDoc {
  rev: string;
  deleted: boolean;
  /** The winning revision's body (a deleted one holds only what its deletion recorded). */
  doc: PouchDoc | null;
}

/** From how many ids a full pass over the changes feed is worth it (when they are most of the mirror). */
const SCAN_FROM = 200;

export async function readCurrent(db: PouchDatabase, ids: string[]): Promise<Map<string, CurrentDoc>> {
  const out = new Map<string, CurrentDoc>();
  if (!ids.length) return out;
  const changes = Number((await db.info()).update_seq);
  if (!changes) return out; // a new, empty mirror
  if (ids.length >= SCAN_FROM && ids.length * 2 >= changes) {
    const wanted = new Set(ids);
    const feed = await db.changes({ since: 0, include_docs: true, return_docs: true });
    for (const row of feed.results) {
      if (wanted.has(row.id)) out.set(row.id, { rev: row.changes[0].rev, deleted: !!row.deleted, doc: row.doc ?? null });
    }
    return out;
  }
  const rows = (await db.allDocs({ keys: ids, include_docs: true })).rows;
  for (const row of rows) if (row.value) out.set(row.id, { rev: row.value.rev, deleted: !!row.value.deleted, doc: row.doc ?? null });
  return out;
}
