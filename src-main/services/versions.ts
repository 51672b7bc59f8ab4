/**
 * Versions of an article: which article a new import continues (named, or the same source URL),
 * carrying that version's claims over to the new text with the shared re-anchoring module, the
 * chain of versions, the text changes between two versions, and the reviewer's answers to carried
 * claims (accept the new anchoring, or re-attach to a new selection).
 */
import { FactmarkError, type ParsedRequestOf, type ResponseOf } from '../../src-shared/contract';
import { describeRange } from '../../src-shared/anchoring/describe';
import { carriedClaim } from '../../src-shared/claims';
import { countStates, reanchorClaims, type CarriedState } from '../../src-shared/anchoring/reanchor';
import { diffTexts } from '../../src-shared/anchoring/text-diff';
import type { ArticleSummaryRow, ClaimRecord } from '../../src-shared/model';
import type { ArticleData } from '../store/files';
import { resolveRange } from './claims';
import type { ServiceContext } from './context';

/** Claims per carried state, as an import reports them. */
export type CarryCounts = Record<CarriedState, number>;

/** Statuses whose verdict must be looked at again when the claim's text changed. */
const VERDICTS_TO_REVIEW = new Set(['verified', 'false']);

/** The version that came after `id` (the most recently imported if there are several). */
function successorOf(rows: readonly ArticleSummaryRow[], id: string): ArticleSummaryRow | undefined {
  return rows.filter((r) => r.previousVersionId === id).sort((a, b) => b.importedAt.localeCompare(a.importedAt))[0];
}

/** Every version of the article `id` belongs to, oldest first. */
export function versionChain(rows: readonly ArticleSummaryRow[], id: string): ArticleSummaryRow[] {
  const byId = new Map(rows.map((r) => [r.id, r]));
  const start = byId.get(id);
  if (!start) return [];
  const chain = [start];
  const seen = new Set([id]);
  for (let r = byId.get(start.previousVersionId ?? ''); r && !seen.has(r.id); r = byId.get(r.previousVersionId ?? '')) {
    chain.unshift(r);
    seen.add(r.id);
  }
  for (let r = successorOf(rows, start.id); r && !seen.has(r.id); r = successorOf(rows, r.id)) {
    chain.push(r);
    seen.add(r.id);
  }
  return chain;
}

/** The 1-based version number of an article in its chain. */
export function versionNumber(rows: readonly ArticleSummaryRow[], id: string): number {
  return versionChain(rows, id).findIndex((r) => r.id === id) + 1;
}

/**
 * The article an explicit `newVersionOf` names, checked: it exists, its text differs from the new
 * one, and it is the newest version of its article. Throws a one-line error otherwise.
 */
export function checkNewVersionOf(rows: readonly ArticleSummaryRow[], id: string, textHash: string): ArticleSummaryRow {
  const row = rows.find((r) => r.id === id);
  if (!row) throw new FactmarkError('not-found', `No article with id ${id} to import a new version of`);
  if (row.textHash === textHash) {
    throw new FactmarkError('invalid-input', `The text is the same as "${row.title}" (${row.id}): it is not a new version; nothing imported`);
  }
  const next = successorOf(rows, id);
  if (next) {
    throw new FactmarkError('invalid-input', `"${row.title}" (${row.id}) is not the newest version: import a new version of ${next.id} instead`);
  }
  return row;
}

/**
 * The previous version's claims re-anchored in the new text, as claims of the new article: same
 * status, claimant, evidence, note and history (plus "carried from version N"), each with its
 * `carried` record. An orphan keeps its old selectors.
 */
export function carryClaims(
  ctx: ServiceContext,
  input: { previous: ArticleData; previousText: string; previousVersion: number; articleId: string; text: string; reviewer: string },
): { claims: ClaimRecord[]; counts: CarryCounts } {
  const { previous, text } = input;
  const results = reanchorClaims(input.previousText, text, previous.claims.map((c) => ({ id: c.id, target: c.target })));
  const now = ctx.clock().toISOString();
  const claims = previous.claims.map((old, i): ClaimRecord => {
    const { state, range } = results[i];
    const needsReview = state === 'changed' && VERDICTS_TO_REVIEW.has(old.status);
    return carriedClaim(old, {
      id: ctx.newId(),
      articleId: input.articleId,
      target: range ? describeRange(text, range.start, range.end) : old.target,
      stamp: { at: now, reviewer: input.reviewer },
      fromVersion: input.previousVersion,
      carried: {
        fromArticleId: previous.article.id,
        fromClaimId: old.id,
        state,
        previousQuote: old.target.quote.exact,
        ...(needsReview ? { needsReview } : {}),
      },
    });
  });
  return { claims, counts: countStates(results) };
}

