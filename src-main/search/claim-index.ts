/**
 * The in-memory claim index of the whole library: one row per claim (what lists and filters
 * need) and a MiniSearch full-text index over quotes, notes and evidence titles, split into
 * shards by article so one article's change touches one shard and each shard persists alone.
 */
import MiniSearch, { type Options, type SearchResult } from 'minisearch';
import { pageAtOffset, type ClaimRecord, type PageStartEntry, type StatusId } from '../../src-shared/model';
import { figuresOf, nameKey, processTerm, tokenize } from './normalise';

/** What the index keeps of one claim. */
export interface ClaimRow {
  key: number;
  articleId: string;
  claimId: string;
  quote: string;
  claimant: string;
  /** nameKey(claimant), for claimant filters and grouping. */
  claimantKey: string;
  status: StatusId;
  evidenceCount: number;
  /** Milliseconds since the epoch. */
  created: number;
  updated: number;
  /** The PDF page label the claim starts on, when the article has pages. */
  page?: string;
}

/** The text MiniSearch indexes for a claim. */
interface IndexedClaim {
  id: number;
  quote: string;
  note: string;
  evidence: string;
}

/** A page start of an article: the label of a page and the text offset it begins at. */
export type PageStart = PageStartEntry;

export const SHARD_COUNT = 16;

export const MINISEARCH_OPTIONS: Options<IndexedClaim> = {
  fields: ['quote', 'note', 'evidence'],
  storeFields: [],
  tokenize,
  processTerm: (term) => processTerm(term),
  autoVacuum: { minDirtCount: 2_000, minDirtFactor: 0.2, batchSize: 5_000, batchWait: 5 },
};

/** The stable shard of an article id. */
export function shardOf(articleId: string): number {
  let h = 0;
  for (let i = 0; i < articleId.length; i++) h = (h * 31 + articleId.charCodeAt(i)) >>> 0;
  return h % SHARD_COUNT;
}

/** One shard: its rows, the claims of each article, and its full-text index. */
export class Shard {
  mini = new MiniSearch<IndexedClaim>(MINISEARCH_OPTIONS);
  readonly rows = new Map<number, ClaimRow>();
  readonly byArticle = new Map<string, number[]>();
  /** File stamp (mtime:size) each article was indexed at; '' when it came from a save not yet stamped. */
  readonly stamps = new Map<string, string>();
  /** Changed since it was last written to disk. */
  dirty = false;

  remove(articleId: string): void {
    for (const key of this.byArticle.get(articleId) ?? []) {
      this.rows.delete(key);
      this.mini.discard(key);
    }
    this.byArticle.delete(articleId);
    this.stamps.delete(articleId);
    this.dirty = true;
  }

  add(rows: ClaimRow[], texts: IndexedClaim[], articleId: string, stamp: string): void {
    for (const row of rows) this.rows.set(row.key, row);
    this.mini.addAll(texts);
    this.byArticle.set(articleId, rows.map((r) => r.key));
    this.stamps.set(articleId, stamp);
    this.dirty = true;
  }
}

/** A search hit: the row and its relevance (0 when the query had no text). */
export interface Hit {
  row: ClaimRow;
  score: number;
}

export class ClaimIndex {
  readonly shards: Shard[] = Array.from({ length: SHARD_COUNT }, () => new Shard());
  private nextKey = 1;
  /** Bumped on every change, so cached search results know they are stale. */
  generation = 0;

  /** Continue numbering after rows loaded from disk. */
  noteLoadedKeys(): void {
    for (const shard of this.shards) for (const key of shard.rows.keys()) if (key >= this.nextKey) this.nextKey = key + 1;
  }

  get size(): number {
    return this.shards.reduce((n, s) => n + s.rows.size, 0);
  }

  stampOf(articleId: string): string | undefined {
    return this.shards[shardOf(articleId)].stamps.get(articleId);
  }

  articleIds(): string[] {
    return this.shards.flatMap((s) => [...s.byArticle.keys()]);
  }

  /** Replace an article's claims in the index. */
  setArticle(articleId: string, claims: readonly ClaimRecord[], pages: readonly PageStart[] | undefined, stamp: string): void {
    const shard = this.shards[shardOf(articleId)];
    shard.remove(articleId);
    this.generation++;
    const rows: ClaimRow[] = [];
    const texts: IndexedClaim[] = [];
    for (const c of claims) {
      const key = this.nextKey++;
      rows.push({
        key,
        articleId,
        claimId: c.id,
        quote: c.target.quote.exact,
        claimant: c.claimant.trim(),
        claimantKey: nameKey(c.claimant),
        status: c.status,
        evidenceCount: c.evidence.length,
        created: Date.parse(c.createdAt),
        updated: Date.parse(c.updatedAt),
        ...(pages?.length ? { page: pageAtOffset(pages, c.target.position.start) } : {}),
      });
      texts.push({ id: key, quote: c.target.quote.exact, note: c.note, evidence: c.evidence.map((e) => e.title).join(' \n ') });
    }
    shard.add(rows, texts, articleId, stamp);
  }

  removeArticle(articleId: string): void {
    this.generation++;
    this.shards[shardOf(articleId)].remove(articleId);
  }

  /** Every row, in no particular order. */
  *allRows(): Iterable<ClaimRow> {
    for (const shard of this.shards) yield* shard.rows.values();
  }

  /** The row of one claim, if indexed. */
  find(articleId: string, claimId: string): ClaimRow | undefined {
    const shard = this.shards[shardOf(articleId)];
    for (const key of shard.byArticle.get(articleId) ?? []) {
      const row = shard.rows.get(key);
      if (row?.claimId === claimId) return row;
    }
    return undefined;
  }

  private searchShards(query: string, options: Parameters<MiniSearch['search']>[1], keep: (row: ClaimRow) => boolean): Hit[] {
    const hits: Hit[] = [];
    for (const shard of this.shards) {
      const results: SearchResult[] = shard.mini.search(query, options);
      for (const r of results) {
        const row = shard.rows.get(r.id as number);
        if (row && keep(row)) hits.push({ row, score: r.score });
      }
    }
    return hits;
  }

  /** Claims whose quote, note or evidence titles hold every word of `text` (the last one as a prefix). */
  search(text: string, keep: (row: ClaimRow) => boolean): Hit[] {
    return this.searchShards(
      text,
      { combineWith: 'AND', prefix: (_term, i, terms) => i === terms.length - 1, boost: { quote: 2 } },
      keep,
    );
  }

  /**
   * Claims whose quotes are most like `text` (BM25 over quotes, any word counts), best first;
   * a claim stating the same figures scores up to twice as high.
   */
  similar(text: string, limit: number, keep: (row: ClaimRow) => boolean): Hit[] {
    const figures = figuresOf(text);
    const hits = this.searchShards(text, { fields: ['quote'], combineWith: 'OR' }, keep);
    hits.sort((a, b) => b.score - a.score);
    // Re-rank the best candidates only: a shared figure can at most double a score.
    const candidates = hits.slice(0, Math.max(limit * 20, 200));
    if (figures.length) {
      for (const hit of candidates) {
        const theirs = new Set(figuresOf(hit.row.quote));
        const shared = figures.filter((f) => theirs.has(f)).length;
        hit.score *= 1 + shared / figures.length;
      }
    }
    return candidates.sort((a, b) => b.score - a.score).slice(0, limit);
  }
}
