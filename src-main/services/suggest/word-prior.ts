/**
 * The word-prior term of the check-worthiness score: each word carries one learned number (its
 * GloVe vector projected on a direction learned in training), and a sentence adds the mean over its
 * words. Words never seen in training still get a value from their vector, so news vocabulary the
 * debates lack ("Ukraine", "vaccine") is scored by the words it resembles.
 */
import type { Token } from './nlp';

/** Tokens left out of the mean: they carry no meaning of their own. */
const SKIPPED = new Set(['the', 'a', 'an', 'of', 'to', 'and', ',', '.', '"', "'"]);

/** The key a token is looked up by (word vectors are lower-case). */
export function priorKey(token: string): string | null {
  const key = token.toLowerCase().replace(/[’‘]/g, "'").replace(/[“”]/g, '"');
  return SKIPPED.has(key) ? null : key;
}

/**
 * The mean of `value(key)` over a sentence's tokens that have one (0 when none has).
 * Training passes a vector lookup, the app a number lookup: both go through this one walk.
 */
export function meanOverWords<T>(tokens: readonly Pick<Token, 'text'>[], value: (key: string) => T | undefined, add: (item: T) => void): number {
  let n = 0;
  for (const t of tokens) {
    const key = priorKey(t.text);
    if (key === null) continue;
    const item = value(key);
    if (item === undefined) continue;
    add(item);
    n++;
  }
  return n;
}

/** The word-prior term of one sentence. */
export function wordPriorTerm(prior: ReadonlyMap<string, number>, tokens: readonly Pick<Token, 'text'>[]): number {
  let sum = 0;
  const n = meanOverWords(tokens, (k) => prior.get(k), (v) => (sum += v));
  return n ? sum / n : 0;
}
