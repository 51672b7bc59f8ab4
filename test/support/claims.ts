/** Test helper: a complete ClaimRecord from the fields a test cares about, the rest at plain defaults. */
import type { ClaimRecord } from '../../src-shared/model';

/** The fixed time the made-up claims were created at. */
export const CLAIM_TIME = '2026-01-15T10:00:00.000Z';

/** A claim with an id and target; unverified, no claimant, evidence or note, revision 1, unless given. */
export function makeClaim(fields: Pick<ClaimRecord, 'id' | 'target'> & Partial<ClaimRecord>): ClaimRecord {
  const status = fields.status ?? 'unverified';
  return {
    articleId: 'a1',
    claimant: '',
    status,
    evidence: [],
    note: '',
    reviewer: '',
    createdAt: CLAIM_TIME,
    updatedAt: CLAIM_TIME,
    revision: 1,
    history: [{ status, at: CLAIM_TIME, reviewer: '' }],
    claimAsChecked: fields.target.quote.exact,
    explanation: '',
    verdictDate: '',
    claimantKind: 'person',
    ...fields,
  };
}
