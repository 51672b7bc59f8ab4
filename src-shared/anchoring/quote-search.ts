/**
 * Finding a claim's quote in a text near where it should be: exact occurrences, a fuzzy search in
 * a window around the expected place, and a whole-text search for a nearly intact, unique quote.
 * Every candidate is scored on quote, prefix and suffix similarity and distance from the expected
 * place, and accepted only above a threshold that tightens for short quotes. Used both to open an
 * article (the expected place is the position selector) and to carry claims to a new version (it is
 * the old range mapped through the diff, and text that was already elsewhere is masked out).
 */
import search from 'approx-string-match';
import type { ClaimTarget } from '../model';
import { allOccurrences } from './describe';
import { foldTypography, sameWording } from './fold';
import { contextSimilarity, similarity } from './similarity';

/** How a claim was found: the same text where expected, the same text elsewhere, or edited text. */
export type FoundState = 'exact' | 'moved' | 'changed';

export interface Candidate {
  start: number;
  end: number;
  state: FoundState;
  /** Quote similarity, 0..1. */
  quote: number;
  /** Overall score, higher is better (comparable between candidates of one claim). */
  score: number;
}

export interface SearchScope {
  text: string;
  /** foldTypography(text), computed once per text. */
  folded: string;
  /** Where the claim is expected in `text`. */
  hint: { start: number; end: number };
  /** For each character of [from, to): 1 when the claim could be there. Absent: anywhere. */
  owned?: (from: number, to: number) => Uint8Array;
  /** Regions worth a whole-text search (text new in this version); absent: the whole text. */
  fallbackRegions?: () => Array<{ start: number; end: number }>;
}

/** Quotes shorter than this many characters are short: they need agreeing context and closer matches. */
export const SHORT_QUOTE = 24;
/** Context similarity that counts as agreeing. */
const CONTEXT_AGREES = 0.5;
/** Quote similarity a nearly intact quote must reach to be found anywhere in the text. */
const NEARLY_INTACT = 0.9;
/** Exact occurrences scored at most (the nearest to the expected place). */
const MAX_OCCURRENCES = 200;
/** Masks characters the claim cannot be on, so a fuzzy match must pay an error for each. */
const MASK = '\u0000';

/** Least quote similarity a fuzzy match needs: stricter for short quotes. */
export function minimumSimilarity(quoteLength: number): number {
  if (quoteLength < SHORT_QUOTE) return 0.8;
  if (quoteLength < 60) return 0.7;
  return 0.6;
}

interface Context {
  prefix: number | null;
  suffix: number | null;
}

function contextAt(scope: SearchScope, target: ClaimTarget, start: number, end: number): Context {
  const { prefix, suffix } = target.quote;
  return {
    prefix: contextSimilarity(prefix, scope.text.slice(Math.max(0, start - prefix.length), start), 'prefix'),
    suffix: contextSimilarity(suffix, scope.text.slice(end, end + suffix.length), 'suffix'),
  };
}

/** True when at least one side's context agrees, or none was recorded. */
function contextAgrees(c: Context): boolean {
  if (c.prefix === null && c.suffix === null) return true;
  return (c.prefix ?? 0) >= CONTEXT_AGREES || (c.suffix ?? 0) >= CONTEXT_AGREES;
}

/** Hypothesis's weights (50 quote, 20 prefix, 20 suffix), with distance from the expected place worth 10. */
function score(scope: SearchScope, quote: number, c: Context, start: number, reach: number): number {
  const distance = Math.min(1, Math.abs(start - scope.hint.start) / Math.max(1, reach));
  return 50 * quote + 20 * (c.prefix ?? 1) + 20 * (c.suffix ?? 1) + 10 * (1 - distance);
}

/** The score of a candidate found some other way (the diff), comparable with the searches' own. */
export function scoreAt(scope: SearchScope, target: ClaimTarget, start: number, end: number, quote: number): number {
  const length = target.quote.exact.length;
  return score(scope, quote, contextAt(scope, target, start, end), start, Math.max(64, length) + length);
}

/** Fraction of [start, end) the claim could be on. */
function ownedFraction(scope: SearchScope, start: number, end: number): number {
  if (!scope.owned || end <= start) return 1;
  const own = scope.owned(start, end);
  let n = 0;
  for (const x of own) n += x;
  return n / own.length;
}

