/**
 * Paging a library search: the order of each sort over a query's matches, and the first matches
 * put in order lazily (a bounded heap for the first pages of a large result, a whole sort for
 * small results or deep pages), with cursors ("offset:articleId:claimId") that survive a list
 * that moved. Matches are referred to by their number in the query's Matches.
 */
import { FactmarkError } from '../../src-shared/contract';
import type { ClaimIndex } from './claim-index';
import type { ClaimantGroups } from './claimant-groups';
import type { Matches } from './matches';
import { nameKey } from './normalise';
import { topKOfRange } from './top-k';

/** The order of a sort over match numbers: relevance, newest, oldest, status, claimant or article (names compared folded, each folded once). */
export function matchOrder(sort: string, index: ClaimIndex, matches: Matches, titleOf: (id: string) => string, groups: ClaimantGroups): (a: number, b: number) => number {
  const { scores } = matches;
  const shards = index.shards;
  const created = (i: number) => shards[matches.shardOf(i)].columns.created[matches.docOf(i)];
  const status = (i: number) => shards[matches.shardOf(i)].columns.status[matches.docOf(i)];
  const row = (i: number) => matches.row(index, i);
  const newest = (a: number, b: number) => created(b) - created(a) || row(a).key - row(b).key;
  const byName = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  const memo = (fn: (key: string) => string) => {
    const seen = new Map<string, string>();
    return (key: string) => {
      let value = seen.get(key);
      if (value === undefined) seen.set(key, (value = fn(key)));
      return value;
    };
  };
  const claimantName = memo((key) => (groups.groupOf(key) ? nameKey(groups.groupOf(key)!.name) : key));
  const articleName = memo((id) => titleOf(id).toLowerCase());
  const orders: Record<string, (a: number, b: number) => number> = {
    relevance: (a, b) => scores[b] - scores[a] || newest(a, b),
    newest,
    oldest: (a, b) => -newest(a, b),
    status: (a, b) => status(a) - status(b) || newest(a, b),
    claimant: (a, b) => byName(claimantName(row(a).claimantKey), claimantName(row(b).claimantKey)) || newest(a, b),
    article: (a, b) => byName(articleName(row(a).articleId), articleName(row(b).articleId)) || row(a).key - row(b).key,
  };
  return orders[sort];
}

/** Matches up to this many are sorted whole; more are paged with a bounded heap until a page lies deeper than TOP_K_LIMIT. */
const FULL_SORT_LIMIT = 5_000;
const TOP_K_LIMIT = 2_000;

/** The matches of one query (unsorted), and the part of them put in order so far. */
export interface CachedQuery {
  key: string;
  matches: Matches;
  compare: (a: number, b: number) => number;
  /** The first match numbers in order (all of them once `whole`). */
  ordered: number[];
  whole: boolean;
}

/** At least the first n matches in order (all of them when there are fewer). */
export function orderedPrefix(q: CachedQuery, n: number): number[] {
  const count = q.matches.count;
  if (q.whole || q.ordered.length >= Math.min(n, count)) return q.ordered;
  if (count <= FULL_SORT_LIMIT || n > TOP_K_LIMIT) {
    q.ordered = Array.from({ length: count }, (_, i) => i).sort(q.compare);
    q.whole = true;
  } else q.ordered = topKOfRange(count, n, q.compare);
  return q.ordered;
}

/** Where a page starts: after the claim its cursor names ("offset:articleId:claimId"), found again if the list moved; -1 when that claim is not in `ordered`. */
export function cursorStart(ordered: number[], rowOf: (match: number) => { articleId: string; claimId: string }, after: string | undefined): number {
  if (!after) return 0;
  const [offsetText, articleId, claimId] = after.split(':');
  const offset = Number(offsetText);
  const at = (i: number) => {
    const row = rowOf(ordered[i]);
    return row.articleId === articleId && row.claimId === claimId;
  };
  if (Number.isInteger(offset) && offset > 0 && offset <= ordered.length && at(offset - 1)) return offset;
  for (let i = 0; i < ordered.length; i++) if (at(i)) return i + 1;
  return -1;
}

/** A cursor whose claim is gone (deleted or filtered out since): its offset, if it is one. */
export function cursorFallback(ordered: number[], after: string): number {
  const offset = Number(after.split(':')[0]);
  if (!Number.isInteger(offset) || offset < 0) throw new FactmarkError('invalid-input', `Not a search cursor: "${after.slice(0, 60)}"`);
  return Math.min(offset, ordered.length);
}
