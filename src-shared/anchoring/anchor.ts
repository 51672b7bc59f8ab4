/**
 * Selectors -> text range when an article is opened: the position if the text there still
 * equals the quote; else the quote, exactly or fuzzily, near that position or (nearly intact and
 * unique) anywhere, with the same search and thresholds that carry claims to a new version
 * (quote-search.ts). Null means the claim is an orphan.
 */
import type { ClaimTarget } from '../model';
import { foldTypography } from './fold';
import { exactCandidates, fallbackCandidates, windowCandidates, type SearchScope } from './quote-search';

export interface AnchoredRange {
  start: number;
  end: number;
  /** How it was found: 'position' (unchanged), 'quote' (the same text elsewhere), 'fuzzy' (text changed). */
  method: 'position' | 'quote' | 'fuzzy';
}

/** The folded text of the last text anchored in, so anchoring many claims folds it once. */
let lastFolded: { text: string; folded: string } | null = null;

function foldedOnce(text: string): string {
  if (lastFolded?.text !== text) lastFolded = { text, folded: foldTypography(text) };
  return lastFolded.folded;
}

/** Anchor a claim target in text; null when it cannot be found (an orphan). */
export function anchorTarget(text: string, target: ClaimTarget): AnchoredRange | null {
  const { exact } = target.quote;
  const { start, end } = target.position;
  if (end <= text.length && text.slice(start, end) === exact) return { start, end, method: 'position' };
  const hint = { start: Math.min(start, text.length), end: Math.min(end, text.length) };
  const scope: SearchScope = { text, folded: foldedOnce(text), hint };
  const found = [...exactCandidates(scope, target), ...windowCandidates(scope, target)].sort((a, b) => b.score - a.score)[0]
    ?? fallbackCandidates(scope, target)[0];
  if (!found) return null;
  return { start: found.start, end: found.end, method: found.state === 'changed' ? 'fuzzy' : 'quote' };
}

/** Anchor a claim: one carried to a new version as an orphan stays an orphan until re-attached. */
export function anchorClaim(text: string, claim: { target: ClaimTarget; carried?: { state: string } }): AnchoredRange | null {
  return claim.carried?.state === 'orphaned' ? null : anchorTarget(text, claim.target);
}
