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
}

interface VerbLists {
  speech: Set<string>;
  reporting: Set<string>;
}

let lists: VerbLists | null = null;

/** The reporting-verb lists from resources/models/reporting-verbs.json (read once). */
export function verbLists(): VerbLists {
  if (lists) return lists;
  const raw = JSON.parse(readFileSync(join(resourcesDir(), 'models', 'reporting-verbs.json'), 'utf8')) as { speech: string[]; reporting: string[] };
  lists = { speech: new Set(raw.speech), reporting: new Set([...raw.reporting, ...raw.speech]) };
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
    const open = OPEN_QUOTES.has(t.text) || (t.text === '"' && opens(tokens, i));
    const close = !open && (CLOSE_QUOTES.has(t.text) || t.text === '"');
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

export const isQuoteMark = (t: Token | undefined): boolean => !!t && (OPEN_QUOTES.has(t.text) || CLOSE_QUOTES.has(t.text) || t.text === '"');

/** Every cue in a sentence, in token order. */
export function findCues(sentence: Sentence): Cue[] {
  const { speech, reporting } = verbLists();
  const tokens = sentence.tokens;
  const quoted = insideQuotes(tokens);
  const cues: Cue[] = [];
  tokens.forEach((t, i) => {
    const w = t.text.toLowerCase();
    if (w === ':' && i > 0 && i <= 8) {
      cues.push({ kind: 'colon', index: i, last: i, speech: true });
      return;
    }
    if (quoted[i]) return;
    if (DASHES.has(w) && tokens[i + 1]?.pos === 'PROPN' && (i === 0 || isQuoteMark(tokens[i - 1]) || /^[.!?]$/.test(tokens[i - 1].text))) {
      cues.push({ kind: 'dash', index: i, last: i, speech: true });
      return;
    }
    if (w === 'according' && tokens[i + 1]?.text.toLowerCase() === 'to') {
      cues.push({ kind: 'according-to', index: i, last: i + 1, speech: true });
    } else if (reporting.has(w) && (t.pos === 'VERB' || t.pos === 'AUX' || speech.has(w)) && !(t.pos === 'NOUN' && tokens[i - 1]?.pos === 'DET')) {
      cues.push({ kind: 'verb', index: i, last: i, speech: speech.has(w) });
    }
  });
  return cues;
}
