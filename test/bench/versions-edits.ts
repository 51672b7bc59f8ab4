/**
 * Newsroom-style edits for the versions benchmark, each applied to a copy of an article: paragraphs
 * inserted at the top or in the middle, a paragraph moved, a sentence deleted, a figure or a name
 * corrected, a quote reworded, a passage repeated elsewhere (a pull quote) under an insertion
 * above, typography and spacing changed, and a mix of several. Each returns null when the article
 * offers nothing to edit that way.
 */
import { cloneDoc, pick, type BenchClaim, type Doc, type Ids, type Paragraph, type Word } from './versions-article';

export interface EditContext {
  rng: () => number;
  ids: Ids;
  claims: readonly BenchClaim[];
  /** Real paragraphs from another article, to insert. */
  donor: readonly string[];
}

export type Edit = (doc: Doc, ctx: EditContext) => Doc | null;

function paragraphFrom(text: string, ids: Ids): Paragraph {
  return text.split(/(?<=[.!?])\s+/).map((s) => s.split(' ').filter(Boolean).map((t) => ({ id: ids.take(), text: t })));
}

const claimedIds = (ctx: EditContext) => new Set(ctx.claims.flatMap((c) => c.words));

/** A word inside a claim that passes `test`, preferring claimed ones; null when none. */
function findWord(doc: Doc, ctx: EditContext, test: (w: Word, index: number, sentence: Word[]) => boolean): { word: Word; sentence: Word[] } | null {
  const claimed = claimedIds(ctx);
  const all = doc.flatMap((p) => p.flatMap((s) => s.map((w, i) => ({ word: w, sentence: s, index: i })))).filter((x) => test(x.word, x.index, x.sentence));
  const preferred = all.filter((x) => claimed.has(x.word.id));
  const pool = preferred.length ? preferred : all;
  return pool.length ? pick(ctx.rng, pool) : null;
}

const insertAt = (where: (doc: Doc) => number): Edit => (doc, ctx) => {
  const out = cloneDoc(doc);
  out.splice(where(out), 0, paragraphFrom(pick(ctx.rng, ctx.donor), ctx.ids));
  return out;
};

export const insertTop = insertAt(() => 0);
export const insertMiddle = insertAt((doc) => Math.floor(doc.length / 2));

/** A paragraph with claims moves from the first half to the second. */
export const moveParagraph: Edit = (doc, ctx) => {
  if (doc.length < 3) return null;
  const claimed = claimedIds(ctx);
  const half = Math.floor(doc.length / 2);
  const candidates = doc.slice(0, half).map((p, i) => ({ p, i })).filter(({ p }) => p.flat().some((w) => claimed.has(w.id)));
  if (candidates.length === 0) return null;
  const { i } = pick(ctx.rng, candidates);
  const out = cloneDoc(doc);
  const [moved] = out.splice(i, 1);
  out.splice(half + Math.floor(ctx.rng() * (out.length - half + 1)), 0, moved);
  return out;
};

/** A sentence holding a claim is deleted (its paragraph must keep another sentence). */
export const deleteSentence: Edit = (doc, ctx) => {
  const claimed = claimedIds(ctx);
  const spots = doc.flatMap((p, pi) => p.map((s, si) => ({ pi, si, s }))).filter(({ pi, s }) => doc[pi].length > 1 && s.some((w) => claimed.has(w.id)));
  if (spots.length === 0) return null;
  const { pi, si } = pick(ctx.rng, spots);
  const out = cloneDoc(doc);
  out[pi].splice(si, 1);
  return out;
};

function replaceWord(doc: Doc, ctx: EditContext, word: Word, text: string): Doc {
  const out = cloneDoc(doc);
  for (const s of out.flat()) {
    const i = s.findIndex((w) => w.id === word.id);
    if (i >= 0) s[i] = { id: ctx.ids.take(), text, origin: word.id, sep: s[i].sep };
  }
  return out;
}

/** A figure is corrected: every digit of a number in a claim changes. */
export const correctFigure: Edit = (doc, ctx) => {
  const found = findWord(doc, ctx, (w) => /\d/.test(w.text));
  if (!found) return null;
  return replaceWord(doc, ctx, found.word, found.word.text.replace(/\d/g, (d) => String((Number(d) + 3) % 10)));
};

const NAMES = ['Elisa', 'Robin', 'Okafor', 'Martins', 'Delgado', 'Novak', 'Haddad', 'Brennan'];

/**
 * A name is corrected: a capitalised word inside a sentence becomes another name, preferably one
 * that appears elsewhere in the article (a copy-edit "Robin" -> "Elisa" where "Elisa" occurs earlier).
 */
