/**
 * Selectors -> text range, in Hypothesis's order: the position if the text there still equals the
 * quote; else exact matches of the quote scored by context and distance; else a fuzzy match with
 * bounded errors (approx-string-match). Null means the claim is an orphan.
 */
import search from 'approx-string-match';
import type { ClaimTarget } from '../model';
import { allOccurrences } from './describe';

export interface AnchoredRange {
  start: number;
  end: number;
  /** How it was found: 'position' (unchanged), 'quote' (moved), 'fuzzy' (text changed). */
  method: 'position' | 'quote' | 'fuzzy';
}

/** Characters shared at the end of a and the start of b's reverse, i.e. matching context. */
function commonSuffixLength(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[a.length - 1 - n] === b[b.length - 1 - n]) n++;
  return n;
}

function commonPrefixLength(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  return n;
}

/** Score a candidate start: matching context dominates, nearness to the old position breaks ties. */
function scoreCandidate(text: string, start: number, target: ClaimTarget): number {
  const { exact, prefix, suffix } = target.quote;
  const before = text.slice(Math.max(0, start - prefix.length), start);
  const after = text.slice(start + exact.length, start + exact.length + suffix.length);
  const context = commonSuffixLength(before, prefix) + commonPrefixLength(after, suffix);
  const distance = Math.abs(start - target.position.start) / Math.max(1, text.length);
  return context - distance;
}

/** Anchor a claim target in text; null when it cannot be found (an orphan). */
export function anchorTarget(text: string, target: ClaimTarget): AnchoredRange | null {
  const { exact } = target.quote;
  const { start, end } = target.position;
  if (end <= text.length && text.slice(start, end) === exact) return { start, end, method: 'position' };

  const exactHits = allOccurrences(text, exact);
  if (exactHits.length > 0) {
    let best = exactHits[0];
    let bestScore = -Infinity;
    for (const hit of exactHits) {
      const s = scoreCandidate(text, hit, target);
      if (s > bestScore) {
        bestScore = s;
        best = hit;
      }
    }
    return { start: best, end: best + exact.length, method: 'quote' };
  }

  if (exact.length < 8 || exact.length > 2_000) return null;
  const maxErrors = Math.min(32, Math.floor(exact.length / 5));
  const matches = search(text, exact, maxErrors);
  if (matches.length === 0) return null;
  let best = matches[0];
  let bestScore = -Infinity;
  for (const m of matches) {
    const s = scoreCandidate(text, m.start, target) - m.errors * 2;
    if (s > bestScore) {
      bestScore = s;
      best = m;
    }
  }
  return { start: best.start, end: best.end, method: 'fuzzy' };
}
