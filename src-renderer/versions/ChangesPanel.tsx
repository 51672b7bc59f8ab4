/**
 * The "Changes" view of a new version: how many passages changed (marked in the article), and a
 * queue of the carried claims that need a look — orphaned and changed first, then moved — each
 * with accept (the new anchoring), re-attach (to the current selection) and delete.
 */
import { useState } from 'react';
import type { CarriedStateId, ClaimRecord, ClaimTarget } from '../../src-shared/model';
import type { FactmarkClient } from '../api/client';
import { snippet } from '../desk/claim-list';
import type { VersionChanges } from './use-version-changes';

interface Props {
  client: FactmarkClient;
  articleId: string;
  claims: readonly ClaimRecord[];
  changes: VersionChanges;
  marksShown: boolean;
  onToggleMarks(shown: boolean): void;
  /** The article's current text selection, as selectors (null when nothing is selected). */
  selectedTarget(): ClaimTarget | null;
  onSelect(claimId: string): void;
  onDelete(claimId: string): void;
  /** Reload the article's claims after a change made here. */
  onChanged(text: string): void;
  notify(text: string): void;
  report(error: unknown): void;
}

const ORDER: Record<CarriedStateId, number> = { orphaned: 0, changed: 1, moved: 2, exact: 3 };
const LABEL: Record<CarriedStateId, string> = { orphaned: 'Text gone', changed: 'Text changed', moved: 'Moved', exact: 'Unchanged' };

/** Carried claims not yet answered whose text did not stay exactly in place, in queue order. */
export function reviewQueue(claims: readonly ClaimRecord[]): ClaimRecord[] {
  return claims
    .filter((c) => c.carried && !c.carried.resolvedAt && c.carried.state !== 'exact')
    .sort((a, b) => ORDER[a.carried!.state] - ORDER[b.carried!.state] || a.target.position.start - b.target.position.start);
}

export function ChangesPanel(props: Props) {
  const { client, articleId, changes, claims } = props;
  const [busy, setBusy] = useState(false);
  const queue = reviewQueue(claims);
  const passages = changes.changes.filter((c) => c.end > c.start || c.deleted.trim()).length;

  const act = async (work: () => Promise<unknown>, done: string) => {
    setBusy(true);
    try {
      await work();
      props.onChanged(done);
    } catch (error) {
      props.report(error);
    } finally {
      setBusy(false);
    }
  };

  const reattach = (claim: ClaimRecord) => {
    const target = props.selectedTarget();
    if (!target) return props.notify('Select the claim’s text in the article first, then press Re-attach.');
    void act(
      () => client.call('claims.reattach', { articleId, claimId: claim.id, baseRevision: claim.revision, range: target.position }),
      'Claim re-attached to the selected text.',
    );
  };

  return (
    <section className="fm-changes" aria-label="Changes">
      <h3>Changes from version {changes.previousVersion}</h3>
      <p>
        {passages === 1 ? '1 passage changed' : `${passages} passages changed`}.{' '}
        <label className="fm-inline-check">
          <input type="checkbox" checked={props.marksShown} onChange={(e) => props.onToggleMarks(e.target.checked)} /> Mark them in the article
        </label>
      </p>
      {queue.length === 0 ? (
        <p className="fm-muted">No carried claims need a look.</p>
      ) : (
        <ul className="fm-review-queue" aria-label="Claims to review">
          {queue.map((claim) => {
            const carried = claim.carried!;
            const orphaned = carried.state === 'orphaned';
            const quote = snippet(claim.target.quote.exact, 90);
            return (
              <li key={claim.id} className={`fm-review fm-review-${carried.state}`} aria-label={`${LABEL[carried.state]}: ${snippet(carried.previousQuote, 60)}`}>
                <strong>{LABEL[carried.state]}</strong>
                {carried.needsReview ? <span className="fm-review-flag"> · verdict needs re-review</span> : null}
                <div className="fm-review-quotes">
                  <span>Was: “{snippet(carried.previousQuote, 90)}”</span>
                  {orphaned ? null : (
                    <button type="button" className="fm-link-button" onClick={() => props.onSelect(claim.id)}>
                      Now: “{quote}”
                    </button>
                  )}
                </div>
                <div className="fm-review-actions">
                  {orphaned ? null : (
                    <button type="button" disabled={busy} onClick={() => void act(() => client.call('claims.acceptCarried', { articleId, claimId: claim.id, baseRevision: claim.revision }), 'New anchoring accepted.')}>
                      Accept
                    </button>
                  )}
                  <button type="button" disabled={busy} onClick={() => reattach(claim)}>
                    Re-attach to selection
                  </button>
                  <button type="button" disabled={busy} onClick={() => props.onDelete(claim.id)}>
                    Delete
                  </button>
                </div>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
