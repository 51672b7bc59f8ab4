/** CLI commands over the whole library: claims (search), similar, claimants (list, show, merge, unmerge). */
import type { ResponseOf } from '../../src-shared/contract';
import type { ClaimantSummaryRow, LibraryClaimRow } from '../../src-shared/contract-library';
import { parseStatus, statusInfo, STATUSES, type StatusId } from '../../src-shared/statuses';
import { requirePositional, resolveArticle, UsageError, type Command, type CommandContext } from './command';

function text(ctx: CommandContext, name: string): string | undefined {
  const value = ctx.values[name];
  return typeof value === 'string' ? value : undefined;
}

function limitOption(ctx: CommandContext, fallback: number, max: number): number {
  const raw = text(ctx, 'limit');
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1 || n > max) throw new UsageError(`--limit must be a whole number from 1 to ${max}`);
  return n;
}

function statusesOption(ctx: CommandContext): StatusId[] | undefined {
  const raw = (ctx.values.status as string[] | undefined) ?? [];
  if (raw.length === 0) return undefined;
  return raw.flatMap((r) => r.split(',')).map((r) => {
    const status = parseStatus(r.trim());
    if (!status) throw new UsageError(`unknown status "${r}"; use one of: ${STATUSES.map((s) => s.label).join(', ')}`);
    return status;
  });
}

/** One line for a claim in a library-wide list. */
export function claimLine(c: LibraryClaimRow): string {
  const who = c.claimant ? ` — ${c.claimant}` : '';
  const page = c.page ? `, p. ${c.page}` : '';
  return `${c.articleId}/${c.claimId}  [${statusInfo(c.status).label}]${who}: “${c.quote.slice(0, 100)}” (${c.articleTitle}${page}; ${c.evidenceCount} evidence; ${c.createdAt.slice(0, 10)})`;
}

export const claimsCommand: Command = {
  words: ['claims'],
  usage: 'claims [--text WORDS] [--status S]... [--claimant NAME] [--article A] [--from DATE] [--to DATE] [--sort newest|oldest|relevance|status|claimant|article] [--limit N]',
  summary: 'Search every claim in the library (quote, note and evidence titles) with filters',
  writes: false,
  options: {
    text: { type: 'string' },
    status: { type: 'string', multiple: true },
    claimant: { type: 'string' },
    article: { type: 'string' },
    from: { type: 'string' },
    to: { type: 'string' },
    sort: { type: 'string' },
    limit: { type: 'string' },
  },
  async run(ctx) {
    const article = text(ctx, 'article');
    const sort = text(ctx, 'sort');
    const result = await ctx.call('claims.search', {
      text: text(ctx, 'text'),
      status: statusesOption(ctx),
      claimant: text(ctx, 'claimant'),
      articleId: article === undefined ? undefined : await resolveArticle(ctx, article),
      from: text(ctx, 'from'),
      to: text(ctx, 'to'),
      sort: sort as never,
      limit: limitOption(ctx, 100, 5_000),
    });
    if (ctx.json) return result;
    if (result.total === 0) ctx.print('No matching claims.');
    for (const c of result.claims) ctx.print(claimLine(c));
    if (result.total > result.claims.length) ctx.print(`${result.claims.length} of ${result.total} shown (use --limit)`);
    else if (result.total) ctx.print(`${result.total} claim${result.total === 1 ? '' : 's'}`);
    return result;
  },
};

export const similarCommand: Command = {
  words: ['similar'],
  usage: 'similar --text "…" | similar <article> <claimId>  [--limit N]',
  summary: 'Claims already in the library most like a text or a claim ("checked before")',
  writes: false,
  options: { text: { type: 'string' }, limit: { type: 'string' } },
  async run(ctx) {
    const query = text(ctx, 'text');
    const limit = limitOption(ctx, 10, 100);
    let result: ResponseOf<'claims.similar'>;
    if (query !== undefined) {
      if (ctx.positionals.length) throw new UsageError('give --text or an article and claim id, not both');
      if (!query.trim()) throw new UsageError('--text must not be empty');
      result = await ctx.call('claims.similar', { text: query, limit });
    } else {
      const articleId = await resolveArticle(ctx, requirePositional(ctx, 0, 'article (id or title prefix)'));
      result = await ctx.call('claims.similar', { articleId, claimId: requirePositional(ctx, 1, 'claim id'), limit });
    }
    if (ctx.json) return result;
    if (result.length === 0) ctx.print('No similar claims in the library.');
    for (const c of result) ctx.print(`${c.score.toFixed(2)}  ${claimLine(c)}${c.sharedFigures.length ? `  [same figure: ${c.sharedFigures.join(', ')}]` : ''}`);
    return result;
  },
};

function claimantLine(c: ClaimantSummaryRow): string {
  const counts = STATUSES.filter((s) => c.counts[s.id]).map((s) => `${s.label} ${c.counts[s.id]}`).join(', ');
  const aliases = c.aliases.length ? ` (also: ${c.aliases.join('; ')})` : '';
  const seen = c.firstSeen ? `; ${c.firstSeen.slice(0, 10)} – ${c.lastSeen?.slice(0, 10)}` : '';
  return `${c.name}${aliases}: ${c.claimCount} claim${c.claimCount === 1 ? '' : 's'}${counts ? ` (${counts})` : ''}${seen}`;
}

export const claimantsCommand: Command = {
  words: ['claimants'],
  usage: 'claimants',
  summary: 'Every claimant in the library with claims per status and first and last seen',
  writes: false,
  async run(ctx) {
    const rows = await ctx.call('claimants.list', {});
    if (ctx.json) return rows;
    if (rows.length === 0) ctx.print('No claimants yet.');
    for (const row of rows) ctx.print(claimantLine(row));
    return rows;
  },
};

export const claimantShowCommand: Command = {
  words: ['claimants', 'show'],
  usage: 'claimants show <name>',
  summary: 'A claimant’s page: every claim they made across the library',
  writes: false,
  async run(ctx) {
    const page = await ctx.call('claimants.get', { name: requirePositional(ctx, 0, 'claimant name') });
    if (ctx.json) return page;
    ctx.print(claimantLine(page.claimant));
    for (const c of page.claims) ctx.print(claimLine(c));
    return page;
  },
};

export const claimantMergeCommand: Command = {
  words: ['claimants', 'merge'],
  usage: 'claimants merge <name> <name>... [--into NAME]',
  summary: 'Treat differently written names as one claimant (aliases are kept; undo with unmerge)',
  writes: true,
  options: { into: { type: 'string' } },
  async run(ctx) {
    if (ctx.positionals.length < 2) throw new UsageError('give at least two claimant names to merge');
    const merged = await ctx.call('claimants.merge', { names: ctx.positionals, into: text(ctx, 'into') });
    if (!ctx.json) ctx.print(`Merged: ${claimantLine(merged)}`);
    return merged;
  },
};

export const claimantUnmergeCommand: Command = {
  words: ['claimants', 'unmerge'],
  usage: 'claimants unmerge <name>',
  summary: 'Undo the latest merge of a claimant',
  writes: true,
  async run(ctx) {
    const rows = await ctx.call('claimants.unmerge', { name: requirePositional(ctx, 0, 'claimant name') });
    if (!ctx.json) for (const row of rows) ctx.print(`Unmerged: ${claimantLine(row)}`);
    return rows;
  },
};

/** In lookup order: the longer `claimants …` commands before `claimants`. */
export const LIBRARY_SEARCH_COMMANDS: Command[] = [claimsCommand, similarCommand, claimantShowCommand, claimantMergeCommand, claimantUnmergeCommand, claimantsCommand];