export function createVersionsService(ctx: ServiceContext) {
  async function list(req: ParsedRequestOf<'versions.list'>): Promise<ResponseOf<'versions.list'>> {
    await ctx.store.article(req.articleId); // not-found check
    const rows = (await ctx.store.index()).articles;
    return versionChain(rows, req.articleId).map((r, i) => ({
      id: r.id,
      title: r.title,
      importedAt: r.importedAt,
      version: i + 1,
      claimCount: r.claimCount,
    }));
  }

  /** The text changes from the previous version to this one, in this version's offsets. */
  async function changes(req: ParsedRequestOf<'versions.changes'>): Promise<ResponseOf<'versions.changes'>> {
    const data = await ctx.store.article(req.articleId);
    const previousId = data.article.previousVersionId;
    const rows = (await ctx.store.index()).articles;
    if (!previousId || !rows.some((r) => r.id === previousId)) return { previousArticleId: null, previousVersion: null, changes: [] };
    const previous = await ctx.store.article(previousId);
    const oldText = ctx.texts.of(previous.article);
    const diff = diffTexts(oldText, ctx.texts.of(data.article));
    return {
      previousArticleId: previousId,
      previousVersion: versionNumber(rows, previousId),
      changes: diff.segments
        .filter((s) => !s.equal)
        .map((s) => ({ start: s.newStart, end: s.newEnd, deleted: oldText.slice(s.oldStart, s.oldEnd) })),
    };
  }

  /** A carried claim of this article, at the revision the caller saw. */
  async function carriedClaim(articleId: string, claimId: string, baseRevision: number) {
    const data = await ctx.store.article(articleId);
    const claim = data.claims.find((c) => c.id === claimId);
    if (!claim) throw new FactmarkError('not-found', `No claim with id ${claimId} in this article`);
    if (claim.revision !== baseRevision) {
      throw new FactmarkError('conflict', `This claim was changed elsewhere (revision ${claim.revision}, you edited ${baseRevision}); reload it to see the newer version`);
    }
    return { data, claim };
  }

  async function save(data: ArticleData, next: ClaimRecord): Promise<ClaimRecord> {
    await ctx.store.writeArticle({ ...data, claims: data.claims.map((c) => (c.id === next.id ? next : c)) });
    return next;
  }

  /** The reviewer accepts a carried claim's new anchoring (and so its re-review flag). */
  async function accept(req: ParsedRequestOf<'claims.acceptCarried'>): Promise<ClaimRecord> {
    const { data, claim } = await carriedClaim(req.articleId, req.claimId, req.baseRevision);
    if (!claim.carried) throw new FactmarkError('invalid-input', 'This claim was not carried from an earlier version');
    if (claim.carried.state === 'orphaned') throw new FactmarkError('invalid-input', 'This claim’s text is gone: re-attach it to a new selection or delete it');
    const now = ctx.clock().toISOString();
    const { needsReview: _cleared, ...carried } = claim.carried;
    return save(data, { ...claim, carried: { ...carried, resolvedAt: now }, updatedAt: now, revision: claim.revision + 1 });
  }

  /** Attach a carried claim (typically an orphan) to a new range of the article's text. */
  async function reattach(req: ParsedRequestOf<'claims.reattach'>): Promise<ClaimRecord> {
    const { data, claim } = await carriedClaim(req.articleId, req.claimId, req.baseRevision);
    const text = ctx.texts.of(data.article);
    const { start, end } = resolveRange(text, req.range);
    const now = ctx.clock().toISOString();
    const carried = claim.carried ? { ...claim.carried, state: 'changed' as const, resolvedAt: now } : undefined;
    return save(data, { ...claim, target: describeRange(text, start, end), ...(carried ? { carried } : {}), updatedAt: now, revision: claim.revision + 1 });
  }

  return { list, changes, accept, reattach };
}
