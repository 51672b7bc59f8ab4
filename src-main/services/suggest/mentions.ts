/**
 * Source mentions around a reporting cue: the noun phrase before or after it (skipping adverbs,
 * auxiliaries, party tags like "(R-IN)" and appositions), and how a mention becomes a claimant
 * name (titles dropped: "Russian Foreign Minister Sergei Lavrov" → "Sergei Lavrov").
 */
import type { Sentence, Token } from './nlp';
import { isQuoteMark } from './cues';

/** A source mention: token indices [first, last] in its sentence. */
export interface Mention {
  first: number;
  last: number;
}

const NP_POS = new Set(['PROPN', 'NOUN', 'ADJ', 'DET', 'NUM', 'PART', 'PRON']);
const SKIP_BEFORE_VERB = new Set(['AUX', 'ADV', 'PART']);
const DASH_PAIR = /^(--|—|–)$/;
export const TITLE = /^(mr|mrs|ms|dr|prof|sen|sens|rep|reps|gov|gen|lt|col|sgt|capt|president|vice|prime|minister|secretary|senator|representative|governor|mayor|chancellor|chairman|chairwoman|chair|director|spokesman|spokeswoman|spokesperson|ambassador|judge|justice|king|queen|prince|pope|general|foreign|defense|defence|interior|deputy|chief|leader|nominee|candidate|former|attorney|speaker|sir|lord|lady|pastor|rev|commissioner|ceo|founder|head|officer|democrat|republican|councilman|councilwoman|councilmember|councillor|councilor|congressman|congresswoman|assemblyman|assemblywoman|assemblymember|alderman|alderwoman|sheriff|superintendent|treasurer|comptroller|inspector|detective|sergeant|lieutenant|captain|colonel|admiral|commander|rabbi|imam|professor|coach|trustee|premier|supt|det|insp|adm|cmdr)\.?$/i;
export const PERSONAL_PRONOUN = /^(he|she|him|her|his|they|them|their|it|its|i|we|you|me|us|who|which|that|one|this)$/i;

