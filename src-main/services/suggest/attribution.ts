/**
 * Claimant attribution: who is the source of a quote in an article's text. Finds the reporting
 * cue nearest the quote (said, told, according to, a colon…), the source mention it governs, and
 * turns that mention into a claimant: a name without titles, a surname or pronoun resolved to the
 * full name used earlier, an organisation's full name, or "" when there is no source.
 */
import { findCues, type Cue } from './cues';
import { clauseSubject, isPlacedNoun, withNames, mentionText, personalName, phraseEndingAt, phraseStartingAt, subjectBefore, PERSONAL_PRONOUN, type Mention } from './mentions';
import { isQuoteMark } from './cues';
import type { Sentence, Token } from './nlp';
import { describedPerson, lastPersonBefore, fullNameOf, organisationFullName } from './coreference';
import { canBeSource } from './sources';

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
  /** All the sentence's cues (`cue` among them). */
  cues: readonly Cue[];
  rank: number;
}

/** A cue set off by commas inside the quote: "Acts of protest, Mr. Obama said, are acts of patriotism". */
function parenthetical(tokens: readonly Token[], cue: Cue): boolean {
  if (cue.kind !== 'verb' || tokens[cue.last + 1]?.text !== ',') return false;
  const subject = subjectBefore(tokens, cue.index)?.mention;
  return !!subject && tokens[subject.first - 1]?.text === ',';
}

function cueRank(s: Sentence, cue: Cue, start: number, end: number): number {
  const t = s.tokens[cue.index];
  const outside = t.end <= start || t.start >= end || parenthetical(s.tokens, cue);
  const distance = t.end <= start ? start - t.end : t.start >= end ? t.start - end : 0;
  return (outside ? 0 : 1000) + (cue.speech ? 0 : 500) + (cue.kind === 'colon' ? 200 : 0) + Math.min(distance, 199);
}

/** The source mention a cue points at; `quoteEnd`: where the quote ends (text offset). */
function sourceOf(tokens: readonly Token[], cue: Cue, cues: readonly Cue[], quoteEnd: number): Mention | null {
  if (cue.kind === 'according-to') return phraseStartingAt(tokens, cue.last + 1) ?? phraseUntilComma(tokens, cue.last + 1);
  if (cue.kind === 'dash') return phraseStartingAt(tokens, cue.index + 1);
  if (cue.kind === 'colon') {
    const m = phraseEndingAt(tokens, cue.index - 1);
    if (m && (m.first === 0 || (m.first === 1 && isQuoteMark(tokens[0])))) return m;
    return null;
  }
  if (/^by$/i.test(tokens[cue.index + 1]?.text ?? '')) return phraseStartingAt(tokens, cue.index + 2);
  if (/ing$/i.test(tokens[cue.index].text)) {
    // "Chaffetz said in a statement, adding that…": the speaker of the speech verb before it.
    const said = [...cues].reverse().find((c) => c.index < cue.index && c.speech && !/ing$/i.test(tokens[c.index].text) && cue.index - c.index <= 12);
    const spoken = said && tokens.slice(said.last + 1, cue.index).some((t) => t.text === ',') ? sourceOf(tokens, said, cues, quoteEnd) : null;
    const subject = spoken ?? clauseSubject(tokens, cue.index);
    if (subject) return subject;
  }
  const left = tokens[cue.index - 1];
  // "…the losses would outstrip the gains, said Batchelder": a comma after the quote, the source after the verb.
  const afterQuote = left?.text === ',' && left.end <= quoteEnd + 2 && left.start >= quoteEnd - 1;
  const inverted = isQuoteMark(left) || (left?.text === ',' && isQuoteMark(tokens[cue.index - 2])) || afterQuote;
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
  // The tagger may take a bare noun for a verb ("According to police, …").
  if (!tokens[start] || !tokens.slice(start, last + 1).some((t) => t.pos === 'NOUN' || t.pos === 'PROPN' || (t.pos === 'VERB' && last - start < 3))) return null;
  return { first: start, last };
}

