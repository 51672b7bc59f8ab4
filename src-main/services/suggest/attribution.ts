/**
 * Claimant attribution: who is the source of a quote in an article's text. Finds the reporting
 * cue nearest the quote (said, told, according to, a colon…), the source mention it governs, and
 * turns that mention into a claimant: a name without titles, a surname or pronoun resolved to the
 * full name used earlier, an organisation's full name, or "" when there is no source.
 */
import { findCues, type Cue } from './cues';
import { clauseSubject, withNames, mentionText, personalName, phraseEndingAt, phraseStartingAt, subjectBefore, PERSONAL_PRONOUN, type Mention } from './mentions';
import { isQuoteMark } from './cues';
import type { Sentence, Token } from './nlp';
import { lastPersonBefore, fullNameOf, organisationFullName } from './coreference';

export type SourceKind = 'named' | 'nominal' | 'pronoun';

export interface Attribution {
  claimant: string;
  /** The cue as written ("said", "according to", ":"). */
  cue?: string;
  cueStart?: number;
  cueEnd?: number;
  /** The source mention as written in the text (a pronoun stays a pronoun here). */
  sourceStart?: number;
  sourceEnd?: number;
  kind?: SourceKind;
  confidence: number;
}

export const NO_ATTRIBUTION: Attribution = { claimant: '', confidence: 0 };

interface Candidate {
  sentence: Sentence;
  cue: Cue;
  rank: number;
}

function cueRank(s: Sentence, cue: Cue, start: number, end: number): number {
  const t = s.tokens[cue.index];
  const outside = t.end <= start || t.start >= end;
  const distance = t.end <= start ? start - t.end : t.start >= end ? t.start - end : 0;
  return (outside ? 0 : 1000) + (cue.speech ? 0 : 500) + (cue.kind === 'colon' ? 200 : 0) + Math.min(distance, 199);
}

/** The source mention a cue points at. */
function sourceOf(tokens: readonly Token[], cue: Cue): Mention | null {
  if (cue.kind === 'according-to') return phraseStartingAt(tokens, cue.last + 1) ?? phraseUntilComma(tokens, cue.last + 1);
  if (cue.kind === 'dash') return phraseStartingAt(tokens, cue.index + 1);
  if (cue.kind === 'colon') {
    const m = phraseEndingAt(tokens, cue.index - 1);
    if (m && (m.first === 0 || (m.first === 1 && isQuoteMark(tokens[0])))) return m;
    return null;
  }
  if (/^by$/i.test(tokens[cue.index + 1]?.text ?? '')) return phraseStartingAt(tokens, cue.index + 2);
  if (/ing$/i.test(tokens[cue.index].text)) {
    const subject = clauseSubject(tokens, cue.index);
    if (subject) return subject;
  }
  const left = tokens[cue.index - 1];
  const inverted = isQuoteMark(left) || (left?.text === ',' && isQuoteMark(tokens[cue.index - 2]));
  const before = () => subjectBefore(tokens, cue.index)?.mention ?? null;
  const after = () => (tokens[cue.index + 1]?.pos === 'VERB' ? null : phraseStartingAt(tokens, cue.index + 1));
  if (inverted) return after() ?? before();
  const subject = before();
  if (subject || !cue.speech) return subject;
  const next = tokens[cue.index + 1];
  return next && (next.pos === 'PROPN' || /^(he|she)$/i.test(next.text)) ? after() : null;
}

/** The words after `start` up to a comma or the sentence end (at most 8), when they hold a noun. */
function phraseUntilComma(tokens: readonly Token[], start: number): Mention | null {
  let last = start;
  while (last + 1 < tokens.length && last - start < 7 && !/^[,.;:!?]$/.test(tokens[last + 1].text) && !isQuoteMark(tokens[last + 1])) last++;
  if (!tokens[start] || !tokens.slice(start, last + 1).some((t) => t.pos === 'NOUN' || t.pos === 'PROPN')) return null;
  return { first: start, last };
}