const CAPITALISED = /^\p{Lu}[\p{L}'’-]*$/u;

/**
 * The sentence with capitalised words that the tagger took for verbs, nouns or adjectives retagged
 * as proper nouns when they sit in a name ("Lynch said", "said Don Fowler"): next to a proper noun,
 * or right before a verb after which a name cannot be a common word.
 */
export function withNames(sentence: Sentence): Sentence {
  const tokens = sentence.tokens;
  let changed = false;
  const out = tokens.map((t, i) => {
    if (t.pos === 'PROPN' || !/^(VERB|NOUN|ADJ)$/.test(t.pos) || !CAPITALISED.test(t.text) || t.text.length < 2) return t;
    const prev = tokens[i - 1];
    const next = tokens[i + 1];
    const nearName = next?.pos === 'PROPN' || (prev?.pos === 'PROPN' && !/^[A-Z]+$/.test(prev.text));
    const clauseStart = i === 0 || isQuoteMark(prev) || prev?.text === ',' || isQuoteMark(tokens[i - 2]);
    const beforeSaid = clauseStart && next?.pos === 'VERB' && /^(said|says|told|added|wrote|noted|argued|explained|insisted|claimed|stated|announced|replied|responded|warned)$/i.test(next.text);
    if (!nearName && !beforeSaid) return t;
    changed = true;
    return { ...t, pos: 'PROPN' };
  });
  return changed ? { ...sentence, tokens: out } : sentence;
}

/** The noun phrase ending at token `end` (inclusive), going left; null when there is none. */
export function phraseEndingAt(tokens: readonly Token[], end: number): Mention | null {
  let last = end;
  if (tokens[last]?.text === ')') {
    let j = last;
    while (j >= 0 && tokens[j].text !== '(') j--;
    if (j <= 0) return null;
    last = j - 1;
  }
  if (!tokens[last] || !NP_POS.has(tokens[last].pos) || isQuoteMark(tokens[last])) return null;
  if (tokens[last].pos === 'PRON') return { first: last, last };
  let first = last;
  while (first > 0) {
    const prev = tokens[first - 1];
    const joins = NP_POS.has(prev.pos) && prev.pos !== 'PRON' && !isQuoteMark(prev);
    const possessive = prev.pos === 'PRON' && /^(his|her|its|their)$/i.test(prev.text);
    const abbreviation = prev.text === '.' || prev.text === '-' || prev.text === '&';
    if (!(joins || possessive || abbreviation)) break;
    first--;
  }
  return { first, last };
}

/** The noun phrase starting at token `start`, going right (stops at a verb, punctuation or clause). */
export function phraseStartingAt(tokens: readonly Token[], start: number): Mention | null {
  if (!tokens[start] || !NP_POS.has(tokens[start].pos) || isQuoteMark(tokens[start])) return null;
  const possessive = POSSESSIVE.test(tokens[start].text) && /^(NOUN|PROPN|ADJ)$/.test(tokens[start + 1]?.pos ?? '');
  if (tokens[start].pos === 'PRON' && PERSONAL_PRONOUN.test(tokens[start].text) && !possessive) return { first: start, last: start };
  let last = start;
  while (last + 1 < tokens.length) {
    const next = tokens[last + 1];
    const ofName = /^(of|for)$/i.test(next.text) && /^(PROPN|DET)$/.test(tokens[last + 2]?.pos ?? '') && tokens[last].pos === 'PROPN';
    // "conservative-leaning": a word joined by a hyphen belongs to the phrase whatever its tag.
    const hyphenated = tokens[last].text === '-' && tokens[last].end === next.start && tokens[last - 1]?.end === tokens[last].start;
    const joins = (NP_POS.has(next.pos) && next.pos !== 'PRON') || next.text === '.' || next.text === '-' || ofName || hyphenated;
    if (!joins || isQuoteMark(next)) break;
    last++;
  }
  while (last > start && /^[.-]$/.test(tokens[last].text)) last--;
  return { first: start, last: withPlace(tokens, last) };
}

const POSSESSIVE = /^(his|her|its|their|our|my|your)$/i;
const PLACE_PREPOSITION = /^(on|in|at|for|of|from|with|inside|close|by)$/i;
/** Means and times are no place: "said a spokesman by phone", "on Friday". */
const NOT_PLACE = /^(phone|telephone|email|e-mail|text|video|statement|interview|condition|behalf)$/i;

/**
 * A common-noun source's place, affiliation or author after it ("one source on the panel", "a
 * spokesman for the ministry", "a report by Politico"): the mention ends after it. A time ("on
 * Friday") or a means ("by phone") is no place.
 */
function withPlace(tokens: readonly Token[], last: number): number {
  if (tokens[last].pos !== 'NOUN' || !PLACE_PREPOSITION.test(tokens[last + 1]?.text ?? '')) return last;
  const place = phraseStartingAt(tokens, last + 2);
  if (!place || TEMPORAL.test(tokens[place.last].text) || NOT_PLACE.test(tokens[place.last].text) || tokens[place.first].pos === 'PRON' && !POSSESSIVE.test(tokens[place.first].text)) return last;
  return place.last;
}

/**
 * The subject mention of a cue at `cue`, looking left: over adverbs and auxiliaries ("has also
 * said"), then over an apposition or relative clause between commas ("Mike Shields, the group's
 * president, said"), returning the apposition too as `apposition`.
 */
const TEMPORAL = /^(monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|yesterday|tonight|week|month|year|morning|afternoon|evening|night|earlier|later|recently|weekend)$/i;

/** The first noun phrase of a sentence that is followed by a verb: the clause subject. */
export function clauseSubject(tokens: readonly Token[], before: number): Mention | null {
  for (let i = 0; i < before; i++) {
    if (tokens[i].pos === 'VERB') return null;
    const m = phraseStartingAt(tokens, i);
    if (!m) continue;
    const next = tokens[m.last + 1];
    if (next && (next.pos === 'VERB' || next.pos === 'AUX' || next.pos === 'ADV')) return m;
    i = m.last;
  }
  return null;
}

export function subjectBefore(tokens: readonly Token[], cue: number): { mention: Mention; apposition?: Mention } | null {
  let i = cue - 1;
  while (i >= 0 && SKIP_BEFORE_VERB.has(tokens[i].pos) && tokens[i].text !== "'s") i--;
  const temporal = phraseEndingAt(tokens, i);
  if (temporal && TEMPORAL.test(tokens[temporal.last].text)) {
    i = temporal.first - 1;
    while (i >= 0 && (SKIP_BEFORE_VERB.has(tokens[i].pos) || /^(on|in|at|by)$/i.test(tokens[i].text))) i--;
  }
  if (i < 0) return null;
  if (tokens[i].text === ',') return beforeAppositions(tokens, i);
  if (DASH_PAIR.test(tokens[i].text)) {
    // "Kall -- co-editor of Debating The Donald -- said": the subject is before the opening dash.
    let j = i - 1;
    while (j > 0 && tokens[j].text !== tokens[i].text && i - j <= 40) j--;
    const subject = j > 0 && tokens[j].text === tokens[i].text ? phraseEndingAt(tokens, j - 1) : null;
    if (subject) return { mention: subject, apposition: { first: j + 1, last: i - 1 } };
  }
  const mention = phraseEndingAt(tokens, i);
  if (!mention) return null;
  if (tokens[mention.first].pos === 'PRON' && /^(who|which|that)$/i.test(tokens[mention.first].text) && tokens[mention.first - 1]?.text === ',') {
    const antecedent = phraseEndingAt(tokens, mention.first - 2);
    if (antecedent) return { mention: antecedent };
  }
  return { mention };
}

/** Whether a mention starts a clause: at the sentence start, or after a quotation mark (and comma). */
function startsClause(tokens: readonly Token[], m: Mention): boolean {
  const before = tokens[m.first - 1];
  if (!before || isQuoteMark(before) || /^[:;(]$/.test(before.text)) return true;
  return before.text === ',' && isQuoteMark(tokens[m.first - 2]);
}

/**
 * The subject before one or more comma-bounded appositions or relative clauses ending at comma
 * `comma` ("Mike Shields, the group's president, said"; "X, president of Y, which represents Z,
 * said"): the leftmost noun phrase before a comma that starts the clause, else the nearest one.
 */
function beforeAppositions(tokens: readonly Token[], comma: number): { mention: Mention; apposition?: Mention } | null {
  let nearest: { mention: Mention; apposition?: Mention } | null = null;
  let best: { mention: Mention; apposition?: Mention } | null = null;
  for (let j = comma - 1; j >= 1 && comma - j <= 40; j--) {
    if (isQuoteMark(tokens[j])) break;
    if (tokens[j].text !== ',') continue;
    const mention = phraseEndingAt(tokens, j - 1);
    if (!mention) continue;
    const found = { mention, apposition: { first: j + 1, last: comma - 1 } };
    nearest ??= found;
    if (startsClause(tokens, mention)) best = found;
  }
  return best ?? nearest;
}

/**
 * Whether a mention is a common noun with its place or affiliation ("a spokesman for Kuleba", "one
 * source on the panel"): the claimant is the phrase as written, not the name inside it. An author
 * ("a report by Politico") is the source itself.
 */
export function isPlacedNoun(tokens: readonly Token[], m: Mention): boolean {
  for (let k = m.first + 1; k < m.last; k++) {
    if (PLACE_PREPOSITION.test(tokens[k].text) && tokens[k - 1].pos === 'NOUN') return !/^by$/i.test(tokens[k].text);
  }
  return false;
}

/** The words of a mention as written in the text. */
export function mentionText(text: string, tokens: readonly Token[], m: Mention): string {
  return text.slice(tokens[m.first].start, tokens[m.last].end);
}

/** The proper-name part of a mention without its titles; null when it has no proper noun. */
export function personalName(tokens: readonly Token[], m: Mention): Token[] | null {
  let end = -1;
  for (let k = m.last; k >= m.first; k--) {
    if (tokens[k].pos === 'PROPN') {
      end = k;
      break;
    }
  }
  if (end < 0) return null;
  let start = end;
  while (start > m.first && (tokens[start - 1].pos === 'PROPN' || tokens[start - 1].text === '.')) start--;
  const run = tokens.slice(start, end + 1).filter((t) => t.text !== '.');
  let cut = 0;
  run.forEach((t, k) => {
    if (TITLE.test(t.text) && k < run.length - 1) cut = k + 1;
  });
  return run.slice(cut);
}
