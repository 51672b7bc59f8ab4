/**
 * Reporting cues in a POS-tagged sentence: reporting verbs (from the shipped word list), "according
 * to", and a colon introducing a quote. Tokens inside quotation marks are not cues.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { resourcesDir } from '../../paths';
import type { Sentence, Token } from './nlp';

/** dash: a quotation signed "― Name". */
export type CueKind = 'verb' | 'according-to' | 'colon' | 'dash';

const DASHES = new Set(['―', '—', '–']);

export interface Cue {
  kind: CueKind;
  /** Index of the cue's (first) token in the sentence. */
  index: number;
  /** Index of its last token. */
  last: number;
  /** A speech verb (said, told, …) rather than any reporting verb (believes, wants, …). */
  speech: boolean;
  /** A verb of evidence (suggest, show, indicate…): its subject may be a thing, which is no claimant. */
  evidence: boolean;
}

interface VerbLists {
  speech: Set<string>;
  reporting: Set<string>;
  evidence: Set<string>;
}

let lists: VerbLists | null = null;

/** The reporting-verb lists from resources/models/reporting-verbs.json (read once). */
export function verbLists(): VerbLists {
  if (lists) return lists;
  const raw = JSON.parse(readFileSync(join(resourcesDir(), 'models', 'reporting-verbs.json'), 'utf8')) as { speech: string[]; reporting: string[]; evidence: string[] };
  lists = { speech: new Set(raw.speech), reporting: new Set([...raw.reporting, ...raw.speech]), evidence: new Set(raw.evidence) };
  return lists;
}

const OPEN_QUOTES = new Set(['“', '‘', '«']);
const CLOSE_QUOTES = new Set(['”', '’', '»']);

/** Whether a straight quote opens (space or start before it, a word right after it) rather than closes. */
function opens(tokens: readonly Token[], i: number): boolean {
  const t = tokens[i];
  const spaceBefore = i === 0 || tokens[i - 1].end < t.start;
  const next = tokens[i + 1];
  return spaceBefore && !!next && next.start === t.end;
}

/**
 * For each token, whether it lies inside quotation marks. A closing mark with no opening one
 * before it (the quotation began in an earlier sentence) puts everything before it inside.
 */
export function insideQuotes(tokens: readonly Token[]): boolean[] {
  const out: boolean[] = [];
  let inside = false;
  tokens.forEach((t, i) => {
    if (isDoubledApostrophe(tokens, i) && tokens[i - 1]?.text === "'" && tokens[i - 1].end === t.start) {
      out.push(false); // the second half of a '' mark
      return;
    }
    const open = OPEN_QUOTES.has(t.text) || (isStraightDouble(tokens, i) && opens(tokens, i));
    const close = !open && (CLOSE_QUOTES.has(t.text) || isStraightDouble(tokens, i));
    if (open) {
      inside = true;
      out.push(false);
    } else if (close && t.text !== '’') {
      if (!inside) out.fill(true);
      inside = false;
      out.push(false);
    } else out.push(inside);
  });
  return out;
}

/** Whether token i is half of a '' mark (two apostrophes written for a double quotation mark). */
function isDoubledApostrophe(tokens: readonly Token[], i: number): boolean {
  const t = tokens[i];
  if (t?.text !== "'") return false;
  const prev = tokens[i - 1];
  const next = tokens[i + 1];
  return (prev?.text === "'" && prev.end === t.start) || (next?.text === "'" && next.start === t.end);
}

function isStraightDouble(tokens: readonly Token[], i: number): boolean {
  return tokens[i].text === '"' || isDoubledApostrophe(tokens, i);
}

export const isQuoteMark = (t: Token | undefined): boolean => !!t && (OPEN_QUOTES.has(t.text) || CLOSE_QUOTES.has(t.text) || t.text === '"' || t.text === "''");

/** Whether token i of a sentence is a quotation mark ('' included). */
const isQuoteAt = (tokens: readonly Token[], i: number): boolean => isQuoteMark(tokens[i]) || isDoubledApostrophe(tokens, i);

/**
 * Whether a capitalised word inside a sentence is part of a name rather than a verb ("the United
 * States", "Secretary of State"); a title-case headline's last word ("…, Lindsey Graham Says.") is a verb.
 */
function inName(tokens: readonly Token[], i: number): boolean {
  const t = tokens[i];
  if (i === 0 || t.pos !== 'PROPN' || !/^\p{Lu}/u.test(t.text)) return false;
  const next = tokens[i + 1];
  return !(next === undefined || /^[.!?]$/.test(next.text));
}

/** A speech word used as a noun: "the report", "a new report suggests", "their claims were". */
function usedAsNoun(tokens: readonly Token[], i: number): boolean {
  if (tokens[i].pos !== 'NOUN') return false;
  return /^(DET|ADJ|NUM)$/.test(tokens[i - 1]?.pos ?? '') || /^(his|her|its|their|our|my|your)$/i.test(tokens[i - 1]?.text ?? '') || /^(VERB|AUX)$/.test(tokens[i + 1]?.pos ?? '');
}

/** Every cue in a sentence, in token order. */
export function findCues(sentence: Sentence): Cue[] {
  const { speech, reporting, evidence } = verbLists();
  const tokens = sentence.tokens;
  const quoted = insideQuotes(tokens);
  const cues: Cue[] = [];
  tokens.forEach((t, i) => {
    const w = t.text.toLowerCase();
    if (w === ':' && i > 0 && i <= 8 && !tokens.slice(0, i).some((q, k) => OPEN_QUOTES.has(q.text) || isDoubledApostrophe(tokens, k))) {
      cues.push({ kind: 'colon', index: i, last: i, speech: true, evidence: false });
      return;
    }
    if (quoted[i]) return;
    if (DASHES.has(w) && tokens[i + 1]?.pos === 'PROPN' && (i === 0 || isQuoteAt(tokens, i - 1) || /^[.!?]$/.test(tokens[i - 1].text))) {
      cues.push({ kind: 'dash', index: i, last: i, speech: true, evidence: false });
      return;
    }
    if (w === 'according' && tokens[i + 1]?.text.toLowerCase() === 'to') {
      cues.push({ kind: 'according-to', index: i, last: i + 1, speech: true, evidence: false });
    } else if (reporting.has(w) && (t.pos === 'VERB' || t.pos === 'AUX' || speech.has(w)) && !usedAsNoun(tokens, i) && !inName(tokens, i)) {
      cues.push({ kind: 'verb', index: i, last: i, speech: speech.has(w), evidence: evidence.has(w) });
    }
  });
  return cues;
}