export const correctName: Edit = (doc, ctx) => {
  const isName = (w: Word, i: number) => i > 0 && /^\p{Lu}\p{Ll}{2,}[,.]?$/u.test(w.text);
  const found = findWord(doc, ctx, isName);
  if (!found) return null;
  const bare = (t: string) => t.replace(/[,.]$/, '');
  const others = [...new Set(doc.flat(2).filter((w, i) => isName(w, i) && bare(w.text) !== bare(found.word.text)).map((w) => bare(w.text)))];
  const replacement = others.length ? pick(ctx.rng, others) : pick(ctx.rng, NAMES.filter((n) => n !== bare(found.word.text)));
  return replaceWord(doc, ctx, found.word, replacement + found.word.text.slice(bare(found.word.text).length));
};

/** Replacement phrases by word count: a rewording replaces words one for one, so each new word has a known original. */
const REWORDINGS: Record<number, string[]> = { 2: ['would not', 'could still', 'might yet'], 3: ['had no plans', 'was unlikely to', 'never intended to'] };

/** A quote is reworded: two or three words inside a claimed sentence (a quotation when there is one) are replaced. */
export const rewordQuote: Edit = (doc, ctx) => {
  const claimed = claimedIds(ctx);
  const sentences = doc.flat().filter((s) => s.length >= 8 && s.some((w) => claimed.has(w.id)));
  if (sentences.length === 0) return null;
  const quoted = sentences.filter((s) => s.some((w) => /["\u201C\u201D]/.test(w.text)));
  const sentence = pick(ctx.rng, quoted.length ? quoted : sentences);
  const count = 2 + Math.floor(ctx.rng() * 2);
  const from = 1 + Math.floor(ctx.rng() * (sentence.length - count - 2));
  const out = cloneDoc(doc);
  for (const s of out.flat()) {
    if (s[0].id !== sentence[0].id) continue;
    const removed = s.slice(from, from + count);
    const words = pick(ctx.rng, REWORDINGS[count]).split(' ');
    s.splice(from, count, ...words.map((text, k) => ({ id: ctx.ids.take(), text, origin: removed[k].id })));
  }
  return out;
};

/**
 * A claimed sentence is repeated as a paragraph of its own two paragraphs above (a pull quote, or
 * boilerplate repeated), under a new paragraph at the top: the claim must stay on the original.
 */
export const repeatPassage: Edit = (doc, ctx) => {
  const claimed = claimedIds(ctx);
  const spots = doc.flatMap((p, pi) => p.map((s, si) => ({ pi, si, s }))).filter(({ pi, s }) => pi > 0 && s.length >= 5 && s.some((w) => claimed.has(w.id)));
  if (spots.length === 0) return null;
  const { pi, s } = pick(ctx.rng, spots);
  const out = cloneDoc(doc);
  out.splice(Math.max(0, pi - 2), 0, [s.map((w) => ({ id: ctx.ids.take(), text: w.text }))]);
  out.unshift(paragraphFrom(pick(ctx.rng, ctx.donor), ctx.ids));
  return out;
};

const CURLY: Array<[RegExp, string]> = [
  [/^"/, '\u201C'], [/"$/, '\u201D'], [/"([,.;:!?)]+)$/, '\u201D$1'], [/'/g, '\u2019'], [/^--?$/, '\u2014'], [/^-$/, '\u2013'],
];

/** House style: straight quotes become curly, hyphens between words dashes, and some spaces double or non-breaking. */
export const retypeset: Edit = (doc, ctx) => {
  const out = cloneDoc(doc);
  for (const w of out.flat(2)) {
    let text = w.text;
    for (const [pattern, replacement] of CURLY) text = text.replace(pattern, replacement);
    if (text !== w.text) Object.assign(w, { text, retyped: true });
    const r = ctx.rng();
    if (r < 0.05) w.sep = '  ';
    else if (r < 0.08 && /\d$/.test(w.text)) w.sep = '\u00A0';
  }
  return out;
};

/** Several edits at once, as a real update often is. */
export const mixed: Edit = (doc, ctx) => {
  let out: Doc | null = doc;
  for (const edit of [correctFigure, deleteSentence, moveParagraph, insertTop, correctName]) out = edit(out, ctx) ?? out;
  return out === doc ? null : out;
};

export const EDITS: Record<string, Edit> = {
  'paragraph inserted at top': insertTop,
  'paragraph inserted in middle': insertMiddle,
  'paragraph moved': moveParagraph,
  'sentence deleted': deleteSentence,
  'figure corrected': correctFigure,
  'name corrected': correctName,
  'quote reworded': rewordQuote,
  'sentence repeated + insert above': repeatPassage,
  'typography and spacing': retypeset,
  'several edits at once': mixed,
};
