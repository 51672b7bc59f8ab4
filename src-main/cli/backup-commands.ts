/** CLI commands over article backups: `backups <article>` lists stored versions, `restore <article> <backupId>` brings one back. */
import { FactmarkError } from '../../src-shared/contract';
import { Id } from '../../src-shared/model';
import { ARTICLE_ARGUMENT, requirePositional, resolveArticle, type Command, type CommandContext } from './command';

/** An article in the library by id or title prefix, or (for a deleted article) a bare id. */
async function articleOrId(ctx: CommandContext): Promise<string> {
  const ref = requirePositional(ctx, 0, ARTICLE_ARGUMENT);
  try {
    return await resolveArticle(ctx, ref);
  } catch (error) {
    if (error instanceof FactmarkError && error.code === 'not-found' && Id.safeParse(ref).success) return ref;
    throw error;
  }
}

export const backupsCommand: Command = {
  words: ['backups'],
  usage: 'backups <article>',
  summary: 'List the stored versions of an article (also of a deleted one, by id)',
  writes: false,
  async run(ctx) {
    const articleId = await articleOrId(ctx);
    const versions = await ctx.call('backups.list', { articleId });
    if (ctx.json) return versions;
    if (versions.length === 0) ctx.print('No backups yet: one is kept each time the article is saved.');
    for (const v of versions) {
      const claims = v.claimCount === null ? 'unreadable' : `${v.claimCount} claim${v.claimCount === 1 ? '' : 's'}`;
      ctx.print(`${v.id}  ${v.takenAt}  ${claims}${v.title ? `  ${v.title}` : ''}`);
    }
    return versions;
  },
};

export const restoreCommand: Command = {
  words: ['restore'],
  usage: 'restore <article> <backupId>',
  summary: 'Bring back a stored version of an article (the current one is backed up first)',
  writes: true,
  async run(ctx) {
    const articleId = await articleOrId(ctx);
    const backupId = requirePositional(ctx, 1, 'backup id (see `backups <article>`)');
    const result = await ctx.call('backups.restore', { articleId, backupId });
    if (!ctx.json) {
      ctx.print(`Restored "${result.article.title}" from backup ${backupId} (${result.claimCount} claims)`);
      if (result.replacedBackupId) ctx.print(`The version it replaced is backup ${result.replacedBackupId}; restore it to undo.`);
    }
    return result;
  },
};
