/**
 * Writes the team server refused (a reader account, a validation function): each is recorded per
 * claim (or article) with its one-line reason and kept in the library, never dropped, and the
 * reviewer is told once per document.
 */
import type { ServiceContext } from '../services/context';
import { keyMapOf, parseDocId } from './documents';
import type { PouchDatabase } from './pouch';
import { redact } from './settings';
import type { SyncState } from './sync-state';

/** Record that the server refused the write of `docId`. */
export async function recordRefusal(ctx: ServiceContext, state: SyncState, notice: ((message: string) => void) | undefined, docId: string | undefined, reason: string): Promise<void> {
  state.readOnly = true;
  const parsed = docId ? parseDocId(docId) : null;
  if (!parsed || !docId) return;
  const articleId = (await keyMapOf(ctx)).idOf(parsed.key);
  if (!articleId) return;
  if (!state.rejected.has(docId)) notice?.(`The team server refused a change (${parsed.kind === 'claim' ? `claim ${parsed.claimId}` : 'article'}): it is kept in this library only`);
  state.rejected.set(docId, { articleId, ...(parsed.kind === 'claim' ? { claimId: parsed.claimId } : {}), reason: redact(reason).slice(0, 500) || 'forbidden' });
}

/** The documents the mirror holds past the last sequence the server acknowledged. */
export async function unsentDocIds(local: PouchDatabase, pushedSeq: number | string): Promise<string[]> {
  const feed = await local.changes({ since: pushedSeq, limit: 100_000 });
  return feed.results.map((r) => r.id).filter((id) => !id.startsWith('_'));
}
