/**
 * One shard of the claim index (the claims of the articles that hash to it): a row per claim,
 * numbered by a local doc number, and an inverted index from term id to a posting list of packed
 * numbers (doc × 64 + quote term count × 8 + other-field term count), kept in doc order because
 * docs are only ever appended. A removed claim leaves a hole until the shard is compacted.
 */
import type { ClaimRow } from './claim-row';
import { DocColumns } from './columns';

/** Claims are spread over this many shards by article. */
export const SHARD_COUNT = 64;

/** The stable shard of an article id. */
export function shardOf(articleId: string): number {
  let h = 0;
  for (let i = 0; i < articleId.length; i++) h = (h * 31 + articleId.charCodeAt(i)) >>> 0;
  return h % SHARD_COUNT;
}

/** Term counts are kept up to 7 per field (BM25 saturates well before that). */
const MAX_TF = 7;

export function packPosting(doc: number, quoteTf: number, otherTf: number): number {
  return doc * 64 + Math.min(quoteTf, MAX_TF) * 8 + Math.min(otherTf, MAX_TF);
}
/** The doc of a posting (postings stay below 2^32: a shard holds fewer than 2^26 docs). */
export const postingDoc = (p: number): number => p >>> 6;
export const postingQuoteTf = (p: number): number => (p >>> 3) & 7;
export const postingOtherTf = (p: number): number => p & 7;

/** A claim's indexed terms: term id -> [count in the quote, count in the note and evidence titles]. */
export type TermCounts = Map<number, [number, number]>;

export class Shard {
  /** Local doc number -> row (undefined once removed). */
  docs: (ClaimRow | undefined)[] = [];
  /** Token counts of each doc's quote and of its other fields, for BM25's length normalisation. */
  quoteLen: number[] = [];
  otherLen: number[] = [];
  /** Status, creation time and claimant of each doc, for filters and sorts. */
  columns = new DocColumns();
  postings = new Map<number, number[]>();
  readonly byArticle = new Map<string, number[]>();
  /** File stamp (mtime:size) each article was indexed at; '' when it came from a save not yet stamped. */
  readonly stamps = new Map<string, string>();
  live = 0;
  sumQuoteLen = 0;
  sumOtherLen = 0;
  /** Changed since it was last written to disk. */
  dirty = false;

  /** Append a row (its postings are added by the caller); returns its doc number. */
  appendRow(row: ClaimRow, claimantId: number, quoteLen: number, otherLen: number): number {
    const doc = this.docs.length;
    this.docs.push(row);
    this.quoteLen.push(quoteLen);
    this.otherLen.push(otherLen);
    this.columns.set(doc, row.status, row.created, claimantId);
    this.live++;
    this.sumQuoteLen += quoteLen;
    this.sumOtherLen += otherLen;
    const docs = this.byArticle.get(row.articleId);
    if (docs) docs.push(doc);
    else this.byArticle.set(row.articleId, [doc]);
    return doc;
  }

  /** A row's status, dates or claimant changed in place: its columns follow. */
  updateColumns(doc: number, row: ClaimRow, claimantId: number): void {
    this.columns.set(doc, row.status, row.created, claimantId);
    this.dirty = true;
  }

  addDoc(row: ClaimRow, claimantId: number, terms: TermCounts, quoteLen: number, otherLen: number): number {
    const doc = this.appendRow(row, claimantId, quoteLen, otherLen);
    for (const [term, [q, o]] of terms) {
      const list = this.postings.get(term);
      if (list) list.push(packPosting(doc, q, o));
      else this.postings.set(term, [packPosting(doc, q, o)]);
    }
    this.dirty = true;
    return doc;
  }

  removeDoc(doc: number): void {
    if (!this.docs[doc]) return;
    this.docs[doc] = undefined;
    this.live--;
    this.sumQuoteLen -= this.quoteLen[doc];
    this.sumOtherLen -= this.otherLen[doc];
    this.dirty = true;
  }

  /** Compact when removed docs are over a quarter of the shard (call between updates, never while iterating docs). */
  maybeCompact(): void {
    const dead = this.docs.length - this.live;
    if (dead > 2_000 && dead > this.live / 4) this.compact();
  }

  /** Renumber the live docs from 0 and drop removed ones from every posting list. */
  compact(): void {
    if (this.live === this.docs.length) return;
    const renumber = new Int32Array(this.docs.length).fill(-1);
    const docs: ClaimRow[] = [];
    const quoteLen: number[] = [];
    const otherLen: number[] = [];
    this.docs.forEach((row, d) => {
      if (!row) return;
      renumber[d] = docs.length;
      docs.push(row);
      quoteLen.push(this.quoteLen[d]);
      otherLen.push(this.otherLen[d]);
    });
    const postings = new Map<number, number[]>();
    for (const [term, list] of this.postings) {
      const kept: number[] = [];
      for (const p of list) {
        const to = renumber[postingDoc(p)];
        if (to >= 0) kept.push(to * 64 + (p % 64));
      }
      if (kept.length) postings.set(term, kept);
    }
    for (const [id, list] of this.byArticle) this.byArticle.set(id, list.map((d) => renumber[d]).filter((d) => d >= 0));
    this.columns = this.columns.renumbered(renumber);
    this.docs = docs;
    this.quoteLen = quoteLen;
    this.otherLen = otherLen;
    this.postings = postings;
  }

  /** The live rows of an article, with their doc numbers. */
  *articleDocs(articleId: string): Iterable<[number, ClaimRow]> {
    for (const d of this.byArticle.get(articleId) ?? []) {
      const row = this.docs[d];
      if (row) yield [d, row];
    }
  }

  removeArticle(articleId: string): void {
    for (const d of this.byArticle.get(articleId) ?? []) this.removeDoc(d);
    this.byArticle.delete(articleId);
    this.stamps.delete(articleId);
    this.dirty = true;
  }
}
