/**
 * Paging a library search: the order of each sort, and the first hits of a query put in order
 * lazily (a bounded heap for the first pages of a large result, a whole sort for small results or
 * deep pages), with cursors ("offset:articleId:claimId") that survive a list that moved.
 */
import { FactmarkError } from '../../src-shared/contract';
import { STATUS_IDS } from '../../src-shared/statuses';
import type { Hit } from './claim-row';
import type { ClaimantGroups } from './claimant-groups';
import { nameKey } from './normalise';
import { topK } from './top-k';

/** The order of a sort: relevance, newest, oldest, status, claimant or article (names compared folded, each folded once). */
export function hitOrder(sort: string, titleOf: (id: string) => string, groups: ClaimantGroups): (a: Hit, b: Hit) => number {
  const newest = (a: Hit, b: Hit) => b.row.created - a.row.created || a.row.key - b.row.key;
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
  const orders: Record<string, (a: Hit, b: Hit) => number> = {
    relevance: (a, b) => b.score - a.score || newest(a, b),
    newest,
    oldest: (a, b) => -newest(a, b),
    status: (a, b) => STATUS_IDS.indexOf(a.row.status) - STATUS_IDS.indexOf(b.row.status) || newest(a, b),
    claimant: (a, b) => byName(claimantName(a.row.claimantKey), claimantName(b.row.claimantKey)) || newest(a, b),
    article: (a, b) => byName(articleName(a.row.articleId), articleName(b.row.articleId)) || a.row.key - b.row.key,
  };
  return orders[sort];
}

/** Hits up to this many are sorted whole; more are paged with a bounded heap until a page lies deeper than TOP_K_LIMIT. */
const FULL_SORT_LIMIT = 5_000;
const TOP_K_LIMIT = 2_000;

/** The matching hits of one query (unsorted), and the part of them put in order so far. */
export interface CachedQuery {
  key: string;
  hits: Hit[];
  compare: (a: Hit, b: Hit) => number;
  /** The first hits in order (all of them once `whole`). */
  ordered: Hit[];
  whole: boolean;
}

/** At least the first n hits in order (all of them when there are fewer). */
export function orderedPrefix(q: CachedQuery, n: number): Hit[] {
  if (q.whole || q.ordered.length >= Math.min(n, q.hits.length)) return q.ordered;
  if (q.hits.length <= FULL_SORT_LIMIT || n > TOP_K_LIMIT) {
    q.ordered = [...q.hits].sort(q.compare);
    q.whole = true;
  } else q.ordered = topK(q.hits, n, q.compare);
  return q.ordered;
}

/** Where a page starts: after the claim its cursor names ("offset:articleId:claimId"), found again if the list moved; -1 when that claim is not in `ordered`. */
export function cursorStart(ordered: Hit[], after: string | undefined): number {
  if (!after) return 0;
  const [offsetText, articleId, claimId] = after.split(':');
  const offset = Number(offsetText);
  const at = (i: number) => ordered[i]?.row.articleId === articleId && ordered[i]?.row.claimId === claimId;
  if (Number.isInteger(offset) && offset > 0 && at(offset - 1)) return offset;
  const found = ordered.findIndex((h) => h.row.articleId === articleId && h.row.claimId === claimId);
  return found >= 0 ? found + 1 : -1;
}

/** A cursor whose claim is gone (deleted or filtered out since): its offset, if it is one. */
export function cursorFallback(ordered: Hit[], after: string): number {
  const offset = Number(after.split(':')[0]);
  if (!Number.isInteger(offset) || offset < 0) throw new FactmarkError('invalid-input', `Not a search cursor: "${after.slice(0, 60)}"`);
  return Math.min(offset, ordered.length);
}
