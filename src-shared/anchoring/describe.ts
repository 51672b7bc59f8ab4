/** Text range -> W3C selectors (TextQuote with context, TextPosition), as Hypothesis's toSelector. */
import type { ClaimTarget } from '../model';

/** Characters of context kept on each side of a quote. */
export const CONTEXT_LENGTH = 32;

/** Describe text[start, end) with a quote selector (exact + context) and a position selector. */
export function describeRange(text: string, start: number, end: number): ClaimTarget {
  if (!(start >= 0 && end > start && end <= text.length)) {
    throw new RangeError(`Range ${start}-${end} is outside the text (length ${text.length})`);
  }
  return {
    quote: {
      exact: text.slice(start, end),
      prefix: text.slice(Math.max(0, start - CONTEXT_LENGTH), start),
      suffix: text.slice(end, end + CONTEXT_LENGTH),
    },
    position: { start, end },
  };
}

/** Every start offset of `needle` in `haystack`. */
export function allOccurrences(haystack: string, needle: string): number[] {
  const found: number[] = [];
  if (!needle) return found;
  for (let i = haystack.indexOf(needle); i !== -1; i = haystack.indexOf(needle, i + 1)) found.push(i);
  return found;
}