/** Turn a mention into a claimant, resolving names, pronouns and organisations against the text before it. */
function claimantOf(text: string, sentences: readonly Sentence[], s: Sentence, m: Mention): { claimant: string; kind: SourceKind; confidence: number } {
  const tokens = s.tokens;
  const head = tokens[m.last];
  const at = tokens[m.first].start;
  if (m.first === m.last && head.pos === 'PRON') {
    if (/^(he|she|him|her)$/i.test(head.text)) {
      const person = lastPersonBefore(text, sentences, at, /^(he|him)$/i.test(head.text) ? 'male' : 'female');
      return { claimant: person ?? '', kind: 'pronoun', confidence: person ? 0.7 : 0.2 };
    }
    return { claimant: '', kind: 'pronoun', confidence: 0.2 };
  }
  const name = head.pos === 'PROPN' && !isPlacedNoun(tokens, m) ? personalName(tokens, m) : null;
  if (name && name.length > 0) {
    const written = text.slice(name[0].start, name[name.length - 1].end);
    const full = name.length === 1 ? fullNameOf(text, written, at) : written;
    return { claimant: full, kind: 'named', confidence: 0.9 };
  }
  const phrase = mentionText(text, tokens, m);
  if (PERSONAL_PRONOUN.test(phrase)) return { claimant: '', kind: 'pronoun', confidence: 0.2 };
  const described = describedPerson(text, tokens.slice(m.first, m.last + 1).map((t) => t.text), at);
  if (described) return { claimant: described, kind: 'nominal', confidence: 0.6 };
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

/** Whether a sentence ends on a closing quotation mark (its speaker may open the next sentence). */
function endsQuote(tokens: readonly Token[]): boolean {
  const last = tokens[tokens.length - 1];
  return isQuoteMark(last) || last?.text === "'";
}

/** Whether a sentence starts with a signature dash ("― Sonya Herridge"). */
const startsWithDash = (s: Sentence) => /^[―—–]$/.test(s.tokens[0]?.text ?? '') && s.tokens[1]?.pos === 'PROPN';

/** The claimant found through one cue of a sentence, or null when the cue governs no source. */
function through(text: string, sentences: readonly Sentence[], sentence: Sentence, cue: Cue, cues: readonly Cue[], end: number): Attribution | null {
  const tokens = sentence.tokens;
  const mention = sourceOf(tokens, cue, cues, end);
  if (!mention || (cue.evidence && !canBeSource(tokens, mention))) return null;
  const found = claimantOf(text, sentences, sentence, mention);
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
  const lastText = text.slice(sentences[last].start, sentences[last].end);
  const speakerNext = next && ((opensQuote(lastText) && /[”"]/.test(text.slice(next.start, next.end))) || endsQuote(sentences[last].tokens) || startsWithDash(next));
  if (speakerNext) pool.push(next);
  const candidates: Candidate[] = [];
  for (const original of pool) {
    // Which sentence this is is decided on the original: withNames may return a copy.
    const own = original === previous ? -1 : original === next && next !== sentences[first] ? 1 : 0;
    const s = withNames(original);
    const cues = findCues(s);
    for (const cue of cues) {
      if (own === 1 && s.tokens[cue.index].start - s.start > 40) continue;
      candidates.push({ sentence: s, cue, cues, rank: cueRank(s, cue, start, end) + (own !== 0 ? 300 : 0) });
    }
  }
  candidates.sort((a, b) => a.rank - b.rank);
  for (const { sentence, cue, cues } of candidates) {
    const found = through(text, sentences, sentence, cue, cues, end);
    if (found) return found;
  }
  return continuedQuote(text, sentences, first, start);
}

/**
 * A quotation with no cue of its own that follows one with a speaker ("“…,” Chaffetz said. “I think
 * it’s the way this committee should operate.”"): the speaker of the sentence before, at a lower confidence.
 */
function continuedQuote(text: string, sentences: readonly Sentence[], first: number, start: number): Attribution {
  const opening = sentences[first].tokens.find((t) => t.end > start);
  if (!opening || !isQuoteMark(opening) && opening.text !== "'") return NO_ATTRIBUTION;
  for (let k = first - 1; k >= Math.max(0, first - 2); k--) {
    const sentence = withNames(sentences[k]);
    // A signature ("― Name") belongs to the quotation before it, never to the next one.
    const cues = findCues(sentence).filter((c) => c.speech && c.kind !== 'dash');
    for (const cue of [...cues].reverse()) {
      const found = through(text, sentences, sentence, cue, cues, sentence.end);
      if (found && found.claimant) return { ...found, confidence: found.confidence * 0.7 };
    }
  }
  return NO_ATTRIBUTION;
}
