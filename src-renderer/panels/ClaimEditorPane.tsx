/**
 * The selected claim's editor in the claims panel, with the library's "Checked before" matches under
 * it. The matches are looked for once the claim has stayed selected for a moment, so stepping
 * through claims with j/k does not run a library search for each one.
 */
import { memo, useCallback, useEffect, useState } from 'react';
import type { ClaimPatch } from '../../src-shared/claims';
import type { ClaimRecord } from '../../src-shared/model';
import type { FactmarkClient } from '../api/client';
import { CheckedBefore } from '../library/CheckedBefore';
import { ClaimEditor } from './ClaimEditor';

/** How long a claim stays selected before its "Checked before" search runs, in ms. */
const CHECKED_BEFORE_DELAY_MS = 400;

interface Props {
  client: FactmarkClient;
  claim: ClaimRecord;
  claimants: readonly string[];
  claimantNote?: string;
  reviewerName: string;
  focusStatus: number;
  onPatch(claimId: string, patch: ClaimPatch): void;
  onDelete(claimId: string): void;
  onClose(): void;
  onLeave(): void;
  onOpenPreferences(): void;
}

export const ClaimEditorPane = memo(function ClaimEditorPane({ client, claim, onPatch, onDelete, ...rest }: Props) {
  const [settled, setSettled] = useState(false);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(true), CHECKED_BEFORE_DELAY_MS);
    return () => clearTimeout(timer);
  }, []);
  // The pane is keyed by the claim, so these never change and the editor's sections keep them.
  const patch = useCallback((change: ClaimPatch) => onPatch(claim.id, change), [onPatch, claim.id]);
  const remove = useCallback(() => onDelete(claim.id), [onDelete, claim.id]);
  return (
    <ClaimEditor claim={claim} onPatch={patch} onDelete={remove} {...rest}>
      {settled ? <CheckedBefore client={client} claim={claim} onCopyEvidence={(items) => onPatch(claim.id, { evidence: [...claim.evidence, ...items] })} /> : null}
    </ClaimEditor>
  );
});
