/**
 * "Checked before": the claims already in the library most like the one being edited (same or
 * paraphrased wording, same figures; claims.similar), with their status, article and evidence
 * count, and a button that copies a match's evidence onto this claim.
 */
import { useEffect, useState } from 'react';
import type { SimilarClaimRow } from '../../src-shared/contract-library';
import type { ClaimRecord, EvidenceItem } from '../../src-shared/model';
import { errorMessage, type FactmarkClient } from '../api/client';
import { StatusChip } from '../panels/StatusChip';

interface Props {
  client: FactmarkClient;
  claim: ClaimRecord;
  /** Add copies of these evidence items to the claim. */
  onCopyEvidence(items: EvidenceItem[]): void;
}

export function CheckedBefore({ client, claim, onCopyEvidence }: Props) {
  const [matches, setMatches] = useState<SimilarClaimRow[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const quote = claim.target.quote.exact;

  useEffect(() => {
    let stale = false;
    // By its text, so a claim whose first save is still on its way is matched too.
    client.call('claims.similar', { text: quote.slice(0, 10_000), limit: 6 }).then(
      (rows) => !stale && setMatches(rows.filter((r) => !(r.articleId === claim.articleId && r.claimId === claim.id)).slice(0, 5)),
      (err) => !stale && setError(errorMessage(err)),
    );
    return () => {
      stale = true;
    };
  }, [client, quote, claim.articleId, claim.id]);

  async function copyFrom(match: SimilarClaimRow): Promise<void> {
    try {
      const claims = await client.call('claims.list', { articleId: match.articleId });
      const source = claims.find((c) => c.id === match.claimId);
      if (!source) return setError('That claim is no longer in the library.');
      const have = new Set(claim.evidence.map((e) => e.url));
      const copies = source.evidence.filter((e) => !have.has(e.url)).map((e) => ({ ...e, id: crypto.randomUUID() }));
      if (copies.length === 0) return setError('This claim already has all of that evidence.');
      setError(null);
      onCopyEvidence(copies);
    } catch (err) {
      setError(errorMessage(err));
    }
  }

  return (
    <section aria-label="Checked before" className="fm-editor-section fm-checked-before">
      <h3 className="fm-section-title">Checked before</h3>
      {error ? (
        <p className="fm-error" role="alert">
          {error}
        </p>
      ) : null}
      {matches === null ? <p className="fm-hint">Looking for similar claims…</p> : null}
      {matches?.length === 0 ? <p className="fm-hint">No similar claims in the library.</p> : null}
      <ul className="fm-checked-before-list">
        {matches?.map((m) => (
          <li key={`${m.articleId}/${m.claimId}`}>
            <p>
              <StatusChip status={m.status} /> “{m.quote.length > 200 ? `${m.quote.slice(0, 200)}…` : m.quote}”
            </p>
            <p className="fm-hint">
              {m.claimantName ? `${m.claimantName} · ` : ''}
              {m.articleTitle}
              {m.page ? `, p. ${m.page}` : ''} · {m.evidenceCount} evidence
              {m.sharedFigures.length ? ` · same figure: ${m.sharedFigures.join(', ')}` : ''}
            </p>
            <button type="button" className="fm-button" disabled={m.evidenceCount === 0} onClick={() => void copyFrom(m)} aria-label={`Copy evidence from this claim: ${m.quote.slice(0, 60)}`}>
              Copy evidence from this claim
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
