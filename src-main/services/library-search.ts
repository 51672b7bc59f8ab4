/**
 * The library-wide services: claims.search (text + filters, sorted, paged), claims.similar
 * ("checked before"), and claimants (list, page, merge, unmerge), all over the claim index.
 */
import { FactmarkError, type ParsedRequestOf, type ResponseOf } from '../../src-shared/contract';
import type { ClaimantSummaryRow, LibraryClaimRow } from '../../src-shared/contract-library';
import { countByStatus } from '../../src-shared/model';
import { STATUS_IDS } from '../../src-shared/statuses';
import type { ClaimIndex, ClaimRow } from '../search/claim-index';
import { claimantGroups, type ClaimantGroups } from '../search/claimant-groups';
import { libraryIndex } from '../search/library-index';
import { figuresOf, nameKey } from '../search/normalise';
import { compileFilter, filterAll, type ClaimFilter } from '../search/matches';
import { cursorFallback, cursorStart, matchOrder, orderedPrefix, type CachedQuery } from '../search/paging';
import type { ServiceContext } from './context';

type SearchRequest = ParsedRequestOf<'claims.search'>;

const DAY_MS = 86_400_000;

/** The grouping key of a claim's claimant: its merged group, or its folded name. */
function claimantGroupKey(row: ClaimRow, groups: ClaimantGroups): string {
  const group = groups.groupOf(row.claimantKey);
  return group ? `g:${group.id}` : `n:${row.claimantKey}`;
}

/** A test for a claimant filter: whole words of the filter occur in the claimant's folded name or a merged alias. */
function claimantMatcher(filter: string, groups: ClaimantGroups): (claimantKey: string) => boolean {
  const wanted = ` ${nameKey(filter)} `;
  return (claimantKey) => {
    const names = groups.groupOf(claimantKey)?.names.map(nameKey) ?? [claimantKey];
    return names.some((n) => ` ${n} `.includes(wanted));
  };
}

/** The filters of a search request. */
function claimFilter(req: SearchRequest, groups: ClaimantGroups): ClaimFilter {
  return {
    ...(req.status === undefined ? {} : { statuses: Array.isArray(req.status) ? req.status : [req.status] }),
    ...(req.claimant ? { claimant: claimantMatcher(req.claimant, groups) } : {}),
    ...(req.from ? { from: Date.parse(req.from) } : {}),
    ...(req.to ? { to: Date.parse(req.to) + (req.to.length === 10 ? DAY_MS - 1 : 0) } : {}),
    ...(req.articleId === undefined ? {} : { articleId: req.articleId }),
  };
}

