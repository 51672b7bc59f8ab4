/**
 * Backups of articles: list the stored versions of an article with what each changed, preview one
 * (its claims, and what restoring it would change) without writing, and bring one back. Restoring
 * saves like any edit, so the version it replaces is itself backed up first and a restore can be
 * undone by restoring that one.
 */
import { FactmarkError, type ParsedRequestOf, type ResponseOf } from '../../src-shared/contract';
import { inDocumentOrder } from '../../src-shared/model';
import { digestOf, versionChanges } from '../store/version-changes';
import type { ServiceContext } from './context';

export function createBackupsService(ctx: ServiceContext) {
  /** The current version of an article, or null when it was deleted. */
  async function currentVersion(articleId: string) {
    try {
      return await ctx.store.article(articleId);
    } catch (error) {
      if (error instanceof FactmarkError && error.code === 'not-found') return null;
      throw error;
    }
  }

  async function list(req: ParsedRequestOf<'backups.list'>): Promise<ResponseOf<'backups.list'>> {
    const versions = await ctx.store.listBackups(req.articleId, { limit: req.limit, before: req.before });
    if (versions.length === 0 && !req.before && !(await currentVersion(req.articleId))) {
      throw new FactmarkError('not-found', `No article or backups with id ${req.articleId}`);
    }
    return versions;
  }

  async function current(req: ParsedRequestOf<'backups.current'>): Promise<ResponseOf<'backups.current'>> {
    const data = await ctx.store.article(req.articleId);
    const [newest] = await ctx.store.listBackups(req.articleId, { limit: 1 });
    const before = newest && newest.claimCount !== null ? await ctx.store.readBackup(req.articleId, newest.id) : null;
    const latest = data.claims.reduce((at, c) => (c.updatedAt > at ? c.updatedAt : at), data.article.updatedAt);
    return { claimCount: data.claims.length, updatedAt: latest || null, changes: before ? versionChanges(digestOf(before), digestOf(data)) : null };
  }

  async function preview(req: ParsedRequestOf<'backups.preview'>): Promise<ResponseOf<'backups.preview'>> {
    const backup = await ctx.store.readBackup(req.articleId, req.backupId);
    const version = await ctx.store.describeBackup(req.articleId, req.backupId);
    const current = await currentVersion(req.articleId);
    const restoring = versionChanges(digestOf(current ?? { ...backup, claims: [] }), digestOf(backup));
    return { version, article: backup.article, claims: inDocumentOrder(backup.claims), restoring };
  }

  async function restore(req: ParsedRequestOf<'backups.restore'>): Promise<ResponseOf<'backups.restore'>> {
    const backup = await ctx.store.readBackup(req.articleId, req.backupId);
    const current = await currentVersion(req.articleId);
    // Claims come back with a revision above any they had, so an edit based on the replaced version conflicts.
    const revisions = new Map((current?.claims ?? []).map((c) => [c.id, c.revision]));
    const claims = backup.claims.map((c) => ({ ...c, revision: Math.max(c.revision, revisions.get(c.id) ?? 0) + 1 }));
    await ctx.store.writeArticle({ ...backup, claims });
    const replaced = current ? ctx.store.lastBackupId(req.articleId) : null;
    return { article: backup.article, claimCount: claims.length, replacedBackupId: replaced };
  }

  return { list, current, preview, restore };
}
