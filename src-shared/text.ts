/**
 * The plain-text projection of an article: every textblock's text, joined by BLOCK_SEPARATOR,
 * with hard breaks as "\n". Maps ProseMirror positions to text offsets and back. Everything that
 * anchors (editor, CLI, exports, re-anchoring) goes through this one module.
 */
import type { Node as PMNode } from 'prosemirror-model';

/** Placed between consecutive textblocks in the projection. */
export const BLOCK_SEPARATOR = '\n\n';

/** One textblock: its content start in the document and its offset/length in the text. */
interface BlockSpan {
  pos: number;
  offset: number;
  length: number;
}

export interface TextProjection {
  text: string;
  blocks: readonly BlockSpan[];
}

/** The projection of one inline node: text as is, a hard break as "\n", any other leaf as U+FFFC. */
function inlineText(node: PMNode): string {
  if (node.isText) return node.text ?? '';
  if (node.type.name === 'hard_break') return '\n';
  return '\uFFFC';
}

/** Build the projection of a document. Each inline position step is exactly one character. */
export function projectText(doc: PMNode): TextProjection {
  const parts: string[] = [];
  const blocks: BlockSpan[] = [];
  let offset = 0;
  doc.descendants((node, pos) => {
    if (!node.isTextblock) return true;
    if (blocks.length > 0) {
      parts.push(BLOCK_SEPARATOR);
      offset += BLOCK_SEPARATOR.length;
    }
    let blockText = '';
    node.forEach((child) => {
      const t = inlineText(child);
      // Non-text leaves have nodeSize 1, text nodes one per character: the mapping stays linear.
      blockText += t.length === child.nodeSize ? t : t.padEnd(child.nodeSize, '\uFFFC');
    });
    blocks.push({ pos: pos + 1, offset, length: blockText.length });
    parts.push(blockText);
    offset += blockText.length;
    return false;
  });
  return { text: parts.join(''), blocks };
}

/** The plain text of a document (shorthand for projectText(doc).text). */
export function docText(doc: PMNode): string {
  return projectText(doc).text;
}

/** Index of the last block whose start is <= key, by binary search on `get`. */
function lastAtOrBefore(blocks: readonly BlockSpan[], key: number, get: (b: BlockSpan) => number): number {
  let lo = 0;
  let hi = blocks.length - 1;
  let found = 0;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (get(blocks[mid]) <= key) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

/**
 * The document position of a text offset. An offset inside a block separator snaps to the end
 * of the previous block (`bias` -1) or the start of the next one (`bias` 1).
 */
export function offsetToPos(proj: TextProjection, offset: number, bias: -1 | 1 = 1): number {
  const { blocks } = proj;
  if (blocks.length === 0) return 0;
  const i = lastAtOrBefore(blocks, offset, (b) => b.offset);
  const b = blocks[i];
  if (offset <= b.offset + b.length) return b.pos + Math.max(0, offset - b.offset);
  const next = blocks[i + 1];
  if (!next || bias < 0) return b.pos + b.length;
  return next.pos;
}

/** The text offset of a document position; a position between blocks snaps like offsetToPos. */
export function posToOffset(proj: TextProjection, pos: number, bias: -1 | 1 = 1): number {
  const { blocks } = proj;
  if (blocks.length === 0) return 0;
  const i = lastAtOrBefore(blocks, pos, (b) => b.pos);
  const b = blocks[i];
  if (pos < b.pos) return bias < 0 ? 0 : b.offset;
  if (pos <= b.pos + b.length) return b.offset + (pos - b.pos);
  const next = blocks[i + 1];
  if (!next || bias < 0) return b.offset + b.length;
  return next.offset;
}

/** Shrink [start, end) so it neither starts nor ends with whitespace; null when nothing remains. */
export function trimRange(text: string, start: number, end: number): { start: number; end: number } | null {
  let s = Math.max(0, start);
  let e = Math.min(text.length, end);
  while (s < e && /\s/.test(text[s])) s++;
  while (e > s && /\s/.test(text[e - 1])) e--;
  return e > s ? { start: s, end: e } : null;
}
