/** Contract operations for article versions: the chain of versions, their text changes, and answers to carried claims. */
import { z } from 'zod';
import { Claim, CarriedState, Id, Timestamp } from './model';

/** Claims per carried state, as an import of a new version reports them. */
export const CarryCounts = z.object(Object.fromEntries(CarriedState.options.map((s) => [s, z.number().int().min(0)])) as Record<z.infer<typeof CarriedState>, z.ZodNumber>);

/** One version in an article's chain. */
export const VersionInfo = z.object({ id: Id, title: z.string(), importedAt: Timestamp, version: z.number().int().min(1), claimCount: z.number().int().min(0) });

/** One text change: new text [start, end) (empty for a pure deletion) replaced `deleted` (empty for a pure insertion). */
export const TextChange = z.object({ start: z.number().int().min(0), end: z.number().int().min(0), deleted: z.string() });

function op<Req extends z.ZodType, Res extends z.ZodType>(request: Req, response: Res, doc: string) {
  return { request, response, doc };
}

export const versionsContract = {
  'versions.list': op(z.object({ articleId: Id }).strict(), z.array(VersionInfo), 'Every version of the article this one belongs to, oldest first.'),
  'versions.changes': op(
    z.object({ articleId: Id }).strict(),
    z.object({ previousArticleId: Id.nullable(), previousVersion: z.number().int().min(1).nullable(), changes: z.array(TextChange) }),
    'The text changes from the previous version to this one (word level, in this version’s offsets).',
  ),
  'claims.acceptCarried': op(
    z.object({ articleId: Id, claimId: Id, baseRevision: z.number().int().min(1) }).strict(),
    Claim,
    'Accept a carried claim’s new anchoring (clears its re-review flag).',
  ),
  'claims.reattach': op(
    z
      .object({
        articleId: Id,
        claimId: Id,
        baseRevision: z.number().int().min(1),
        range: z.object({ start: z.number().int().min(0), end: z.number().int().min(0) }).strict(),
      })
      .strict(),
    Claim,
    'Attach a claim (an orphan, say) to a new range of its article’s text.',
  ),
} as const;
