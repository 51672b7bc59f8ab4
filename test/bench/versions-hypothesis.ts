/**
 * The benchmark's baseline, written here from a reading of the Hypothesis client
 * (src/annotator/anchoring/html.ts and match-quote.ts): use the position selector when the text
 * there equals the quote; otherwise every exact occurrence of the quote, or when there is none
 * the lowest-error approximate matches (approx-string-match, up to half the quote's length in
 * errors, at most 256), each scored 50 quote / 20 prefix / 20 suffix / 2 position against the old
 * position start, the best taken with no acceptance threshold. Benchmark only; not in the app.
 */
import approxSearch from 'approx-string-match';
import type { ClaimTarget } from '../../src-shared/model';

interface Match {
  start: number;
  end: number;
  errors: number;
}

/** Exact occurrences first (errors 0); only when there are none, the approximate search. */
function findMatches(text: string, quote: string, maxErrors: number): Match[] {
  const exact: Match[] = [];
  for (let at = text.indexOf(quote); at !== -1; at = text.indexOf(quote, at + 1)) exact.push({ start: at, end: at + quote.length, errors: 0 });
  return exact.length > 0 ? exact : approxSearch(text, quote, maxErrors);
}

/** 0..1 similarity of a context string to the text beside a match (its best match allowing every character wrong). */
function contextScore(text: string, expected: string): number {
  if (expected.length === 0 || text.length === 0) return 0;
  const best = findMatches(text, expected, expected.length);
  return 1 - best[0].errors / expected.length;
}

/** The best match for the quote, or null when the search finds nothing. */
export function hypothesisMatchQuote(text: string, quote: string, context: { prefix?: string; suffix?: string; hint?: number }): { start: number; end: number } | null {
  if (quote.length === 0) return null;
  const matches = findMatches(text, quote, Math.min(256, quote.length / 2));
  if (matches.length === 0) return null;
  let best: Match | null = null;
  let bestScore = -Infinity;
  for (const m of matches) {
    const quoteScore = 1 - m.errors / quote.length;
    const prefixScore = context.prefix ? contextScore(text.slice(Math.max(0, m.start - context.prefix.length), m.start), context.prefix) : 1;
    const suffixScore = context.suffix ? contextScore(text.slice(m.end, m.end + context.suffix.length), context.suffix) : 1;
    const posScore = context.hint === undefined ? 1 : 1 - Math.abs(m.start - context.hint) / text.length;
    const score = (50 * quoteScore + 20 * prefixScore + 20 * suffixScore + 2 * posScore) / 92;
    if (score > bestScore) {
      bestScore = score;
      best = m;
    }
  }
  return best && { start: best.start, end: best.end };
}

/** Hypothesis's anchoring order for a TextPosition + TextQuote pair. */
export function hypothesisAnchor(text: string, target: ClaimTarget): { start: number; end: number } | null {
  const { start, end } = target.position;
  if (text.slice(start, end) === target.quote.exact) return { start, end };
  const { exact, prefix, suffix } = target.quote;
  return hypothesisMatchQuote(text, exact, { prefix, suffix, hint: start });
}
