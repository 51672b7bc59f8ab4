/**
 * Carry claims from one version of an article's text to the next. The texts are diffed once
 * (word level); each claim's start and end are mapped through the diff and the mapped text is
 * checked. Where the claim's text was edited, moved or removed, its quote is looked for near the
 * mapped place, among text that is new in this version (never on text that was already elsewhere),
 * and accepted only above a threshold; a nearly intact unique quote may be found anywhere new.
 * Claims are then placed one to one, and a claim that cannot be placed is orphaned, never guessed.
 */
import type { ClaimTarget } from '../model';
import { trimRange } from '../text';
import { anchorTarget } from './anchor';
import { assignOneToOne, type Contender } from './assign';
import { foldTypography, sameWording } from './fold';
import { exactCandidates, fallbackCandidates, scoreAt, SHORT_QUOTE, windowCandidates, type Candidate, type SearchScope } from './quote-search';
import { createMoveFinder, type MoveFinder } from './moves';
import { similarity } from './similarity';
import { charKept, diffTexts, keptChars, mapOffset, ownership, unchangedRange, type TextDiff } from './text-diff';

/** What happened to a claim: same text in place, same text elsewhere, edited text, or gone. */
export type CarriedState = 'exact' | 'moved' | 'changed' | 'orphaned';

export interface ReanchorInput {
  id: string;
  target: ClaimTarget;
}

export interface ReanchorResult {
  id: string;
  state: CarriedState;
  /** The claim's range in the new text; null when orphaned. */
  range: { start: number; end: number } | null;
  /** How alike the new text is to the old quote (1 for exact and moved, 0 for orphaned). */
  similarity: number;
}

/**
 * Least likeness (the best of kept words, kept characters and character similarity) for an edited
 * claim whose two ends the diff still places.
 */
function anchoredMinimum(quoteLength: number): number {
  return quoteLength < SHORT_QUOTE ? 0.6 : 0.5;
}

/**
 * True when the diff places both ends of the old range: each end's own character, or the one just
 * outside it, is unchanged (an edit starting exactly at the claim's first word still maps its start).
 */
function boundariesHeld(pair: VersionPair, old: { start: number; end: number }): boolean {
  const { diff, oldText } = pair;
  const startHeld = old.start === 0 || charKept(diff, old.start) || charKept(diff, old.start - 1);
  const endHeld = old.end === oldText.length || charKept(diff, old.end - 1) || charKept(diff, old.end);
  return startHeld && endHeld;
}

/** The fraction of the quote's words (at old offset `start`) that the new version keeps unchanged. */
function keptWords(diff: TextDiff, quote: string, start: number): number {
  let words = 0;
  let kept = 0;
  for (const m of quote.matchAll(/\S+/g)) {
    words++;
    const from = start + m.index;
    if (keptChars(diff, from, from + m[0].length) === m[0].length) kept++;
  }
  return words === 0 ? 0 : kept / words;
}

/** How much of a quote (at old offset `start`) survives as `mapped`: the best of kept words, kept characters and similarity. */
function likeness(diff: TextDiff, quote: string, start: number, mapped: string): number {
  const kept = keptChars(diff, start, start + quote.length) / Math.max(quote.length, mapped.length);
  return Math.max(keptWords(diff, quote, start), kept, similarity(mapped, quote));
}

/** The claim's place inside a passage that moved (and was perhaps edited) elsewhere. */
function movedCandidates(pair: VersionPair, target: ClaimTarget, old: { start: number; end: number }): Candidate[] {
  const block = pair.moves.blockFor(old.start, old.end);
  if (!block) return [];
  const from = old.start - block.oldStart;
  const start = block.newStart + mapOffset(block.diff, from, 'start', block.newText);
  const end = block.newStart + mapOffset(block.diff, old.end - block.oldStart, 'end', block.newText);
  if (end <= start) return [];
  const exact = target.quote.exact;
  const mapped = pair.newText.slice(start, end);
  if (sameWording(mapped, exact)) return [{ start, end, state: 'moved', quote: 1, score: 500 }];
  const q = likeness(block.diff, exact, from, mapped);
  return q >= anchoredMinimum(exact.length) ? [{ start, end, state: 'changed', quote: q, score: 50 + q }] : [];
}

/** The old and new texts, their diff and what is derived from them once. */
interface VersionPair {
  oldText: string;
  newText: string;
  folded: string;
  diff: TextDiff;
  newRegions: Array<{ start: number; end: number }>;
  moves: MoveFinder;
}

