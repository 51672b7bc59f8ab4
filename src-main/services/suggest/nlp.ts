/**
 * Sentences and part-of-speech tags for English text, behind one small interface: every token
 * and sentence carries character offsets into the text it was given. Backed by wink-nlp with its
 * offline English model (loaded once, on first use).
 */
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import type { ItemSentence } from 'wink-nlp';

export interface Token {
  /** The token as written. */
  text: string;
  /** Universal POS tag (NOUN, PROPN, VERB, PUNCT, …). */
  pos: string;
  start: number;
  end: number;
}

export interface Sentence {
  start: number;
  end: number;
  tokens: Token[];
}

type Nlp = ReturnType<typeof winkNLP>;
let nlp: Nlp | null = null;

function engine(): Nlp {
  nlp ??= winkNLP(model);
  return nlp;
}

/** Locate `value` at or just after `from` in `text`; wink normalises a few characters, so fall back to `from`. */
function locate(text: string, value: string, from: number): number {
  if (text.startsWith(value, from)) return from;
  const found = text.indexOf(value, from);
  if (found >= 0 && found - from < 16) return found;
  let i = from;
  while (i < text.length && /\s/.test(text[i])) i++;
  return i;
}

/** Split `text` into sentences of POS-tagged tokens, offsets relative to `text`; no sentence crosses a line break. */
export function analyse(text: string): Sentence[] {
  const sentences: Sentence[] = [];
  const line = /[^\n]+/g;
  for (let m = line.exec(text); m; m = line.exec(text)) {
    if (!/\S/.test(m[0])) continue;
    for (const s of analyseLine(m[0])) sentences.push(shift(s, m.index));
  }
  return sentences;
}

function shift(s: Sentence, by: number): Sentence {
  if (by === 0) return s;
  return { start: s.start + by, end: s.end + by, tokens: s.tokens.map((t) => ({ ...t, start: t.start + by, end: t.end + by })) };
}

/** Titles and abbreviations after which wink wrongly ends a sentence ("said the Rev. Peter Wherry"). */
const ABBREVIATION = /^(mr|mrs|ms|dr|sen|sens|rep|reps|gov|del|gen|lt|col|sgt|capt|cmdr|adm|prof|rev|st|ft|mt)\.$/i;

/**
 * Whether `next` continues the sentence wink ended at `previous`: it starts with ")" or a lower-case
 * word, or `previous` ends inside parentheses ("(D-N." + "Y.) said") or on a title ("Sen." + "Lindsey Graham").
 */
function continues(previous: readonly Token[], next: readonly Token[]): boolean {
  if (/^[)\]\p{Ll}]/u.test(next[0].text)) return true;
  const open = previous.filter((t) => t.text === '(').length;
  const close = previous.filter((t) => t.text === ')').length;
  if (open > close && next.some((t, i) => i < 4 && t.text === ')')) return true;
  const last = previous[previous.length - 1];
  return ABBREVIATION.test(last.text) || (last.text === '.' && ABBREVIATION.test(`${previous[previous.length - 2]?.text ?? ''}.`) && /^\p{Lu}/u.test(next[0].text));
}

function analyseLine(text: string): Sentence[] {
  const nlp = engine();
  const its = nlp.its;
  const doc = nlp.readDoc(text);
  const values = doc.tokens().out(its.value) as string[];
  const tags = doc.tokens().out(its.pos) as string[];
  const tokens: Token[] = [];
  let cursor = 0;
  for (let i = 0; i < values.length; i++) {
    const start = locate(text, values[i], cursor);
    const end = Math.min(text.length, start + values[i].length);
    tokens.push({ text: text.slice(start, end), pos: tags[i], start, end });
    cursor = end;
  }
  const sentences: Sentence[] = [];
  doc.sentences().each((s: ItemSentence) => {
    const [first, last] = s.out(its.span) as unknown as [number, number];
    const own = tokens.slice(first, last + 1).filter((t) => /\S/.test(t.text));
    if (own.length === 0) return;
    const previous = sentences[sentences.length - 1];
    if (previous && continues(previous.tokens, own)) {
      previous.tokens.push(...own);
      previous.end = own[own.length - 1].end;
    } else sentences.push({ start: own[0].start, end: own[own.length - 1].end, tokens: own });
  });
  return sentences;
}

/** POS-tag one sentence (or any short text) as a single token list. */
export function tag(text: string): Token[] {
  return analyse(text).flatMap((s) => s.tokens);
}
