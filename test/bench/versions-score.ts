/** Scoring re-anchoring results against the truth, per edit kind, for the versions benchmark. */
import type { CarriedState } from '../../src-shared/anchoring/reanchor';
import type { Truth } from './versions-article';

export interface Placement {
  range: { start: number; end: number } | null;
  /** The state reported (ours); absent for Hypothesis, which reports none. */
  state?: CarriedState;
}

export interface Tally {
  claims: number;
  unchanged: number;
  unchangedExact: number;
  edited: number;
  editedFound: number;
  editedFoundFlagged: number;
  removed: number;
  removedOrphaned: number;
  wrong: number;
  flagged: number;
  flaggedRight: number;
}

export const emptyTally = (): Tally => ({
  claims: 0, unchanged: 0, unchangedExact: 0, edited: 0, editedFound: 0, editedFoundFlagged: 0,
  removed: 0, removedOrphaned: 0, wrong: 0, flagged: 0, flaggedRight: 0,
});

/** Found: the overlap with the true range is at least half of the longer of the two. */
export function overlapsEnough(placed: { start: number; end: number }, truth: [number, number]): boolean {
  const overlap = Math.min(placed.end, truth[1]) - Math.max(placed.start, truth[0]);
  return overlap >= 0.5 * Math.max(placed.end - placed.start, truth[1] - truth[0]);
}

/** Add one claim's outcome to a tally. */
export function count(t: Tally, truth: Truth, p: Placement): void {
  t.claims++;
  const placed = p.range;
  const found = placed !== null && truth.kind !== 'removed' && overlapsEnough(placed, truth.range);
  if (placed && !found) t.wrong++;
  if (p.state === 'changed') {
    t.flagged++;
    if (truth.kind === 'edited' || truth.kind === 'partial') t.flaggedRight++;
  }
  if (truth.kind === 'unchanged') {
    t.unchanged++;
    const sameText = p.state === undefined || p.state === 'exact' || p.state === 'moved';
    if (placed && placed.start === truth.range[0] && placed.end === truth.range[1] && sameText) t.unchangedExact++;
  } else if (truth.kind === 'edited') {
    t.edited++;
    if (found) t.editedFound++;
    if (found && p.state === 'changed') t.editedFoundFlagged++;
  } else if (truth.kind === 'removed') {
    t.removed++;
    if (!placed) t.removedOrphaned++;
  }
}

export function addTally(into: Tally, from: Tally): void {
  for (const key of Object.keys(into) as (keyof Tally)[]) into[key] += from[key];
}

const pct = (n: number, d: number) => (d === 0 ? '   —  ' : `${((100 * n) / d).toFixed(1).padStart(5)}%`);

/** One row of the side-by-side table. */
export function row(kind: string, ours: Tally, theirs: Tally): string {
  return [
    kind.padEnd(32),
    String(ours.claims).padStart(6),
    `${pct(ours.unchangedExact, ours.unchanged)} ${pct(theirs.unchangedExact, theirs.unchanged)}`,
    `${pct(ours.editedFoundFlagged, ours.edited)} ${pct(theirs.editedFound, theirs.edited)}`,
    `${pct(ours.wrong, ours.claims)} ${pct(theirs.wrong, theirs.claims)}`,
    `${pct(ours.removedOrphaned, ours.removed)} ${pct(theirs.removedOrphaned, theirs.removed)}`,
    pct(ours.flaggedRight, ours.flagged),
  ].join(' | ');
}

export const HEADER = [
  'edit kind'.padEnd(32),
  'claims',
  'unchanged exact  ',
  'edited found(+flag)',
  'wrong anchors    ',
  'removed orphaned ',
  'changed prec.',
].join(' | ') + '\n' + ' '.repeat(41) + '|  ours   Hyp.   |  ours   Hyp.      |  ours   Hyp.     |  ours   Hyp.     | ours';
