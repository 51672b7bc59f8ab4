/** The suggest.* operations: check-worthy sentences, claimant suggestions and dismissals of an article. */
import { FactmarkError, type ParsedRequestOf, type ResponseOf } from '../../../src-shared/contract';
import type { ServiceContext } from '../context';
import { Dismissals, isDismissed } from './dismissals';
import { claimantOf, isEnglish, scoreSentences } from './suggester';

function checkRange(text: string, start: number, end: number): void {
  if (end > text.length || start >= end) {
    throw new FactmarkError('invalid-input', `Range ${start}-${end} is not inside the article's text (length ${text.length})`);
  }
}

export function createSuggestService(ctx: ServiceContext) {
  const dismissals = new Dismissals(ctx.store.dataDir);

  async function claims(req: ParsedRequestOf<'suggest.claims'>): Promise<ResponseOf<'suggest.claims'>> {
    const data = await ctx.store.article(req.articleId);
    const text = ctx.texts.of(data.article);
    if (!isEnglish(data.article.language, text)) return [];
    const dismissed = await dismissals.list(req.articleId);
    const claimed = data.claims.map((c) => c.target.position);
    const out: ResponseOf<'suggest.claims'> = [];
    for (const s of scoreSentences(text, { attributeAll: req.all })) {
      const isClaimed = claimed.some((p) => p.start < s.end && p.end > s.start);
      const isGone = isDismissed(dismissed, text, s.start, s.end);
      if (!req.all && (!s.checkworthy || isClaimed || isGone)) continue;
      const a = s.attribution;
      out.push({
        start: s.start,
        end: s.end,
        quote: text.slice(s.start, s.end),
        score: Math.round(s.score * 1000) / 1000,
        checkworthy: s.checkworthy,
        dismissed: isGone,
        claimed: isClaimed,
        ...(a?.claimant ? { claimant: a.claimant } : {}),
        ...(a?.cue !== undefined && a.sourceStart !== undefined && a.sourceEnd !== undefined
          ? {
              claimantSource: {
                cue: a.cue,
                cueStart: a.cueStart ?? 0,
                cueEnd: a.cueEnd ?? 0,
                text: text.slice(a.sourceStart, a.sourceEnd),
                start: a.sourceStart,
                end: a.sourceEnd,
              },
            }
          : {}),
      });
    }
    return out;
  }

  async function claimant(req: ParsedRequestOf<'suggest.claimant'>): Promise<ResponseOf<'suggest.claimant'>> {
    const data = await ctx.store.article(req.articleId);
    const text = ctx.texts.of(data.article);
    checkRange(text, req.start, req.end);
    if (!isEnglish(data.article.language, text)) return { claimant: '', confidence: 0 };
    const a = claimantOf(text, req.start, req.end);
    return { ...a, confidence: Math.round(a.confidence * 100) / 100 };
  }

  async function dismiss(req: ParsedRequestOf<'suggest.dismiss'>): Promise<ResponseOf<'suggest.dismiss'>> {
    const data = await ctx.store.article(req.articleId);
    if (ctx.store.access === 'read') throw new FactmarkError('read-only', 'The library is open read-only; dismissals cannot be saved');
    const text = ctx.texts.of(data.article);
    checkRange(text, req.start, req.end);
    const quote = text.slice(req.start, req.end);
    const others = (await dismissals.list(req.articleId)).filter((d) => !(d.start === req.start && d.end === req.end) && d.quote !== quote);
    const next = req.dismissed ? [...others, { start: req.start, end: req.end, quote }] : others;
    await dismissals.save(req.articleId, next);
    return { dismissed: next.map(({ start, end }) => ({ start, end })) };
  }

  return { claims, claimant, dismiss, dismissals };
}
