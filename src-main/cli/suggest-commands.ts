/** CLI: `suggest <article> [--all]` lists check-worthy sentences; `--claimant --quote "…"` names who said a quote. */
import { ENGLISH_ONLY_NOTE } from '../../src-shared/contract-suggest';
import { resolveRange } from '../services/claims';
import { isEnglish } from '../services/suggest/suggester';
import { articleArgument, UsageError, type Command } from './command';

export const suggestCommand: Command = {
  words: ['suggest'],
  usage: 'suggest <article> [--all] | suggest <article> --claimant --quote "exact text" [--occurrence N]',
  summary: 'Suggest check-worthy sentences to claim, or the claimant of a quote',
  writes: false,
  options: {
    all: { type: 'boolean' },
    claimant: { type: 'boolean' },
    quote: { type: 'string' },
    occurrence: { type: 'string' },
  },
  async run(ctx) {
    const articleId = await articleArgument(ctx);
    if (ctx.values.claimant === true) {
      const quote = ctx.values.quote;
      if (typeof quote !== 'string' || !quote.trim()) throw new UsageError('--claimant needs --quote "exact text"');
      const occurrence = ctx.values.occurrence === undefined ? 1 : Number(ctx.values.occurrence);
      if (!Number.isInteger(occurrence) || occurrence < 1) throw new UsageError('--occurrence must be a whole number from 1');
      const { article } = await ctx.call('library.get', { articleId, claimLimit: 1 });
      const { start, end } = resolveRange(ctx.factmark.ctx.texts.of(article), { quote, occurrence });
      const result = await ctx.call('suggest.claimant', { articleId, start, end });
      if (!ctx.json) {
        if (!result.claimant) ctx.print('No claimant found: the text names no source for this quote.');
        else ctx.print(`${result.claimant}${result.cue ? ` (cue “${result.cue}”, ${result.kind ?? 'named'} source, confidence ${result.confidence})` : ''}`);
      }
      return result;
    }
    if (ctx.values.quote !== undefined) throw new UsageError('--quote goes with --claimant');
    const { article } = await ctx.call('library.get', { articleId, claimLimit: 1 });
    const english = isEnglish(article.language, ctx.factmark.ctx.texts.of(article));
    const suggestions = await ctx.call('suggest.claims', { articleId, all: ctx.values.all === true });
    if (!english) {
      if (ctx.json) return { suggestions, note: ENGLISH_ONLY_NOTE };
      ctx.print(ENGLISH_ONLY_NOTE);
      return suggestions;
    }
    if (ctx.json) return suggestions;
    if (suggestions.length === 0) ctx.print('No check-worthy sentences found.');
    for (const s of suggestions) {
      const who = s.claimant ? ` — ${s.claimant}` : '';
      const mark = ctx.values.all === true ? (s.checkworthy ? '* ' : '  ') : '';
      ctx.print(`${mark}${s.score.toFixed(2)}  ${s.start}-${s.end}${who}: “${s.quote.slice(0, 120)}${s.quote.length > 120 ? '…' : ''}”`);
    }
    return suggestions;
  },
};