/** Turn a mention into a claimant, resolving names, pronouns and organisations against the text before it. */
function claimantOf(text: string, sentences: readonly Sentence[], s: Sentence, m: Mention): { claimant: string; kind: SourceKind; confidence: number } {
  const tokens = s.tokens;
  const head = tokens[m.last];
  const at = tokens[m.first].start;
  if (m.first === m.last && head.pos === 'PRON') {
    if (/^(he|she|him|her)$/i.test(head.text)) {
      const person = lastPersonBefore(text, sentences, at);
      return { claimant: person ?? '', kind: 'pronoun', confidence: person ? 0.7 : 0.2 };
    }
    return { claimant: '', kind: 'pronoun', confidence: 0.2 };
  }
  const name = head.pos === 'PROPN' ? personalName(tokens, m) : null;
  if (name && name.length > 0) {
    const written = text.slice(name[0].start, name[name.length - 1].end);
    const full = name.length === 1 ? fullNameOf(text, written, at) : written;
    return { claimant: full, kind: 'named', confidence: 0.9 };
  }
  const phrase = mentionText(text, tokens, m);
  if (PERSONAL_PRONOUN.test(phrase)) return { claimant: '', kind: 'pronoun', confidence: 0.2 };
  const organisation = organisationFullName(text, head.text, at);
  return { claimant: organisation ?? phrase, kind: 'nominal', confidence: organisation ? 0.75 : 0.6 };
}

/** Whether a sentence leaves a quotation open (its speaker may follow in the next sentence). */
function opensQuote(sentence: string): boolean {
  const open = (sentence.match(/“/g) ?? []).length;
  const close = (sentence.match(/”/g) ?? []).length;
  const straight = (sentence.match(/"/g) ?? []).length;
  return open > close || straight % 2 === 1;
}

/** Index of the first sentence ending after `offset`. */
function sentenceAt(sentences: readonly Sentence[], offset: number): number {
  let lo = 0;
  let hi = sentences.length - 1;
  let found = sentences.length;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (sentences[mid].end > offset) {
      found = mid;
      hi = mid - 1;
    } else lo = mid + 1;
  }
  return found;
}

/**
 * Attribute the quote [start, end) of `text`, given its analysed sentences (text offsets, in
 * order; they need only cover the quote and some text before it).
 */
export function attribute(text: string, sentences: readonly Sentence[], start: number, end: number): Attribution {
  const first = sentenceAt(sentences, start);
  if (first >= sentences.length) return NO_ATTRIBUTION;
  let last = first;
  while (last + 1 < sentences.length && sentences[last + 1].start < end) last++;
  const pool: Sentence[] = sentences.slice(first, last + 1);
  const previous = sentences[first - 1];
  if (previous && /:\s*$/.test(text.slice(previous.start, previous.end))) pool.unshift(previous);
  const next = sentences[last + 1];
  if (next && opensQuote(text.slice(sentences[last].start, sentences[last].end)) && /[”"]/.test(text.slice(next.start, next.end))) pool.push(next);
  const candidates: Candidate[] = [];
  for (const s of pool.map(withNames)) {
    const own = s === previous ? -1 : s === next && next !== sentences[first] ? 1 : 0;
    for (const cue of findCues(s)) {
      if (own === 1 && s.tokens[cue.index].start - s.start > 40) continue;
      candidates.push({ sentence: s, cue, rank: cueRank(s, cue, start, end) + (own !== 0 ? 300 : 0) });
    }
  }
  candidates.sort((a, b) => a.rank - b.rank);
  for (const { sentence, cue } of candidates) {
    const mention = sourceOf(sentence.tokens, cue);
    if (!mention) continue;
    const found = claimantOf(text, sentences, sentence, mention);
    const tokens = sentence.tokens;
    return {
      ...found,
      cue: text.slice(tokens[cue.index].start, tokens[cue.last].end),
      cueStart: tokens[cue.index].start,
      cueEnd: tokens[cue.last].end,
      sourceStart: tokens[mention.first].start,
      sourceEnd: tokens[mention.last].end,
      confidence: found.confidence * (cue.speech ? 1 : 0.8),
    };
  }
  return NO_ATTRIBUTION;
}
