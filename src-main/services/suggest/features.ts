/**
 * The check-worthiness features of one sentence, hashed into a fixed number of buckets: word 1–2
 * grams, character 3–5 grams, part-of-speech 1–3 grams, word/POS pairs and number/quantity cues.
 * Training and the app both call this, so a model always sees the features it was trained on.
 */
import { fnv1a32 } from '../../../src-shared/fnv1a';
import type { Token } from './nlp';

/** A sentence's features: bucket indices (repeats allowed) that each count 1, before normalising. */
export type FeatureBag = Uint32Array;

function normalWord(t: Token): string {
  const w = t.text.toLowerCase().replace(/[’‘]/g, "'").replace(/[“”]/g, '"');
  if (/^\d[\d,.]*$/.test(w)) return /^(1[89]|20)\d\d$/.test(w) ? '<year>' : '<num>';
  return w;
}

const QUANTITY = /^(percent|%|million|billion|trillion|thousand|hundred|dollars?|\$|times|half|twice|double|tripled?|increase[ds]?|decrease[ds]?|cut|rate|tax(es)?|jobs|deficit|debt)$/;

interface Sink {
  add(name: string): void;
  /** Add the character n-grams (n = 3..5) of `joined`, named `c<n>:<gram>`. */
  chars(joined: string): void;
}

/** Feed the features of one tokenised sentence to `sink`. */
function emit(tokens: readonly Token[], sink: Sink): void {
  const words = tokens.map(normalWord);
  const tags = tokens.map((t) => t.pos);
  const w = ['<s>', ...words, '</s>'];
  const p = ['<s>', ...tags, '</s>'];
  for (let i = 1; i < w.length - 1; i++) sink.add(`w:${w[i]}`);
  for (let i = 0; i < w.length - 1; i++) sink.add(`b:${w[i]} ${w[i + 1]}`);
  for (let i = 0; i < p.length; i++) sink.add(`p:${p[i]}`);
  for (let i = 0; i < p.length - 1; i++) sink.add(`pp:${p[i]} ${p[i + 1]}`);
  for (let i = 0; i < p.length - 2; i++) sink.add(`ppp:${p[i]} ${p[i + 1]} ${p[i + 2]}`);
  for (let i = 0; i < words.length; i++) {
    if (tags[i] === 'VERB' || tags[i] === 'AUX' || tags[i] === 'PRON') sink.add(`wp:${words[i]}/${tags[i]}`);
  }
  sink.chars(` ${words.filter((x) => x !== '<num>' && x !== '<year>').join(' ')} `);
  const numbers = words.filter((x) => x === '<num>' || x === '<year>').length + tags.filter((t, i) => t === 'NUM' && words[i] !== '<num>' && words[i] !== '<year>').length;
  sink.add(`num:${Math.min(numbers, 3)}`);
  if (words.some((x) => QUANTITY.test(x))) sink.add('quantity');
  if (numbers > 0 && words.some((x) => QUANTITY.test(x))) sink.add('num+quantity');
  const propn = tags.filter((t) => t === 'PROPN').length;
  sink.add(`propn:${Math.min(propn, 3)}`);
  sink.add(`len:${Math.min(Math.floor(tokens.length / 5), 8)}`);
  if (tokens.length > 0 && tokens[tokens.length - 1].text === '?') sink.add('question');
}

/** The feature names of one tokenised sentence (for tests and inspection). */
export function featureNames(tokens: readonly Token[]): string[] {
  const out: string[] = [];
  emit(tokens, {
    add: (name) => out.push(name),
    chars: (joined) => {
      for (let n = 3; n <= 5; n++) for (let i = 0; i + n <= joined.length; i++) out.push(`c${n}:${joined.slice(i, i + n)}`);
    },
  });
  return out;
}

const CHAR_PREFIX = [0, 0, 0, fnv1a32('c3:'), fnv1a32('c4:'), fnv1a32('c5:')];

/** Continue an FNV-1a hash `h` over `s[from, to)`. */
function extend(h: number, s: string, from: number, to: number): number {
  for (let i = from; i < to; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h;
}

/** Hash a sentence's features into `dims` buckets (the same buckets as hashing featureNames). */
export function featurize(tokens: readonly Token[], dims: number): FeatureBag {
  const out: number[] = [];
  emit(tokens, {
    add: (name) => out.push(fnv1a32(name) % dims),
    chars: (joined) => {
      for (let n = 3; n <= 5; n++) {
        for (let i = 0; i + n <= joined.length; i++) out.push((extend(CHAR_PREFIX[n], joined, i, i + n) >>> 0) % dims);
      }
    },
  });
  return Uint32Array.from(out);
}
