/**
 * Where the pull may start after a catch-up push: past the team database's changes that only
 * carry revisions the mirror already holds (the documents just pushed), so the live pull does
 * not walk the whole push back from the server, batch by batch, fetching nothing (PouchDB's
 * one-off sync stops once caught up and never pays that). The first change that carries a
 * revision the mirror lacks (a teammate's) ends the skip: the pull starts just before it.
 */
import type { PouchDatabase, PouchDoc } from './pouch';

/** Changes read per request while looking (PouchDB's pull reads them a batch, PULL_BATCH, at a time). */
const PAGE = 5_000;

/** The revisions a push delivered to the server, by document id. */
export class PushedRevisions {
  private readonly revs = new Map<string, Set<string>>();
  /** How many revisions were added. */
  count = 0;

  add(docs: readonly PouchDoc[]): void {
    for (const { _id, _rev } of docs) {
      if (!_rev) continue;
      this.count++;
      const revs = this.revs.get(_id) ?? new Set<string>();
      revs.add(_rev);
      this.revs.set(_id, revs);
    }
  }

  has(id: string, rev: string): boolean {
    return this.revs.get(id)?.has(rev) ?? false;
  }
}

type ChangeRow = { id: string; seq: number | string; changes: Array<{ rev: string }> };

/** Following a push, the server's changes are read again once it has delivered this many more revisions (or ended). */
const FOLLOW_ROWS = 2_000;
const FOLLOW_MS = 100;

/**
 * The server's sequence past every change after `since` whose revisions (every leaf: all_docs
 * style, as PouchDB's pull reads them) the mirror holds, up to the first one with a revision it
 * lacks: what the pull would have fetched nothing for. Read while `pushing` runs (following it,
 * as PouchDB's own sync pulls while it pushes) and once more after it ends. Revisions not among
 * `pushed` are asked of the mirror (one revs_diff per page); `since` when the first change is new.
 */
export async function pastOwnChanges(local: PouchDatabase, remote: PouchDatabase, since: number | string, pushed: PushedRevisions, pushing: Promise<unknown>): Promise<number | string> {
  let over = false;
  const ended = pushing.then(
    () => (over = true),
    () => (over = true),
  );
  let at = since;
  for (;;) {
    const last = over;
    const page = await remote.changes({ since: at, limit: PAGE, batch_size: PAGE, style: 'all_docs' });
    const rows = page.results as ChangeRow[];
    const unknown = rows.filter((row) => !row.changes.every(({ rev }) => pushed.has(row.id, rev)));
    const missing = unknown.length ? await local.revsDiff(Object.fromEntries(unknown.map((row) => [row.id, row.changes.map((c) => c.rev)]))) : {};
    for (const row of rows) {
      if (missing[row.id]?.missing?.length) return at;
      at = row.seq;
    }
    if (rows.length === PAGE) continue;
    if (last) return at;
    const mark = pushed.count + FOLLOW_ROWS;
    while (!over && pushed.count < mark) await Promise.race([ended, new Promise((resolve) => setTimeout(resolve, FOLLOW_MS))]);
  }
}