function pairOf(oldText: string, newText: string, diff: TextDiff): VersionPair {
  const newRegions = diff.segments.filter((s) => !s.equal && s.newEnd > s.newStart).map((s) => ({ start: s.newStart, end: s.newEnd }));
  return { oldText, newText, folded: foldTypography(newText), diff, newRegions, moves: createMoveFinder(oldText, newText, diff) };
}

function trimmed(pair: VersionPair, c: Candidate): Candidate | null {
  const r = trimRange(pair.newText, c.start, c.end);
  return r ? { ...c, ...r } : null;
}

/** A claim whose old range is `old` (its quote is there in the old text): its acceptable new places, best first. */
function locate(pair: VersionPair, target: ClaimTarget, old: { start: number; end: number }): Contender<Candidate> {
  const { diff, newText } = pair;
  const exact = target.quote.exact;
  const start = mapOffset(diff, old.start, 'start', newText);
  const end = mapOffset(diff, old.end, 'end', newText);
  if (unchangedRange(diff, old.start, old.end)) {
    return { old, certain: true, candidates: [{ start, end, state: 'exact', quote: 1, score: Infinity }] };
  }
  const mapped = newText.slice(start, end);
  const scope: SearchScope = {
    text: newText,
    folded: pair.folded,
    hint: { start, end },
    owned: (from, to) => ownership(diff, old.start, old.end, from, to),
    fallbackRegions: () => pair.newRegions,
  };
  const candidates: Candidate[] = [];
  const held = boundariesHeld(pair, old);
  if (end > start && sameWording(mapped, exact)) {
    candidates.push({ start, end, state: 'exact', quote: 1, score: 1_000 });
  } else if (end > start) {
    const q = likeness(diff, exact, old.start, mapped);
    // With both ends placed by the diff the mapped range wins; otherwise it competes with the searches.
    const score = held ? 100 + q : scoreAt(scope, target, start, end, q);
    if (q >= anchoredMinimum(exact.length)) candidates.push({ start, end, state: 'changed', quote: q, score });
  }
  // The same words nearby on text that can be the claim's beat an edit read from a misaligned diff.
  const same = exactCandidates(scope, target).filter((c) => Math.abs(c.start - start) <= Math.max(64, exact.length));
  if (candidates[0]?.state === 'changed' && same.length > 0) candidates.unshift({ ...same[0], score: 1_000 });
  if (!held || candidates.length === 0) candidates.push(...exactCandidates(scope, target), ...windowCandidates(scope, target));
  if (candidates.length === 0) candidates.push(...movedCandidates(pair, target, old));
  if (candidates.length === 0) candidates.push(...fallbackCandidates(scope, target));
  const usable = candidates.map((c) => trimmed(pair, c)).filter((c): c is Candidate => c !== null);
  return { old, certain: false, candidates: usable.sort((a, b) => b.score - a.score) };
}

/** A claim whose quote is not at its recorded position in the old text either: found as when opening. */
function locateStale(pair: VersionPair, target: ClaimTarget): Contender<Candidate> {
  const old = anchorTarget(pair.oldText, target);
  if (old) return locate(pair, target, old);
  const found = anchorTarget(pair.newText, target);
  const state = found?.method === 'fuzzy' ? 'changed' : 'moved';
  const candidates = found ? [{ start: found.start, end: found.end, state, quote: similarity(pair.newText.slice(found.start, found.end), target.quote.exact), score: 0 } as Candidate] : [];
  return { old: target.position, certain: false, candidates };
}

/** Carry every claim from oldText to newText; results in input order. Pass `diff` to reuse one. */
export function reanchorClaims(oldText: string, newText: string, claims: readonly ReanchorInput[], diff = diffTexts(oldText, newText)): ReanchorResult[] {
  const pair = pairOf(oldText, newText, diff);
  const contenders = claims.map(({ target }) => {
    const { start, end } = target.position;
    return oldText.slice(start, end) === target.quote.exact ? locate(pair, target, { start, end }) : locateStale(pair, target);
  });
  return assignOneToOne(contenders).map((c, i) => ({
    id: claims[i].id,
    state: c ? c.state : 'orphaned',
    range: c ? { start: c.start, end: c.end } : null,
    similarity: c ? c.quote : 0,
  }));
}

/** Claims per state, every state present. */
export function countStates(results: readonly { state: CarriedState }[]): Record<CarriedState, number> {
  const counts: Record<CarriedState, number> = { exact: 0, moved: 0, changed: 0, orphaned: 0 };
  for (const r of results) counts[r.state] += 1;
  return counts;
}
