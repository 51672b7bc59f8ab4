/**
 * The claim-suggestion operations (check-worthy sentences and claimant attribution), spread into
 * the contract. Positions are text-projection offsets (src-shared/text.ts).
 */
import { z } from 'zod';
import { Id } from './model';

/** Why a claimant was suggested: the reporting cue and the source mention, as text offsets. */
export const ClaimantSource = z.object({
  cue: z.string(),
  cueStart: z.number().int().min(0),
  cueEnd: z.number().int().min(0),
  /** The source mention as written ("he", "Kuleba", "the ministry"). */
  text: z.string(),
  start: z.number().int().min(0),
  end: z.number().int().min(0),
});

/** One scored sentence of an article. */
export const SuggestedSentence = z.object({
  start: z.number().int().min(0),
  end: z.number().int().min(0),
  quote: z.string(),
  /** Check-worthiness, 0–1. */
  score: z.number().min(0).max(1),
  /** Suggested: score >= the model's threshold, and among the article's best-scored sentences (at most the model's share of them). */
  checkworthy: z.boolean(),
  /** The reviewer dismissed this suggestion (listed only with `all`). */
  dismissed: z.boolean(),
  /** The sentence overlaps an existing claim (listed only with `all`). */
  claimed: z.boolean(),
  claimant: z.string().optional(),
  claimantSource: ClaimantSource.optional(),
});

/** The suggested claimant of a range: "" when the text names no source. */
export const ClaimantSuggestion = z.object({
  claimant: z.string(),
  cue: z.string().optional(),
  cueStart: z.number().int().min(0).optional(),
  cueEnd: z.number().int().min(0).optional(),
  sourceStart: z.number().int().min(0).optional(),
  sourceEnd: z.number().int().min(0).optional(),
  /** named, nominal or pronoun (resolved to the last person named before it). */
  kind: z.enum(['named', 'nominal', 'pronoun']).optional(),
  confidence: z.number().min(0).max(1),
});

/** Shown instead of suggestions for an article that is not in English. */
export const ENGLISH_ONLY_NOTE = 'Claim suggestions are English-only for now; this article is not in English.';

const TextRange = { start: z.number().int().min(0), end: z.number().int().min(0) };

function op<Req extends z.ZodType, Res extends z.ZodType>(request: Req, response: Res, doc: string) {
  return { request, response, doc };
}

export const suggestContract = {
  'suggest.claims': op(
    z.object({ articleId: Id, all: z.boolean().optional() }).strict(),
    z.array(SuggestedSentence),
    'The check-worthy sentences of an article with suggested claimants, in document order, without dismissed or already claimed ones (all: every sentence, flagged). English only: another language gives [].',
  ),
  'suggest.claimant': op(
    z.object({ articleId: Id, ...TextRange }).strict(),
    ClaimantSuggestion,
    'Who said the text at [start, end): the suggested claimant with its cue and source span ("" when none).',
  ),
  'suggest.dismiss': op(
    z.object({ articleId: Id, ...TextRange, dismissed: z.boolean().default(true) }).strict(),
    z.object({ dismissed: z.array(z.object(TextRange)) }),
    'Dismiss the suggestion at [start, end) for this article (dismissed: false brings it back); returns every dismissed range.',
  ),
} as const;

export type SuggestedSentenceRecord = z.infer<typeof SuggestedSentence>;
export type ClaimantSuggestionRecord = z.infer<typeof ClaimantSuggestion>;
