/** The claims service: create, update, delete, restore and list the claims of an article. */
import { FactmarkError, type ParsedRequestOf } from '../../src-shared/contract';
import { applyPatch, newClaim, revised, type ChangeStamp } from '../../src-shared/claims';
import { allOccurrences, describeRange } from '../../src-shared/anchoring/describe';
import { claimantsOf, inDocumentOrder, type ClaimRecord } from '../../src-shared/model';
import { trimRange } from '../../src-shared/text';
import type { ServiceContext } from './context';

type RangeRequest = ParsedRequestOf<'claims.create'>['range'];

/** Resolve a requested range to trimmed text offsets, or throw invalid-input saying why. */
export function resolveRange(text: string, range: RangeRequest): { start: number; end: number } {
  let start: number;
  let end: number;
  if ('quote' in range) {
    const hits = allOccurrences(text, range.quote);
    if (hits.length === 0) throw new FactmarkError('invalid-input', `The quote was not found in the article: "${range.quote.slice(0, 60)}"`);
    const occurrence = range.occurrence ?? 1;
    if (occurrence > hits.length) {
      throw new FactmarkError('invalid-input', `The quote occurs ${hits.length} time(s); occurrence ${occurrence} does not exist`);
    }
    start = hits[occurrence - 1];
    end = start + range.quote.length;
  } else {
    ({ start, end } = range);
    if (end > text.length || start >= end) {
      throw new FactmarkError('invalid-input', `Range ${start}-${end} is not inside the article's text (length ${text.length})`);
    }
  }
  const trimmed = trimRange(text, start, end);
  if (!trimmed) throw new FactmarkError('invalid-input', 'The selection is empty or only whitespace');
  return trimmed;
}

/** The highest revision a restored claim may carry (far above any real one, far below where +1 stops being exact). */
export const MAX_RESTORED_REVISION = 1_000_000_000;

/**
 * A claim brought back (undo of a delete) checked like a new one: its range must be a trimmed,
 * non-empty range of the article's text that holds its quote, its revision sane and its times in
 * order; its selectors are rebuilt from the text. Returns it with the next revision.
 */
function checkedRestore(claim: ClaimRecord, text: string, now: string): ClaimRecord {
  const { start, end } = claim.target.position;
  if (end > text.length || start >= end) throw new FactmarkError('invalid-input', 'The claim’s range is outside the article');
  if (text.slice(start, end) !== claim.target.quote.exact) {
    throw new FactmarkError('invalid-input', `The claim’s quote is not at its place in the article (${start}-${end})`);
  }
  const trimmed = trimRange(text, start, end);
  if (!trimmed || trimmed.start !== start || trimmed.end !== end) throw new FactmarkError('invalid-input', 'The claim’s range starts or ends with blank space');
  if (claim.revision > MAX_RESTORED_REVISION) throw new FactmarkError('invalid-input', `The claim’s revision ${claim.revision} is not a real one`);
  if (claim.createdAt > claim.updatedAt) throw new FactmarkError('invalid-input', 'The claim was updated before it was created');
  return revised({ ...claim, target: describeRange(text, start, end) }, now);
}

export function createClaimsService(ctx: ServiceContext) {
  /** Now, and the reviewer named in preferences: who and when for a change. */
  async function stampNow(): Promise<ChangeStamp> {
    return { at: ctx.clock().toISOString(), reviewer: (await ctx.store.prefs()).reviewer };
  }

  async function list(req: ParsedRequestOf<'claims.list'>): Promise<ClaimRecord[]> {
    const claims = inDocumentOrder((await ctx.store.article(req.articleId)).claims);
    const cursor = req.after === undefined ? -1 : claims.findIndex((c) => c.id === req.after);
    return cursor < 0 ? claims : claims.slice(cursor + 1);
  }

  async function create(req: ParsedRequestOf<'claims.create'>): Promise<ClaimRecord> {
    const data = await ctx.store.article(req.articleId);
    if (req.id && data.claims.some((c) => c.id === req.id)) {
      throw new FactmarkError('conflict', `A claim with id ${req.id} already exists`);
    }
    const text = ctx.texts.of(data.article);
    const { start, end } = resolveRange(text, req.range);
    const claim = newClaim({
      id: req.id ?? ctx.newId(),
      articleId: req.articleId,
      target: describeRange(text, start, end),
      stamp: await stampNow(),
      status: req.status,
      claimant: req.claimant,
      evidence: req.evidence,
      note: req.note,
      claimAsChecked: req.claimAsChecked,
      explanation: req.explanation,
      verdictDate: req.verdictDate,
      claimantKind: req.claimantKind,
    });
    await ctx.store.writeArticle({ ...data, claims: [...data.claims, claim] });
    return claim;
  }

  async function update(req: ParsedRequestOf<'claims.update'>): Promise<ClaimRecord> {
    const data = await ctx.store.article(req.articleId);
    const current = data.claims.find((c) => c.id === req.claimId);
    if (!current) throw new FactmarkError('not-found', `No claim with id ${req.claimId} in this article`);
    if (current.revision !== req.baseRevision) {
      throw new FactmarkError(
        'conflict',
        `This claim was changed elsewhere (revision ${current.revision}, you edited ${req.baseRevision}); reload it to see the newer version`,
      );
    }
    const next = applyPatch(current, req.patch, await stampNow());
    const claims = data.claims.map((c) => (c.id === next.id ? next : c));
    await ctx.store.writeArticle({ ...data, claims });
    return next;
  }

  async function remove(req: ParsedRequestOf<'claims.delete'>): Promise<ClaimRecord> {
    const data = await ctx.store.article(req.articleId);
    const claim = data.claims.find((c) => c.id === req.claimId);
    if (!claim) throw new FactmarkError('not-found', `No claim with id ${req.claimId} in this article`);
    if (req.baseRevision !== undefined && claim.revision !== req.baseRevision) {
      // A teammate's edit arrived after the reviewer last saw the claim: deleting it now would lose that edit unseen.
      throw new FactmarkError('conflict', `This claim was changed elsewhere (revision ${claim.revision}, you saw ${req.baseRevision}); it was not deleted — here is the newer version`);
    }
    await ctx.store.writeArticle({ ...data, claims: data.claims.filter((c) => c.id !== req.claimId) });
    return claim;
  }

  async function restore(req: ParsedRequestOf<'claims.restore'>): Promise<ClaimRecord> {
    const { claim } = req;
    const data = await ctx.store.article(claim.articleId);
    if (data.claims.some((c) => c.id === claim.id)) throw new FactmarkError('conflict', `A claim with id ${claim.id} already exists`);
    const restored = checkedRestore(claim, ctx.texts.of(data.article), ctx.clock().toISOString());
    await ctx.store.writeArticle({ ...data, claims: [...data.claims, restored] });
    return restored;
  }

  /** Every non-empty claimant across the library, most used first, then alphabetically. */
  async function claimants(): Promise<string[]> {
    const all: ClaimRecord[] = [];
    for (const row of (await ctx.store.index()).articles) all.push(...(await ctx.store.article(row.id)).claims);
    return claimantsOf(all);
  }

  return { list, create, update, remove, restore, claimants };
}
