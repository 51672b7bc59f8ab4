/**
 * How alike two passages are, from 0 (nothing in common) to 1 (the same after typographic
 * folding): edit distance by approx-string-match's bit-parallel search, so long quotes stay cheap.
 */
import search from 'approx-string-match';
import { foldTypography } from './fold';

/** Largest |a|·|b| computed exactly; longer pairs get an upper bound. */
const EXACT_CELLS = 250_000;

/** Levenshtein distance by the two-row dynamic programme. */
function levenshtein(a: string, b: string): number {
  let previous = new Int32Array(b.length + 1).map((_, j) => j);
  let current = new Int32Array(b.length + 1);
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const substitution = previous[j - 1] + (a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1);
      current[j] = Math.min(substitution, previous[j] + 1, current[j - 1] + 1);
    }
    [previous, current] = [current, previous];
  }
  return previous[b.length];
}

/**
 * Edit distance between a and b (insertions, deletions, substitutions): exact for passages up to a
 * few hundred characters, above that an upper bound (so long passages never look more alike than they are).
 */
export function editDistance(a: string, b: string): number {
  if (!a || !b) return Math.max(a.length, b.length);
  if (a === b) return 0;
  if (a.length * b.length <= EXACT_CELLS) return levenshtein(a, b);
  // Search the shorter inside the longer: the best match's errors plus the longer's unmatched ends.
  const [longer, shorter] = a.length >= b.length ? [a, b] : [b, a];
  const best = search(longer, shorter, shorter.length);
  if (best.length === 0) return longer.length;
  let distance = longer.length;
  for (const m of best) distance = Math.min(distance, m.errors + (longer.length - (m.end - m.start)));
  return distance;
}

/** 1 - editDistance / the longer length, on folded text with runs of spaces as one. */
export function similarity(a: string, b: string): number {
  const x = foldTypography(a).replace(/\s+/g, ' ');
  const y = foldTypography(b).replace(/\s+/g, ' ');
  const longest = Math.max(x.length, y.length);
  if (longest === 0) return 1;
  return 1 - editDistance(x, y) / longest;
}

/**
 * How well the text before a candidate agrees with the recorded prefix (compared from their
 * ends) or the text after it with the suffix (from their starts). Null when nothing was recorded.
 */
export function contextSimilarity(recorded: string, actual: string, side: 'prefix' | 'suffix'): number | null {
  if (!recorded.trim()) return null;
  const n = recorded.length;
  const aligned = side === 'prefix' ? actual.slice(Math.max(0, actual.length - n)) : actual.slice(0, n);
  return similarity(recorded, aligned);
}
