/**
 * A word-level diff of two versions of a text, computed once per article, as a list of aligned
 * segments, with the position queries re-anchoring needs. Two levels keep it fast on long
 * articles: jsdiff aligns sentence- and line-sized chunks first, then each run of changed chunks
 * is diffed word by word (diffWordsWithSpace). Typography is folded first (see fold.ts).
 */
import { diffArrays, diffWordsWithSpace } from 'diff';
import { foldTypography } from './fold';

/** A stretch of the old text and the stretch of the new text it became; `equal` when unchanged. */
export interface Segment {
  oldStart: number;
  oldEnd: number;
  newStart: number;
  newEnd: number;
  equal: boolean;
}

export interface TextDiff {
  oldLength: number;
  newLength: number;
  /** In order in both texts, covering both completely; no two neighbours are both unequal. */
  segments: Segment[];
}

/** Give up word-diffing one changed stretch after this long (it then counts as replaced whole). */
const HUNK_TIMEOUT_MS = 150;

/** Unchanged chunks shorter than this (characters) do not end a changed stretch, unless they end a line or the text. */
const MIN_ANCHOR_CHUNK = 40;

/** Cut a text into chunks ending after a line break or a sentence's final punctuation and space. */
export function chunkText(text: string): string[] {
  const chunks: string[] = [];
  const boundary = /\n+|[.!?]+["'\u2019\u201D\u00BB)\]]*[ \u00A0]+/g;
  let from = 0;
  for (let m = boundary.exec(text); m; m = boundary.exec(text)) {
    chunks.push(text.slice(from, m.index + m[0].length));
    from = m.index + m[0].length;
  }
  if (from < text.length) chunks.push(text.slice(from));
  return chunks;
}

/** Appends segments, merging neighbours of the same kind. */
class SegmentList {
  readonly segments: Segment[] = [];
  private oldAt = 0;
  private newAt = 0;

  push(oldLength: number, newLength: number, equal: boolean): void {
    if (oldLength === 0 && newLength === 0) return;
    const last = this.segments[this.segments.length - 1];
    if (last && last.equal === equal) {
      last.oldEnd += oldLength;
      last.newEnd += newLength;
    } else {
      this.segments.push({ oldStart: this.oldAt, oldEnd: this.oldAt + oldLength, newStart: this.newAt, newEnd: this.newAt + newLength, equal });
    }
    this.oldAt += oldLength;
    this.newAt += newLength;
  }
}

/** Word-diff one changed stretch into the list. */
function diffHunk(list: SegmentList, oldPart: string, newPart: string): void {
  if (!oldPart || !newPart) return list.push(oldPart.length, newPart.length, false);
  const changes = diffWordsWithSpace(oldPart, newPart, { timeout: HUNK_TIMEOUT_MS });
  if (!changes) return list.push(oldPart.length, newPart.length, false);
  for (const change of changes) {
    if (change.added) list.push(0, change.value.length, false);
    else if (change.removed) list.push(change.value.length, 0, false);
    else list.push(change.value.length, change.value.length, true);
  }
}

/** Diff two versions of a text. */
export function diffTexts(oldText: string, newText: string): TextDiff {
  const list = new SegmentList();
  const oldFolded = foldTypography(oldText);
  const oldChunks = chunkText(oldFolded);
  const newChunks = chunkText(foldTypography(newText));
  let pendingOld = '';
  let pendingNew = '';
  const changes = diffArrays(oldChunks, newChunks);
  changes.forEach((change, i) => {
    const joined = change.value.join('');
    const fragment = joined.length < MIN_ANCHOR_CHUNK && !joined.endsWith('\n') && i < changes.length - 1;
    if (change.removed) pendingOld += joined;
    else if (change.added) pendingNew += joined;
    else if ((pendingOld || pendingNew) && fragment) {
      // A short piece of a sentence in common ("Mr. ") between changes is no anchor: the word diff realigns it.
      pendingOld += joined;
      pendingNew += joined;
    } else {
      diffHunk(list, pendingOld, pendingNew);
      pendingOld = pendingNew = '';
      list.push(joined.length, joined.length, true);
    }
  });
  diffHunk(list, pendingOld, pendingNew);
  return { oldLength: oldText.length, newLength: newText.length, segments: mergeSlivers(list.segments, oldFolded) };
}

/** The larger side of a changed segment. */
const changeSize = (s: Segment) => Math.max(s.oldEnd - s.oldStart, s.newEnd - s.newStart);

/**
 * Semantic clean-up as in diff-match-patch: an unchanged sliver of a line between two changes, no
 * longer than either change (the space in "Robin␣" -> "UPDATE:␣This … Elisa"), joins them into one
 * change. A sliver holding a line break is a whole unchanged paragraph and stays.
 */
function mergeSlivers(segments: Segment[], oldText: string): Segment[] {
  const out: Segment[] = [];
  for (const s of segments) {
    const last = out[out.length - 1];
    const beforeLast = out[out.length - 2];
    if (!s.equal && last?.equal && beforeLast && !beforeLast.equal) {
      const sliver = last.oldEnd - last.oldStart;
      if (sliver <= changeSize(beforeLast) && sliver <= changeSize(s) && !oldText.slice(last.oldStart, last.oldEnd).includes('\n')) {
        out.pop();
        beforeLast.oldEnd = s.oldEnd;
        beforeLast.newEnd = s.newEnd;
        continue;
      }
    }
    if (!s.equal && last && !last.equal) {
      last.oldEnd = s.oldEnd;
      last.newEnd = s.newEnd;
      continue;
    }
    out.push({ ...s });
  }
  return out;
}

/** Index of the last segment whose `key` is <= value (segments are sorted by both starts). */
function lastSegmentAtOrBefore(segments: readonly Segment[], value: number, key: 'oldStart' | 'newStart'): number {
  let lo = 0;
  let hi = segments.length - 1;
  let found = 0;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (segments[mid][key] <= value) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

/**
 * Where an old offset lands in the new text. A claim's `start` skips text inserted exactly there
 * (it goes before the claim) and its `end` does not take it in. In a changed stretch, a start
 * keeps its distance from the stretch's end and an end its distance from the stretch's start
 * (the claim's part of the stretch is assumed rewritten in place, so text added before a changed
 * first word stays outside the claim), moved outward to a word boundary and kept in the stretch.
 */
export function mapOffset(diff: TextDiff, offset: number, side: 'start' | 'end', newText?: string): number {
  const { segment, mapped } = mapInSegment(diff, offset, side);
  if (!segment || segment.equal || !newText) return mapped;
  if (side === 'start') {
    let n = Math.max(segment.newStart, segment.newEnd - (segment.oldEnd - offset));
    while (n > segment.newStart && !/\s/.test(newText[n - 1])) n--;
    return n;
  }
  let n = Math.min(segment.newEnd, segment.newStart + (offset - segment.oldStart));
  while (n < segment.newEnd && !/\s/.test(newText[n])) n++;
  return n;
}

/** The segment an old offset falls in for a start or an end, and its plain mapping (see mapOffset). */
function mapInSegment(diff: TextDiff, offset: number, side: 'start' | 'end'): { segment: Segment | null; mapped: number } {
  const { segments } = diff;
  if (segments.length === 0) return { segment: null, mapped: 0 };
  let i = lastSegmentAtOrBefore(segments, offset, 'oldStart');
  // Skip pure insertions, which hold no old offset: a start belongs to what follows them, an end to what precedes.
  if (side === 'start') {
    while (i < segments.length - 1 && segments[i].oldEnd <= offset) i++;
  } else {
    while (i > 0 && segments[i].oldStart >= offset) i--;
  }
  const s = segments[i];
  if (s.equal) return { segment: s, mapped: s.newStart + Math.min(Math.max(offset - s.oldStart, 0), s.oldEnd - s.oldStart) };
  // An offset at the far edge of a changed stretch is really at the neighbouring unchanged text.
  if (side === 'start' && offset >= s.oldEnd) return { segment: null, mapped: s.newEnd };
  if (side === 'end' && offset <= s.oldStart) return { segment: null, mapped: s.newStart };
  return { segment: s, mapped: side === 'start' ? s.newStart : s.newEnd };
}

/** True when every character of old [start, end) is unchanged and nothing was inserted inside it. */
export function unchangedRange(diff: TextDiff, start: number, end: number): boolean {
  const { segments } = diff;
  const i = lastSegmentAtOrBefore(segments, start, 'oldStart');
  for (let j = i; j < segments.length && segments[j].oldStart < end; j++) {
    const s = segments[j];
    if (s.equal || s.oldEnd <= start) continue;
    // A pure insertion exactly at a boundary is outside the range; anything else touching it is a change.
    if (s.oldStart === s.oldEnd && (s.oldStart === start || s.oldStart === end)) continue;
    return false;
  }
  return true;
}

/** How many characters of old [start, end) are kept unchanged in the new text. */
export function keptChars(diff: TextDiff, start: number, end: number): number {
  const { segments } = diff;
  let kept = 0;
  for (let j = lastSegmentAtOrBefore(segments, start, 'oldStart'); j < segments.length && segments[j].oldStart < end; j++) {
    const s = segments[j];
    if (s.equal) kept += Math.max(0, Math.min(s.oldEnd, end) - Math.max(s.oldStart, start));
  }
  return kept;
}

/** True when the old character at `offset` is kept unchanged in the new text. */
export function charKept(diff: TextDiff, offset: number): boolean {
  const { segments } = diff;
  let i = lastSegmentAtOrBefore(segments, offset, 'oldStart');
  while (i < segments.length - 1 && segments[i].oldEnd <= offset) i++;
  const s = segments[i];
  return !!s && s.equal && offset >= s.oldStart && offset < s.oldEnd;
}

/**
 * For each character of new [from, to): true when it belongs to the claim at old [start, end),
 * i.e. it is new text or unchanged text that came from inside that range. Other text was already
 * in the old version somewhere else, so the claim cannot have gone there.
 */
export function ownership(diff: TextDiff, oldStart: number, oldEnd: number, from: number, to: number): Uint8Array {
  const own = new Uint8Array(Math.max(0, to - from));
  const { segments } = diff;
  for (let j = lastSegmentAtOrBefore(segments, from, 'newStart'); j < segments.length && segments[j].newStart < to; j++) {
    const s = segments[j];
    const a = Math.max(s.newStart, from);
    const b = Math.min(s.newEnd, to);
    if (!s.equal) {
      own.fill(1, a - from, b - from);
      continue;
    }
    // Unchanged text: new offset n came from old offset n + shift.
    const shift = s.oldStart - s.newStart;
    const lo = Math.max(a, oldStart - shift);
    const hi = Math.min(b, oldEnd - shift);
    if (hi > lo) own.fill(1, lo - from, hi - from);
  }
  return own;
}
