/**
 * A query's matching claims, kept compact: a reference per claim (doc number × SHARD_COUNT +
 * shard) and its score in typed arrays, so a query matching half a million claims allocates no
 * object per claim; plus the filters of a library search compiled to checks over a shard's
 * typed columns (status, creation time, claimant), each claimant judged once per query.
 */
import { STATUS_IDS, type StatusId } from '../../src-shared/statuses';
import type { ClaimIndex } from './claim-index';
import type { ClaimRow } from './claim-row';
import { statusNumber } from './columns';
import { SHARD_COUNT, type Shard } from './shard';

export class Matches {
  refs = new Int32Array(1024);
  scores = new Float64Array(1024);
  count = 0;

  /** Empty again, keeping its arrays (for the next query). */
  reset(): this {
    this.count = 0;
    return this;
  }

  add(shard: number, doc: number, score: number): void {
    if (this.count === this.refs.length) {
      const refs = new Int32Array(this.count * 2);
      const scores = new Float64Array(this.count * 2);
      refs.set(this.refs);
      scores.set(this.scores);
      this.refs = refs;
      this.scores = scores;
    }
    this.refs[this.count] = doc * SHARD_COUNT + shard;
    this.scores[this.count++] = score;
  }

  shardOf(i: number): number {
    return this.refs[i] % SHARD_COUNT;
  }

  docOf(i: number): number {
    return Math.floor(this.refs[i] / SHARD_COUNT);
  }

  /** The row of match i (the index must not have changed since the query). */
  row(index: ClaimIndex, i: number): ClaimRow {
    return index.shards[this.shardOf(i)].docs[this.docOf(i)]!;
  }
}

/** Whether a shard's doc passes a search's filters. */
export type DocFilter = (shard: Shard, doc: number) => boolean;

export interface ClaimFilter {
  statuses?: readonly StatusId[];
  /** Creation time bounds, milliseconds since the epoch, inclusive. */
  from?: number;
  to?: number;
  articleId?: string;
  /** Whether a folded claimant name passes (asked once per name per query). */
  claimant?: (claimantKey: string) => boolean;
}

/** The filter as a check over a shard's columns. */
export function compileFilter(index: ClaimIndex, spec: ClaimFilter): DocFilter {
  let mask: Uint8Array | null = null;
  if (spec.statuses) {
    mask = new Uint8Array(STATUS_IDS.length);
    for (const s of spec.statuses) mask[statusNumber(s)] = 1;
  }
  const from = spec.from ?? -Infinity;
  const to = spec.to ?? Infinity;
  const { articleId, claimant } = spec;
  /** Per claimant number: 0 not judged yet, 1 passes, 2 does not. */
  const judged = claimant ? new Uint8Array(index.claimantKeys.length) : null;
  return (shard, doc) => {
    const columns = shard.columns;
    if (mask !== null && mask[columns.status[doc]] === 0) return false;
    const created = columns.created[doc];
    if (created < from || created > to) return false;
    if (articleId !== undefined && shard.docs[doc]?.articleId !== articleId) return false;
    if (judged !== null) {
      const id = columns.claimant[doc];
      if (judged[id] === 0) judged[id] = claimant!(index.claimantKeys[id]) ? 1 : 2;
      if (judged[id] !== 1) return false;
    }
    return true;
  };
}

/** Every live claim passing `filter` (score 0), only the article's claims when the filter names one. */
export function filterAll(index: ClaimIndex, filter: DocFilter, articleId?: string, out = new Matches()): Matches {
  index.shards.forEach((shard, s) => {
    if (!shard.live) return;
    if (articleId !== undefined) {
      for (const d of shard.byArticle.get(articleId) ?? []) if (shard.docs[d] && filter(shard, d)) out.add(s, d, 0);
      return;
    }
    const docs = shard.docs;
    for (let d = 0; d < docs.length; d++) if (docs[d] !== undefined && filter(shard, d)) out.add(s, d, 0);
  });
  return out;
}
