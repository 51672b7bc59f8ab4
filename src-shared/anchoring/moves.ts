/**
 * Moved passages: text the diff shows deleted in one place and inserted, perhaps edited, in another
 * (a paragraph moved and corrected). Each deleted stretch is paired with the inserted stretch that
 * keeps most of its words, and a diff of the two maps offsets from the old place to the new.
 */
import { diffTexts, keptChars, type Segment, type TextDiff } from './text-diff';

/** A passage that moved: where it was, where it is, and the diff between its two texts. */
export interface MovedBlock {
  oldStart: number;
  newStart: number;
  newText: string;
  diff: TextDiff;
}

/** Shortest stretch (characters) worth pairing. */
const MIN_BLOCK = 20;
/** Least fraction of the old passage the new one must keep to count as the same passage. */
const MIN_KEPT = 0.5;

export interface MoveFinder {
  /** The moved block holding old [start, end) wholly, or null. */
  blockFor(start: number, end: number): MovedBlock | null;
}

export function createMoveFinder(oldText: string, newText: string, diff: TextDiff): MoveFinder {
  const deleted = diff.segments.filter((s) => !s.equal && s.oldEnd - s.oldStart >= MIN_BLOCK);
  const inserted = diff.segments.filter((s) => !s.equal && s.newEnd - s.newStart >= MIN_BLOCK);
  const paired = new Map<Segment, MovedBlock | null>();

  function pair(d: Segment): MovedBlock | null {
    const oldPart = oldText.slice(d.oldStart, d.oldEnd);
    let best: MovedBlock | null = null;
    let bestKept = MIN_KEPT;
    for (const s of inserted) {
      const length = s.newEnd - s.newStart;
      if (s === d || length < oldPart.length * MIN_KEPT || length > oldPart.length * 5) continue;
      const newPart = newText.slice(s.newStart, s.newEnd);
      const sub = diffTexts(oldPart, newPart);
      const kept = keptChars(sub, 0, oldPart.length) / oldPart.length;
      if (kept > bestKept) {
        bestKept = kept;
        best = { oldStart: d.oldStart, newStart: s.newStart, newText: newPart, diff: sub };
      }
    }
    return best;
  }

  return {
    blockFor(start, end) {
      const d = deleted.find((s) => s.oldStart <= start && end <= s.oldEnd);
      if (!d) return null;
      if (!paired.has(d)) paired.set(d, pair(d));
      return paired.get(d)!;
    },
  };
}
