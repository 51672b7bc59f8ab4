/**
 * The operations on an article's stored versions (its rolling backups): list them with what each
 * changed, preview one without writing, and restore one (undoable: the version it replaces is kept
 * first). Spread into `contract` in contract.ts.
 */
import { z } from 'zod';
import { Article, Claim, Id, Status, Timestamp } from './model';

/** A claim as a change list names it. */
export const ClaimBrief = z.object({ id: Id, quote: z.string(), status: Status, claimant: z.string() });

/** What a change did to a claim that is in both versions. */
export const ClaimEdit = z.object({
  claim: ClaimBrief,
  /** Which of the claim's parts changed. */
  fields: z.array(z.enum(['status', 'claimant', 'evidence', 'note', 'range'])),
  /** The status before, when the status changed (claim.status is the status after). */
  statusFrom: Status.optional(),
});

/** How one version of an article differs from another: claims added, removed and edited, and article details changed. */
export const VersionChanges = z.object({
  added: z.array(ClaimBrief),
  removed: z.array(ClaimBrief),
  edited: z.array(ClaimEdit),
  /** Article details that changed (title, byline, publisher, sourceUrl, publishedAt, language). */
  details: z.array(z.string()),
  /** The full counts; the lists above stop at MAX_LISTED_CHANGES each. */
  counts: z.object({ added: z.number().int().min(0), removed: z.number().int().min(0), edited: z.number().int().min(0) }),
});

/** How many claims each list of a VersionChanges names at most. */
export const MAX_LISTED_CHANGES = 50;

/** One stored version of an article, with what it changed. */
export const BackupVersionInfo = z.object({
  id: Id,
  /** When the version was replaced by a newer one (the backup was taken). */
  takenAt: Timestamp,
  /** When the version itself was saved, when known. */
  savedAt: Timestamp.nullable(),
  /** Claims in that version; null when the backup is unreadable. */
  claimCount: z.number().int().min(0).nullable(),
  title: z.string().nullable(),
  /** What this version changed from the version before it; null for the oldest kept one or an unreadable one. */
  changes: VersionChanges.nullable(),
});

function op<Req extends z.ZodType, Res extends z.ZodType>(request: Req, response: Res, doc: string) {
  return { request, response, doc };
}

export const backupOperations = {
  'backups.list': op(
    z.object({ articleId: Id, limit: z.number().int().min(1).max(10_000).optional(), before: Id.optional() }).strict(),
    z.array(BackupVersionInfo),
    'The stored versions of an article, newest first, with what each changed; `limit` and `before` (a version id) page through them.',
  ),
  'backups.current': op(
    z.object({ articleId: Id }).strict(),
    z.object({ claimCount: z.number().int().min(0), updatedAt: Timestamp.nullable(), changes: VersionChanges.nullable() }),
    'What the current version of an article changed from its newest stored version (null: there is none).',
  ),
  'backups.preview': op(
    z.object({ articleId: Id, backupId: Id }).strict(),
    z.object({ version: BackupVersionInfo, article: Article, claims: z.array(Claim), restoring: VersionChanges }),
    'One stored version with its claims, and what restoring it would change in the current article; writes nothing.',
  ),
  'backups.restore': op(
    z.object({ articleId: Id, backupId: Id }).strict(),
    z.object({ article: Article, claimCount: z.number().int().min(0), replacedBackupId: Id.nullable() }),
    'Bring back a stored version; the version it replaces is backed up first (replacedBackupId): restoring that one undoes it.',
  ),
} as const;
