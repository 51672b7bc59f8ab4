/** CLI commands over the library: list, show, delete. */
import { STATUSES } from '../../src-shared/statuses';
import { countByStatus } from '../../src-shared/model';
import { articleArgument, type Command } from './command';

export const listCommand: Command = {
  words: ['list'],
  usage: 'list',
  summary: 'List the articles in the library',
  writes: false,
  async run(ctx) {
    const rows = await ctx.call('library.list', {});
    if (ctx.json) return rows;
    if (rows.length === 0) ctx.print('The library is empty.');
    for (const row of rows) ctx.print(`${row.id}  ${row.title}  (${row.claimCount} claim${row.claimCount === 1 ? '' : 's'})`);
    return rows;
  },
};

export const showCommand: Command = {
  words: ['show'],
  usage: 'show <article>',
  summary: 'Show an article’s details, text and claim counts',
  writes: false,
  async run(ctx) {
    const id = await articleArgument(ctx);
    const result = await ctx.call('library.get', { articleId: id });
    if (ctx.json) return result;
    const { article, claims } = result;
    ctx.print(article.title);
    for (const [label, value] of [['Id', article.id], ['Byline', article.byline], ['Publisher', article.publisher], ['URL', article.sourceUrl], ['Published', article.publishedAt], ['Imported', article.importedAt]]) {
      if (value) ctx.print(`${label}: ${value}`);
    }
    const counts = countByStatus(claims);
    ctx.print(`Claims: ${claims.length}${claims.length ? ` (${STATUSES.filter((s) => counts[s.id]).map((s) => `${s.label} ${counts[s.id]}`).join(', ')})` : ''}`);
    ctx.print('');
    for (const line of ctx.factmark.ctx.texts.of(article).split('\n')) ctx.print(line);
    return result;
  },
};

export const deleteCommand: Command = {
  words: ['delete'],
  usage: 'delete <article>',
  summary: 'Delete an article and its claims (its last version is kept as a backup: see `backups <id>` and `restore`)',
  writes: true,
  async run(ctx) {
    const id = await articleArgument(ctx);
    const { article } = await ctx.call('library.get', { articleId: id, claimLimit: 1 });
    const result = await ctx.call('library.delete', { articleId: id });
    if (!ctx.json) {
      ctx.print(`Deleted "${article.title}" (${id})`);
      ctx.print(`Its last version is kept: \`backups ${id}\` lists it, \`restore ${id} <backupId>\` brings it back.`);
    }
    return result;
  },
};
