/** CLI commands over claims: claim add, claim list. */
import { parseStatus, statusInfo, STATUSES, type StatusId } from '../../src-shared/statuses';
import { articleArgument, UsageError, type Command, type CommandContext } from './command';

function statusOption(ctx: CommandContext): StatusId {
  const raw = ctx.values.status;
  if (raw === undefined) return 'unverified';
  const status = parseStatus(String(raw));
  if (!status) throw new UsageError(`unknown status "${raw}"; use one of: ${STATUSES.map((s) => s.label).join(', ')}`);
  return status;
}

export const claimAddCommand: Command = {
  words: ['claim', 'add'],
  usage: 'claim add <article> --quote "exact text" [--occurrence N] --status <status> --claimant <name> [--evidence URL]... [--note TEXT]',
  summary: 'Claim a quote in an article',
  writes: true,
  options: {
    quote: { type: 'string' },
    occurrence: { type: 'string' },
    status: { type: 'string' },
    claimant: { type: 'string' },
    evidence: { type: 'string', multiple: true },
    note: { type: 'string' },
  },
  async run(ctx) {
    const articleId = await articleArgument(ctx);
    const quote = ctx.values.quote;
    if (typeof quote !== 'string' || !quote.trim()) throw new UsageError('--quote "exact text" is required');
    const occurrence = ctx.values.occurrence === undefined ? 1 : Number(ctx.values.occurrence);
    if (!Number.isInteger(occurrence) || occurrence < 1) throw new UsageError('--occurrence must be a whole number from 1');
    const evidence = ((ctx.values.evidence as string[] | undefined) ?? []).map((url) => ({
      id: ctx.factmark.ctx.newId(),
      url,
      title: '',
      note: '',
      stance: 'context' as const,
    }));
    const claim = await ctx.call('claims.create', {
      articleId,
      range: { quote, occurrence },
      status: statusOption(ctx),
      claimant: typeof ctx.values.claimant === 'string' ? ctx.values.claimant : '',
      evidence,
      note: typeof ctx.values.note === 'string' ? ctx.values.note : '',
    });
    if (!ctx.json) ctx.print(`Added claim ${claim.id} (${statusInfo(claim.status).label}) at ${claim.target.position.start}-${claim.target.position.end}`);
    return claim;
  },
};

export const claimListCommand: Command = {
  words: ['claim', 'list'],
  usage: 'claim list <article>',
  summary: 'List an article’s claims in document order',
  writes: false,
  async run(ctx) {
    const articleId = await articleArgument(ctx);
    const claims = await ctx.call('claims.list', { articleId });
    // A claim a team library holds in more than one version: "conflict": true, the others under conflictVersions.
    const marked = claims.map((c) => (c.conflictVersions?.length ? { ...c, conflict: true } : c));
    if (ctx.json) return marked;
    if (claims.length === 0) ctx.print('No claims yet.');
    for (const c of claims) {
      const who = c.claimant ? ` — ${c.claimant}` : '';
      const conflict = c.conflictVersions?.length ? ` CONFLICT: ${c.conflictVersions.length} other version(s)` : '';
      ctx.print(`${c.id}  [${statusInfo(c.status).label}]${who}: “${c.target.quote.exact.slice(0, 100)}” (${c.evidence.length} evidence)${conflict}`);
    }
    return marked;
  },
};

