/**
 * claims.resolveConflict: the reviewer keeps the shown version, one of the others (which may be a
 * deletion), or a merge. The kept content is written on the winning branch and every other leaf
 * is ended, in the mirror, so the resolution replicates and clears the conflict on every machine;
 * the library's claim then holds the kept content and no conflict versions.
 */
import { FactmarkError, type ParsedRequestOf, type ResponseOf } from '../../src-shared/contract';
import { applyPatch } from '../../src-shared/claims';
import type { ServiceContext } from '../services/context';
import { closeLeaves, readLeaves } from './conflicts';
import { claimDocId, claimFromDoc, keyMapOf, type ClaimBody } from './documents';
import type { PouchDoc } from './pouch';
import type { SyncService } from './service';

export async function resolveConflict(ctx: ServiceContext, sync: SyncService, req: ParsedRequestOf<'claims.resolveConflict'>): Promise<ResponseOf<'claims.resolveConflict'>> {
  const data = await ctx.store.article(req.articleId);
  const local = data.claims.find((c) => c.id === req.claimId);
  if (!local) throw new FactmarkError('not-found', `No claim with id ${req.claimId} in this article`);
  const session = sync.current;
  if (!session) throw new FactmarkError('invalid-input', 'This library is not connected to a team database, so it has no conflicts to resolve');
  const key = data.article.textHash;
  const docId = claimDocId(key, local.id);
  await session.mirror.drain();
  const leaves = await readLeaves(session.local, docId);
  const winner = leaves.winner;
  if (!winner || winner._deleted || leaves.conflicts.length === 0) throw new FactmarkError('invalid-input', 'This claim has no conflict to resolve');
  const keys = await keyMapOf(ctx);
  const stamp = { reviewer: (await ctx.store.prefs()).reviewer, at: ctx.clock().toISOString() };
  let kept: PouchDoc | null = null; // null: the winner as it is
  let deleted = false;
  const keep = req.keep;
  if (keep !== 'current' && 'rev' in keep && keep.rev !== winner._rev) {
    const leaf = leaves.conflicts.find((l) => l._rev === keep.rev);
    if (!leaf) throw new FactmarkError('not-found', `This claim has no version ${keep.rev}`);
    if (leaf._deleted) deleted = true;
    else kept = { ...(leaf as unknown as ClaimBody), _id: docId } as unknown as PouchDoc;
  } else if (keep !== 'current' && 'fields' in keep) {
    const merged = applyPatch(claimFromDoc(winner, data.article.id, local.revision, keys), keep.fields, stamp);
    const { claim: _claim, ...rest } = winner as unknown as ClaimBody & PouchDoc;
    const { articleId: _a, revision: _r, conflictVersions: _c, ...claim } = merged;
    kept = { ...rest, claim } as unknown as PouchDoc;
  }
  await closeLeaves(session.local, leaves.conflicts);
  let rev = winner._rev!;
  if (deleted) {
    rev = (await session.local.put({ _id: docId, _rev: winner._rev, _deleted: true, kind: 'claim', article: key, deletedBy: stamp.reviewer, deletedAt: stamp.at })).rev;
  } else if (kept) {
    const { _revisions, _conflicts, ...body } = kept;
    rev = (await session.local.put({ ...body, _id: docId, _rev: winner._rev })).rev;
  }
  session.mirror.base.set(docId, rev);
  const resolved = deleted ? null : claimFromDoc(kept ?? winner, data.article.id, local.revision + 1, keys);
  const claims = resolved ? data.claims.map((c) => (c.id === local.id ? resolved : c)) : data.claims.filter((c) => c.id !== local.id);
  await session.mirror.fromMirror(() => ctx.store.writeArticle({ ...data, claims }));
  sync.conflictCleared(docId);
  return { articleId: req.articleId, claimId: req.claimId, deleted };
}
