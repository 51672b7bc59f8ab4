/** What the claim index keeps of one claim: what lists, filters and result rows need. */
import type { StatusId } from '../../src-shared/model';

export interface ClaimRow {
  /** Unique in the index (for this session's caches and tie-breaks). */
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
  /** A hash of the indexed text (quote, note, evidence titles): a save that keeps it re-indexes nothing. */
  textHash: number;
}

/** A search hit: the row and its relevance (0 when the query had no text). */
export interface Hit {
  row: ClaimRow;
  score: number;
}
