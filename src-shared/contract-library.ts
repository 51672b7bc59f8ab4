/**
 * The library-wide operations: search every claim, find claims like one ("checked before"), and
 * claimants across the library with merge and undo. Spread into `contract` in contract.ts.
 */
import { z } from 'zod';
import { STATUS_IDS } from './statuses';
import { Id, Status, Timestamp } from './model';

/** A day ("2026-03-01") or an ISO timestamp; a day as `to` includes that whole day. */
const DateBound = z
  .string()
  .trim()
  .max(40)
  .refine((s) => /^\d{4}-\d{2}-\d{2}/.test(s) && !Number.isNaN(Date.parse(s)), 'must be a date (YYYY-MM-DD) or an ISO timestamp');

/** One claim as library-wide lists show it. */
export const LibraryClaim = z.object({
  articleId: Id,
  articleTitle: z.string(),
  claimId: Id,
  quote: z.string(),
  /** The claimant as written on the claim. */
  claimant: z.string(),
  /** The claimant's name after merges ("Dmytro Kuleba" for "Kuleba" when merged), else as written. */
  claimantName: z.string(),
  status: Status,
  evidenceCount: z.number().int().min(0),
  createdAt: Timestamp,
  updatedAt: Timestamp,
  /** The PDF page label the claim starts on ("12"), for articles imported from PDF. */
  page: z.string().optional(),
});

export const ClaimSort = z.enum(['relevance', 'newest', 'oldest', 'claimant', 'status', 'article']);

export const ClaimSearchRequest = z
  .object({
    /** Words of the quote, note or evidence titles (all must occur; the last may be a prefix). */
    text: z.string().trim().max(1_000).optional(),
    status: z.union([Status, z.array(Status).min(1).max(STATUS_IDS.length)]).optional(),
    /** A claimant name or part of one (whole words, any case or accents); merged names count as one. */
    claimant: z.string().trim().min(1).max(500).optional(),
    articleId: Id.optional(),
    /** Claims created on or after / on or before. */
    from: DateBound.optional(),
    to: DateBound.optional(),
    /** relevance (default with text) or newest (default without). */
    sort: ClaimSort.optional(),
    limit: z.number().int().min(1).max(5_000).default(100),
    /** The `next` cursor of the previous page. */
    after: z.string().max(200).optional(),
  })
  .strict();

export const ClaimSearchResult = z.object({
  total: z.number().int().min(0),
  claims: z.array(LibraryClaim),
  /** Pass as `after` for the next page; null on the last page. */
  next: z.string().nullable(),
});

export const SimilarClaim = LibraryClaim.extend({
  /** BM25 relevance of the quote, doubled when every figure of the query recurs. */
  score: z.number(),
  /** The figures (numbers) both quotes state. */
  sharedFigures: z.array(z.string()),
});

export const ClaimantSummary = z.object({
  name: z.string(),
  /** The other ways this claimant is written in the library (and names merged into it). */
  aliases: z.array(z.string()),
  merged: z.boolean(),
  claimCount: z.number().int().min(0),
  counts: z.record(Status, z.number().int().min(0)),
  firstSeen: Timestamp.nullable(),
  lastSeen: Timestamp.nullable(),
});

const ClaimantName = z.string().trim().min(1, 'a claimant name must not be empty').max(500);

export const libraryOperations = {
  'claims.search': {
    request: ClaimSearchRequest,
    response: ClaimSearchResult,
    doc: 'Every claim in the library matching text and filters (status, claimant, article, date range), with article titles; paged by `after`.',
  },
  'claims.similar': {
    request: z.union([
      z.object({ articleId: Id, claimId: Id, limit: z.number().int().min(1).max(100).default(10) }).strict(),
      z.object({ text: z.string().trim().min(1).max(10_000), limit: z.number().int().min(1).max(100).default(10) }).strict(),
    ]),
    response: z.array(SimilarClaim),
    doc: 'Claims already in the library most like a claim or a text (same or paraphrased wording, same figures), best first.',
  },
  'claimants.list': {
    request: z.object({}).strict(),
    response: z.array(ClaimantSummary),
    doc: 'Every claimant in the library with counts per status and first and last seen, most claims first.',
  },
  'claimants.get': {
    request: z.object({ name: ClaimantName }).strict(),
    response: z.object({ claimant: ClaimantSummary, claims: z.array(LibraryClaim) }),
    doc: 'A claimant’s page: every claim they made across the library, newest first.',
  },
  'claimants.merge': {
    request: z.object({ names: z.array(ClaimantName).min(2).max(100), into: ClaimantName.optional() }).strict(),
    response: ClaimantSummary,
    doc: 'Treat differently written names as one claimant (named `into`, else the first name); the names are kept as aliases.',
  },
  'claimants.unmerge': {
    request: z.object({ name: ClaimantName }).strict(),
    response: z.array(ClaimantSummary),
    doc: 'Undo the latest merge of the claimant with this name: its names go back to how they were before.',
  },
} as const;

export type LibraryClaimRow = z.infer<typeof LibraryClaim>;
export type SimilarClaimRow = z.infer<typeof SimilarClaim>;
export type ClaimantSummaryRow = z.infer<typeof ClaimantSummary>;
