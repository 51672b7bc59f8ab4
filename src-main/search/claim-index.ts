/**
 * The in-memory claim index of the whole library: one row per claim (what lists and filters
 * need) and a compact inverted index over quotes, notes and evidence titles, split into shards by
 * article so one article's change touches one shard and each shard persists alone. An article
 * save re-indexes only the claims whose text changed; the rest just get their new status, dates
 * and counts. Queries live in claim-query.ts.
 */
import { pageAtOffset, type ClaimRecord, type PageStartEntry } from '../../src-shared/model';
import { fnv1a32 } from '../../src-shared/fnv1a';
import type { ClaimRow, Hit } from './claim-row';
import { searchIndex, similarInIndex } from './claim-query';
import { Dictionary } from './dictionary';
import type { DocFilter, Matches } from './matches';
import { nameKey, termsOf } from './normalise';
import { Shard, SHARD_COUNT, shardOf, type TermCounts } from './shard';
import { Vocabulary } from './vocabulary';

export type { ClaimRow, Hit } from './claim-row';

/** A page start of an article: the label of a page and the text offset it begins at. */
export type PageStart = PageStartEntry;

export { SHARD_COUNT, shardOf } from './shard';

/** The text a claim is found by besides its quote: its note and its evidence titles. */
function otherText(claim: ClaimRecord): string {
  return [claim.note, ...claim.evidence.map((e) => e.title)].join('\n');
}

export class ClaimIndex {
  readonly shards: Shard[] = Array.from({ length: SHARD_COUNT }, () => new Shard());
  readonly vocabulary = new Vocabulary();
  private nextKey = 1;
  /** Folded claimant names and their numbers (a shard's claimant column holds the numbers). */
  private readonly claimants = new Dictionary();
  readonly claimantKeys: readonly string[] = this.claimants.values;
  /** Bumped on every change, so cached search results know they are stale. */
  generation = 0;

  /** A fresh unique row key (rows loaded from disk take new ones too). */
  newKey(): number {
    return this.nextKey++;
  }

  /** The number of a folded claimant name, added when new. */
  claimantId(claimantKey: string): number {
    return this.claimants.of(claimantKey);
  }

  get size(): number {
    return this.shards.reduce((n, s) => n + s.live, 0);
  }

  stampOf(articleId: string): string | undefined {
    return this.shards[shardOf(articleId)].stamps.get(articleId);
  }

  articleIds(): string[] {
    return this.shards.flatMap((s) => [...s.byArticle.keys()]);
  }

  /** Add one row to a shard with its indexed text; returns its doc number. */
  addRow(shard: Shard, row: ClaimRow, quote: string, other: string): number {
    const counts: TermCounts = new Map();
    const quoteTerms = termsOf(quote);
    const otherTerms = termsOf(other);
    for (const t of quoteTerms) {
      const id = this.vocabulary.intern(t);
      const c = counts.get(id);
      if (c) c[0]++;
      else counts.set(id, [1, 0]);
    }
    for (const t of otherTerms) {
      const id = this.vocabulary.intern(t);
      const c = counts.get(id);
      if (c) c[1]++;
      else counts.set(id, [0, 1]);
    }
    return shard.addDoc(row, this.claimantId(row.claimantKey), counts, quoteTerms.length, otherTerms.length);
  }

  /** Bring an article's claims in the index up to date: only claims whose text changed are re-indexed. */
  setArticle(articleId: string, claims: readonly ClaimRecord[], pages: readonly PageStart[] | undefined, stamp: string): void {
    const shard = this.shards[shardOf(articleId)];
    this.generation++;
    const existing = new Map<string, [number, ClaimRow]>();
    for (const [d, row] of shard.articleDocs(articleId)) existing.set(row.claimId, [d, row]);
    const docs: number[] = [];
    for (const c of claims) {
      const quote = c.target.quote.exact;
      const other = otherText(c);
      const textHash = fnv1a32(`${quote}\u0000${other}`);
      const fields = {
        claimant: c.claimant.trim(),
        claimantKey: nameKey(c.claimant),
        status: c.status,
        evidenceCount: c.evidence.length,
        created: Date.parse(c.createdAt),
        updated: Date.parse(c.updatedAt),
        page: pages?.length ? pageAtOffset(pages, c.target.position.start) : undefined,
      };
      const old = existing.get(c.id);
      existing.delete(c.id);
      if (old && old[1].textHash === textHash) {
        Object.assign(old[1], fields);
        if (fields.page === undefined) delete old[1].page;
        shard.updateColumns(old[0], old[1], this.claimantId(fields.claimantKey));
        docs.push(old[0]);
        continue;
      }
      if (old) shard.removeDoc(old[0]);
      const row: ClaimRow = { key: this.newKey(), articleId, claimId: c.id, quote, ...fields, textHash };
      if (row.page === undefined) delete row.page;
      docs.push(this.addRow(shard, row, quote, other));
    }
    for (const [d] of existing.values()) shard.removeDoc(d);
    shard.byArticle.set(articleId, docs);
    shard.stamps.set(articleId, stamp);
    shard.dirty = true;
    shard.maybeCompact();
  }

  removeArticle(articleId: string): void {
    this.generation++;
    const shard = this.shards[shardOf(articleId)];
    shard.removeArticle(articleId);
    shard.maybeCompact();
  }

  /** Every row, in no particular order. */
  *allRows(): Iterable<ClaimRow> {
    for (const shard of this.shards) for (const row of shard.docs) if (row) yield row;
  }

  /** The row of one claim, if indexed. */
  find(articleId: string, claimId: string): ClaimRow | undefined {
    for (const [, row] of this.shards[shardOf(articleId)].articleDocs(articleId)) if (row.claimId === claimId) return row;
    return undefined;
  }

  /** How many docs hold a term (removed docs not yet compacted included). */
  documentFrequency(termId: number): number {
    let df = 0;
    for (const shard of this.shards) df += shard.postings.get(termId)?.length ?? 0;
    return df;
  }

  /** Claims whose quote, note or evidence titles hold every word of `text` (the last one as a prefix) and pass `filter`. */
  search(text: string, filter: DocFilter, into?: Matches): Matches {
    return searchIndex(this, text, filter, into);
  }

  /** Claims whose quotes are most like `text`, best first (see claim-query.ts). */
  similar(text: string, limit: number, keep: (row: ClaimRow) => boolean): Hit[] {
    return similarInIndex(this, text, limit, keep);
  }
}
