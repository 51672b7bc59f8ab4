/**
 * The versions benchmark's article model: paragraphs of sentences of words, every word with an id,
 * so that after an edit the true new place of each claim is known. Rendering joins words with a
 * space (or the word's own separator), sentences the same way, paragraphs with a blank line.
 */

export interface Word {
  id: number;
  text: string;
  /** The id of the word this one replaced (a correction or rewording). */
  origin?: number;
  /** Only its typography changed (curly quotes, dashes): the same word for the reader. */
  retyped?: boolean;
  /** What follows the word inside its paragraph; a space unless changed. */
  sep?: string;
}

export type Sentence = Word[];
export type Paragraph = Sentence[];
export type Doc = Paragraph[];

/** A source of fresh word ids. */
export class Ids {
  private next = 1;
  take(): number {
    return this.next++;
  }
}

/** Split a plain text into paragraphs, sentences and words. */
export function parseArticle(text: string, ids: Ids): Doc {
  return text
    .split(/\n{2,}/)
    .map((p) => p.replace(/\s+/g, ' ').trim())
    .filter(Boolean)
    .map((p) =>
      p
        .split(/(?<=[.!?]["'\u2019\u201D)]?)\s+(?=\S)/)
        .map((s) => s.split(' ').filter(Boolean).map((text) => ({ id: ids.take(), text }))),
    );
}

/** A deep copy (words copied, ids kept). */
export function cloneDoc(doc: Doc): Doc {
  return doc.map((p) => p.map((s) => s.map((w) => ({ ...w }))));
}

export interface Rendered {
  text: string;
  /** Each word's [start, end) in the text. */
  spans: Map<number, [number, number]>;
  /** Each word's index in reading order. */
  order: Map<number, number>;
}

export function render(doc: Doc): Rendered {
  let text = '';
  const spans = new Map<number, [number, number]>();
  const order = new Map<number, number>();
  doc.forEach((paragraph, pi) => {
    if (pi > 0) text += '\n\n';
    const words = paragraph.flat();
    words.forEach((w, wi) => {
      spans.set(w.id, [text.length, text.length + w.text.length]);
      order.set(w.id, order.size);
      text += w.text;
      if (wi < words.length - 1) text += w.sep ?? ' ';
    });
  });
  return { text, spans, order };
}

/** A claim: a run of words in the old version, from its first to its last word id. */
export interface BenchClaim {
  id: string;
  words: number[];
  size: 'short' | 'medium' | 'sentence' | 'multi';
}

/** What became of a claim, by construction. */
export type Truth =
  | { kind: 'unchanged'; range: [number, number] }
  | { kind: 'edited' | 'partial'; range: [number, number] }
  | { kind: 'removed' };

/** The true new place of a claim after an edit. */
export function truthOf(claim: BenchClaim, newDoc: Doc, rendered: Rendered): Truth {
  const present = new Map<number, Word>();
  const replacements: Word[] = [];
  const ids = new Set(claim.words);
  for (const w of newDoc.flat(2)) {
    if (ids.has(w.id)) present.set(w.id, w);
    else if (w.origin !== undefined && ids.has(w.origin)) replacements.push(w);
  }
  const survivors = claim.words.filter((id) => present.has(id));
  const positions = [...survivors, ...replacements.map((w) => w.id)].map((id) => rendered.spans.get(id)!);
  const orderOf = survivors.map((id) => rendered.order.get(id)!);
  const contiguous = orderOf.every((o, i) => i === 0 || o === orderOf[i - 1] + 1);
  if (survivors.length === claim.words.length && replacements.length === 0 && contiguous) {
    return { kind: 'unchanged', range: [rendered.spans.get(claim.words[0])![0], rendered.spans.get(claim.words.at(-1)!)![1]] };
  }
  const kept = survivors.length / claim.words.length;
  if (kept <= 0.34 || positions.length === 0) return { kind: 'removed' };
  const range: [number, number] = [Math.min(...positions.map((p) => p[0])), Math.max(...positions.map((p) => p[1]))];
  return { kind: kept >= 0.6 ? 'edited' : 'partial', range };
}

/** Deterministic random numbers: the training script's seeded mulberry32. */
export { seeded as randomSource } from '../../src-shared/seeded';

export const pick = <T>(rng: () => number, items: readonly T[]): T => items[Math.floor(rng() * items.length)];

/** Claims of every length over a document: about one per 20 words, some overlapping. */
export function makeClaims(doc: Doc, rng: () => number, perWords = 20): BenchClaim[] {
  const claims: BenchClaim[] = [];
  const total = doc.flat(2).length;
  const wanted = Math.max(12, Math.round(total / perWords));
  const sizes: BenchClaim['size'][] = ['short', 'short', 'medium', 'medium', 'sentence', 'multi'];
  for (let attempt = 0; claims.length < wanted && attempt < wanted * 20; attempt++) {
    const paragraph = pick(rng, doc);
    const si = Math.floor(rng() * paragraph.length);
    const sentence = paragraph[si];
    const size = pick(rng, sizes);
    let words: Word[];
    if (size === 'short' || size === 'medium') {
      const length = size === 'short' ? 3 + Math.floor(rng() * 3) : 6 + Math.floor(rng() * 9);
      if (sentence.length < length + 1) continue;
      const from = Math.floor(rng() * (sentence.length - length + 1));
      words = sentence.slice(from, from + length);
    } else if (size === 'sentence') {
      if (sentence.length < 4) continue;
      words = sentence;
    } else {
      const count = 2 + Math.floor(rng() * 2);
      if (si + count > paragraph.length) continue;
      words = paragraph.slice(si, si + count).flat();
    }
    claims.push({ id: `c${claims.length}`, words: words.map((w) => w.id), size });
  }
  return claims;
}