/** Exact occurrences of the (folded) quote, best first; short quotes need context that agrees. */
export function exactCandidates(scope: SearchScope, target: ClaimTarget): Candidate[] {
  const needle = foldTypography(target.quote.exact);
  const hits = allOccurrences(scope.folded, needle)
    .sort((a, b) => Math.abs(a - scope.hint.start) - Math.abs(b - scope.hint.start))
    .slice(0, MAX_OCCURRENCES);
  const out: Candidate[] = [];
  for (const start of hits) {
    const end = start + needle.length;
    if (ownedFraction(scope, start, end) < 0.5) continue;
    const c = contextAt(scope, target, start, end);
    if (needle.length < SHORT_QUOTE && !contextAgrees(c) && hits.length > 1) continue;
    const state = start === scope.hint.start ? 'exact' : 'moved';
    out.push({ start, end, state, quote: 1, score: score(scope, 1, c, start, scope.text.length) });
  }
  return out.sort((a, b) => b.score - a.score);
}

/** The folded text of [from, to) with the characters the claim cannot be on masked. */
function maskedSlice(scope: SearchScope, from: number, to: number): string {
  const slice = scope.folded.slice(from, to);
  if (!scope.owned) return slice;
  const own = scope.owned(from, to);
  let out = '';
  let run = 0;
  for (let i = 0; i < own.length; i++) {
    if (own[i]) continue;
    out += slice.slice(run, i) + MASK;
    run = i + 1;
  }
  return out + slice.slice(run);
}

/** Fuzzy matches of the quote in text [from, to), as accepted candidates. */
function fuzzyIn(scope: SearchScope, target: ClaimTarget, from: number, to: number, minimum: number, reach: number): Candidate[] {
  const quote = foldTypography(target.quote.exact);
  const maxErrors = Math.floor(quote.length * (1 - minimum));
  const haystack = maskedSlice(scope, from, to);
  const out: Candidate[] = [];
  for (const m of search(haystack, quote, maxErrors)) {
    const start = from + m.start;
    const end = from + m.end;
    if (end <= start) continue;
    const found = scope.text.slice(start, end);
    const q = similarity(found, target.quote.exact);
    if (q < minimum) continue;
    const c = contextAt(scope, target, start, end);
    if (!contextAgrees(c) && q < NEARLY_INTACT) continue;
    const state = sameWording(found, target.quote.exact) ? (start === scope.hint.start ? 'exact' : 'moved') : 'changed';
    out.push({ start, end, state, quote: q, score: score(scope, q, c, start, reach) });
  }
  return out.sort((a, b) => b.score - a.score);
}

/** Fuzzy matches in a window around the expected place. */
export function windowCandidates(scope: SearchScope, target: ClaimTarget): Candidate[] {
  const length = target.quote.exact.length;
  const pad = Math.max(64, length);
  const from = Math.max(0, Math.min(scope.hint.start, scope.hint.end) - pad);
  const to = Math.min(scope.text.length, Math.max(scope.hint.start, scope.hint.end) + pad);
  return fuzzyIn(scope, target, from, to, minimumSimilarity(length), pad + length);
}

/**
 * A nearly intact quote (similarity >= 0.9, not a short one) found anywhere the claim could be,
 * only when it is the one such place and its context agrees.
 */
export function fallbackCandidates(scope: SearchScope, target: ClaimTarget): Candidate[] {
  const length = target.quote.exact.length;
  if (length < SHORT_QUOTE) return [];
  const regions = (scope.fallbackRegions?.() ?? [{ start: 0, end: scope.text.length }]).map((r) => ({
    from: Math.max(0, r.start - length),
    to: Math.min(scope.text.length, r.end + length),
  }));
  const searchAll = (s: SearchScope) =>
    regions.flatMap((r) => fuzzyIn(s, target, r.from, r.to, NEARLY_INTACT, s.text.length)).sort((a, b) => b.score - a.score);
  const first = searchAll(scope)[0];
  if (!first || !contextAgrees(contextAt(scope, target, first.start, first.end))) return [];
  // Unique: with that passage masked too, the quote must be found nowhere else.
  const without: SearchScope = {
    ...scope,
    owned: (from, to) => {
      const own = scope.owned ? scope.owned(from, to) : new Uint8Array(to - from).fill(1);
      own.fill(0, Math.max(0, first.start - from), Math.max(0, Math.min(to, first.end) - from));
      return own;
    },
  };
  return searchAll(without).length === 0 ? [first] : [];
}