export function createLibrarySearchService(ctx: ServiceContext) {
  let cached: CachedQuery | null = null;
  let claimantsCache: { key: string; list: ClaimantSummaryRow[] } | null = null;
  let titles: { rows: unknown; map: Map<string, string>; generation: number } | null = null;

  async function titleLookup(): Promise<(id: string) => string> {
    const rows = (await ctx.store.index()).articles;
    if (titles?.rows !== rows) titles = { rows, map: new Map(rows.map((r) => [r.id, r.title])), generation: (titles?.generation ?? 0) + 1 };
    const map = titles.map;
    return (id) => map.get(id) ?? '';
  }

  function toClaim(row: ClaimRow, titleOf: (id: string) => string, groups: ClaimantGroups): LibraryClaimRow {
    return {
      articleId: row.articleId,
      articleTitle: titleOf(row.articleId),
      claimId: row.claimId,
      quote: row.quote,
      claimant: row.claimant,
      claimantName: groups.groupOf(row.claimantKey)?.name ?? row.claimant,
      status: row.status,
      evidenceCount: row.evidenceCount,
      createdAt: new Date(row.created).toISOString(),
      updatedAt: new Date(row.updated).toISOString(),
      ...(row.page ? { page: row.page } : {}),
    };
  }

  async function open(): Promise<{ index: ClaimIndex; groups: ClaimantGroups; titleOf: (id: string) => string }> {
    const [index, groups, titleOf] = await Promise.all([libraryIndex(ctx).current(), claimantGroups(ctx), titleLookup()]);
    return { index, groups, titleOf };
  }

  async function search(req: SearchRequest): Promise<ResponseOf<'claims.search'>> {
    const { index, groups, titleOf } = await open();
    const text = req.text?.trim() ?? '';
    const sort = req.sort ?? (text ? 'relevance' : 'newest');
    const key = JSON.stringify([text, req.status, req.claimant, req.articleId, req.from, req.to, sort, index.generation, groups.generation, titles?.generation]);
    if (cached?.key !== key) {
      const filter = compileFilter(index, claimFilter(req, groups));
      const recycled = cached?.matches.reset(); // the one cached query is replaced: its arrays are reused
      cached = null;
      const matches = text ? index.search(text, filter, recycled) : filterAll(index, filter, req.articleId, recycled);
      cached = { key, matches, compare: matchOrder(sort, index, matches, titleOf, groups), ordered: [], whole: false };
    }
    const query = cached;
    const rowOf = (match: number) => query.matches.row(index, match);
    const hinted = Number(req.after?.split(':')[0] ?? 0);
    let ordered = orderedPrefix(query, (Number.isInteger(hinted) && hinted > 0 ? hinted : 0) + req.limit);
    let start = cursorStart(ordered, rowOf, req.after);
    if (start < 0 && !query.whole) start = cursorStart((ordered = orderedPrefix(query, Infinity)), rowOf, req.after);
    if (start < 0) start = cursorFallback(ordered, req.after!);
    ordered = orderedPrefix(query, start + req.limit);
    const page = ordered.slice(start, start + req.limit);
    const end = start + page.length;
    const last = page.length ? rowOf(page[page.length - 1]) : undefined;
    const total = query.matches.count;
    return {
      total,
      claims: page.map((m) => toClaim(rowOf(m), titleOf, groups)),
      next: end < total && last ? `${end}:${last.articleId}:${last.claimId}` : null,
    };
  }

  async function similar(req: ParsedRequestOf<'claims.similar'>): Promise<ResponseOf<'claims.similar'>> {
    const { index, groups, titleOf } = await open();
    let text: string;
    let self: number | undefined;
    if ('text' in req) text = req.text;
    else {
      const row = index.find(req.articleId, req.claimId);
      if (!row) throw new FactmarkError('not-found', `No claim with id ${req.claimId} in article ${req.articleId}`);
      text = row.quote;
      self = row.key;
    }
    const figures = new Set(figuresOf(text));
    return index.similar(text, req.limit, (row) => row.key !== self).map((hit) => ({
      ...toClaim(hit.row, titleOf, groups),
      score: Math.round(hit.score * 1000) / 1000,
      sharedFigures: figuresOf(hit.row.quote).filter((f) => figures.has(f)),
    }));
  }

  /** Claimant summaries by group key, built from every claim with a claimant. */
  function summarise(index: ClaimIndex, groups: ClaimantGroups, only?: string): Map<string, { summary: ClaimantSummaryRow; rows: ClaimRow[] }> {
    const acc = new Map<string, { spellings: Map<string, number>; rows: ClaimRow[] }>();
    for (const row of index.allRows()) {
      if (!row.claimantKey) continue;
      const key = claimantGroupKey(row, groups);
      if (only !== undefined && key !== only) continue;
      let entry = acc.get(key);
      if (!entry) acc.set(key, (entry = { spellings: new Map(), rows: [] }));
      entry.rows.push(row);
      entry.spellings.set(row.claimant, (entry.spellings.get(row.claimant) ?? 0) + 1);
    }
    const out = new Map<string, { summary: ClaimantSummaryRow; rows: ClaimRow[] }>();
    for (const [key, { spellings, rows }] of acc) {
      // Most used first; on a tie, a capitalised spelling before an all-lower-case one.
      const lower = (n: string) => (n === n.toLowerCase() ? 1 : 0);
      const byUse = [...spellings].sort((a, b) => b[1] - a[1] || lower(a[0]) - lower(b[0]) || a[0].localeCompare(b[0])).map(([n]) => n);
      const group = key.startsWith('g:') ? groups.groupOf(rows[0].claimantKey) : undefined;
      const name = group?.name ?? byUse[0];
      const aliases = [...new Set([...(group?.names ?? []), ...byUse])].filter((n) => n !== name);
      let first = Infinity;
      let last = -Infinity;
      for (const r of rows) {
        if (r.created < first) first = r.created;
        if (r.created > last) last = r.created;
      }
      out.set(key, {
        rows,
        summary: {
          name,
          aliases,
          merged: group !== undefined,
          claimCount: rows.length,
          counts: countByStatus(rows),
          firstSeen: rows.length ? new Date(first).toISOString() : null,
          lastSeen: rows.length ? new Date(last).toISOString() : null,
        },
      });
    }
    return out;
  }

  async function claimantsList(): Promise<ResponseOf<'claimants.list'>> {
    const { index, groups } = await open();
    const key = `${index.generation}:${groups.generation}`;
    if (claimantsCache?.key !== key) {
      const list = [...summarise(index, groups).values()].map((e) => e.summary).sort((a, b) => b.claimCount - a.claimCount || a.name.localeCompare(b.name));
      claimantsCache = { key, list };
    }
    return claimantsCache.list;
  }

  /** The group key a name stands for, with its summary and rows (an empty summary for a merged group with no claims). */
  function claimantEntry(index: ClaimIndex, groups: ClaimantGroups, name: string) {
    const key = nameKey(name);
    const group = groups.groupOf(key);
    const groupKey = group ? `g:${group.id}` : `n:${key}`;
    const entry = summarise(index, groups, groupKey).get(groupKey);
    if (entry) return entry;
    if (!group) throw new FactmarkError('not-found', `No claimant named "${name}" in the library`);
    const summary = { name: group.name, aliases: group.names.slice(1), merged: true, claimCount: 0, counts: countByStatus([]), firstSeen: null, lastSeen: null };
    return { summary, rows: [] };
  }

  async function claimantsGet(req: ParsedRequestOf<'claimants.get'>): Promise<ResponseOf<'claimants.get'>> {
    const { index, groups, titleOf } = await open();
    const { summary, rows } = claimantEntry(index, groups, req.name);
    const claims = [...rows].sort((a, b) => b.created - a.created).map((r) => toClaim(r, titleOf, groups));
    return { claimant: summary, claims };
  }

  function assertWritable(): void {
    if (ctx.store.access !== 'write') throw new FactmarkError('read-only', `The library at ${ctx.store.dataDir} was opened read-only`);
  }

  async function merge(req: ParsedRequestOf<'claimants.merge'>): Promise<ResponseOf<'claimants.merge'>> {
    assertWritable();
    const { index, groups } = await open();
    for (const name of req.names) claimantEntry(index, groups, name); // not-found for a name nobody used
    const into = req.into ?? req.names[0];
    await groups.merge(req.names, into, ctx.newId());
    return claimantEntry(index, groups, into).summary;
  }

  async function unmerge(req: ParsedRequestOf<'claimants.unmerge'>): Promise<ResponseOf<'claimants.unmerge'>> {
    assertWritable();
    const { index, groups } = await open();
    const names = await groups.unmerge(req.name);
    const seen = new Map<string, ClaimantSummaryRow>();
    for (const n of names) {
      try {
        const { summary } = claimantEntry(index, groups, n);
        seen.set(summary.name, summary);
      } catch {
        // a merged-in name with no claims of its own has no page
      }
    }
    return [...seen.values()];
  }

  return { search, similar, claimantsList, claimantsGet, merge, unmerge };
}

