/**
 * Text normalisation for the library's full-text index: numbers written differently become one
 * token ("1,200", "1 200" and "1.2 thousand" are all "1200"; "40%", "40 per cent" are "40 percent";
 * small number words are digits), words are lower-cased, stripped of accents, stop words and
 * common English endings, so a paraphrase shares tokens with the claim it restates.
 */

const NUMBER_WORDS: Record<string, number> = {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18,
  nineteen: 19, twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90,
  hundred: 100, dozen: 12,
};

/** A number word, or a tens word with a unit ("forty-two"). */
const NUMBER_WORD_PATTERN = new RegExp(
  `\\b(${Object.keys(NUMBER_WORDS).join('|')})(?:[- ](one|two|three|four|five|six|seven|eight|nine)(?![a-z]))?\\b`,
  'g',
);

const MULTIPLIERS: Record<string, number> = {
  thousand: 1e3, k: 1e3, million: 1e6, millions: 1e6, m: 1e6, mn: 1e6, mln: 1e6,
  billion: 1e9, billions: 1e9, bn: 1e9, b: 1e9, trillion: 1e12, tn: 1e12,
};

const STOP_WORDS = new Set(
  ('a an and are as at be been but by for from had has have he her his i in into is it its of on or our she so than that the their them ' +
    'there these they this those to was we were what when which who will with would you your not no also said says say about after over ' +
    'more most per cent')
    .split(' '),
);

/** A number without trailing zeros after the point: 1200, 3.5. */
function formatNumber(value: number): string {
  return Number.isFinite(value) ? String(Math.round(value * 1e6) / 1e6) : '';
}

/**
 * Rewrite the numbers of a text in one canonical form: thousands separators dropped, "3.5
 * million" expanded, number words as digits, "%" and "per cent" as "percent".
 */
export function normaliseNumbers(text: string): string {
  let out = text.normalize('NFKC').toLowerCase();
  out = out.replace(/(\d)[,\u00a0\u202f\u2009 '](?=\d{3}(?!\d))/g, '$1'); // 1,200 / 1 200 / 1'200
  out = out.replace(/(\d)[,\u00a0\u202f\u2009 '](?=\d{3}(?!\d))/g, '$1'); // 1,200,000 (second group)
  out = out.replace(/\b(\d+)\.(\d{3})\.(\d{3})\b/g, '$1$2$3'); // 1.200.000
  out = out.replace(NUMBER_WORD_PATTERN, (_, a: string, b?: string) => {
    const tens = NUMBER_WORDS[a];
    if (!b) return String(tens);
    return tens >= 20 && tens % 10 === 0 && tens < 100 ? String(tens + NUMBER_WORDS[b]) : `${tens} ${NUMBER_WORDS[b]}`;
  });
  out = out.replace(/(\d+(?:\.\d+)?)\s*(thousand|millions?|billions?|trillion|mln|mn|bn|tn|k|m|b)\b/g, (_, n: string, unit: string) =>
    formatNumber(Number(n) * MULTIPLIERS[unit]),
  );
  out = out.replace(/(\d)\s*(?:%|per ?cent\b|pct\b)/g, '$1 percent');
  return out;
}

/** Strip accents: "Dmytró" -> "dmytro". */
export function foldAccents(text: string): string {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
}

/** Tokens of a text: numbers (with a decimal point) and runs of letters or digits. */
export function tokenize(text: string): string[] {
  return foldAccents(normaliseNumbers(text)).match(/\d+(?:\.\d+)?|[\p{L}\p{N}]+/gu) ?? [];
}

/** A light English stemmer: plural, past and -ing endings, so "cuts", "cutting" and "cut" meet. */
export function stem(word: string): string {
  if (word.length <= 3 || /\d/.test(word)) return word;
  let w = word;
  if (w.endsWith('ies') && w.length > 4) w = `${w.slice(0, -3)}y`;
  else if (w.endsWith('sses')) w = w.slice(0, -2);
  else if (w.endsWith('s') && !w.endsWith('ss') && !w.endsWith('us') && !w.endsWith('is')) w = w.slice(0, -1);
  if (w.endsWith('ing') && w.length > 5) w = w.slice(0, -3);
  else if (w.endsWith('ed') && w.length > 4) w = w.slice(0, -2);
  if (/([^aeiouslz])\1$/.test(w)) w = w.slice(0, -1); // cutt -> cut
  if (w.endsWith('e') && w.length > 4) w = w.slice(0, -1);
  return w;
}

/** The index form of one token (null drops it): stop words out, the rest stemmed. */
export function processTerm(term: string): string | null {
  const t = term.toLowerCase();
  if (STOP_WORDS.has(t)) return null;
  return stem(t);
}

/** The figures a text states, normalised ("4.2 percent" -> "4.2"), for "same figure" matching. */
export function figuresOf(text: string): string[] {
  return [...new Set(normaliseNumbers(text).match(/\d+(?:\.\d+)?/g) ?? [])];
}

/** A claimant name folded for comparison: lower case, no accents, single spaces. */
export function nameKey(name: string): string {
  return foldAccents(name.normalize('NFKC')).toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

/** The index terms of a text, in order (stop words dropped, the rest stemmed). */
export function termsOf(text: string): string[] {
  const out: string[] = [];
  for (const token of tokenize(text)) {
    const term = processTerm(token);
    if (term) out.push(term);
  }
  return out;
}
