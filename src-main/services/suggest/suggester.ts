/**
 * Claim suggestions for a text: every sentence scored for check-worthiness by the shipped model,
 * and the claimant of any range. Pure functions over a text (no store); the service adds articles.
 */
import { analyse, type Sentence } from './nlp';
import { attribute, type Attribution } from './attribution';
import { loadCheckworthyModel, scoreTokens, type CheckworthyModel } from './checkworthy-model';
import { suggestedFlags } from './suggestion-share';

export interface ScoredSentence {
  start: number;
  end: number;
  score: number;
  /** Suggested: the score reaches the threshold and ranks within the model's share of the article. */
  checkworthy: boolean;
  attribution?: Attribution;
}

/** How much text before a range the claimant of that range is looked for in (characters). */
const CONTEXT_BEFORE = 4_000;

const analysed = new Map<string, Sentence[]>();

/** The sentences of a whole text, kept for the last few texts analysed. */
export function sentencesOf(text: string): Sentence[] {
  let sentences = analysed.get(text);
  if (!sentences) {
    sentences = analyse(text);
    if (analysed.size >= 4) analysed.delete(analysed.keys().next().value as string);
    analysed.set(text, sentences);
  }
  return sentences;
}

/** Score every sentence; suggested ones (or all, with `attributeAll`) get a claimant. */
export function scoreSentences(text: string, options: { attributeAll?: boolean; model?: CheckworthyModel } = {}): ScoredSentence[] {
  const model = options.model ?? loadCheckworthyModel();
  const sentences = sentencesOf(text);
  const scores = sentences.map((s) => scoreTokens(model, s.tokens));
  const flags = suggestedFlags(scores, model.threshold, model.maxShare);
  return sentences.map((s, i) => {
    const score = scores[i];
    const checkworthy = flags[i];
    const attribution = checkworthy || options.attributeAll ? attribute(text, sentences, s.start, s.end) : undefined;
    return { start: s.start, end: s.end, score, checkworthy, attribution };
  });
}

/** The claimant of text[start, end), from the text around it only (fast on long articles). */
export function claimantOf(text: string, start: number, end: number): Attribution {
  const cached = analysed.get(text);
  if (cached) return attribute(text, cached, start, end);
  const from = Math.max(0, text.lastIndexOf('\n', Math.max(0, start - CONTEXT_BEFORE)));
  const lineEnd = text.indexOf('\n', end);
  const to = lineEnd < 0 ? text.length : lineEnd;
  const window = analyse(text.slice(from, to)).map((s) => ({
    start: s.start + from,
    end: s.end + from,
    tokens: s.tokens.map((t) => ({ ...t, start: t.start + from, end: t.end + from })),
  }));
  return attribute(text, window, start, end);
}

const ENGLISH_WORDS = new Set(['the', 'and', 'of', 'to', 'a', 'in', 'is', 'that', 'for', 'it', 'was', 'on', 'with', 'he', 'as', 'said', 'by', 'at', 'are', 'be', 'this', 'have', 'from', 'has', 'not', 'but']);

/**
 * Whether an article is English: its language tag when it has one ("en", "en-GB"), otherwise the
 * share of common English words in its text.
 */
export function isEnglish(language: string, text: string): boolean {
  const tag = language.trim().toLowerCase();
  if (tag) return tag === 'en' || tag.startsWith('en-') || tag.startsWith('en_') || tag === 'english';
  const words = text.slice(0, 20_000).toLowerCase().match(/\p{L}+/gu) ?? [];
  if (words.length < 8) return true;
  return words.filter((w) => ENGLISH_WORDS.has(w)).length / words.length >= 0.12;
}
