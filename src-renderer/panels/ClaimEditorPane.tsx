/**
 * The selected claim's editor in the claims panel, with the library's "Checked before" matches under
 * it. The matches are looked for once the claim has stayed selected for a moment, so stepping
 * through claims with j/k does not run a library search for each one. An edit to the claim (a
 * status key, a save's answer) is drawn in the rest of the desk first, and in the editor (all but
 * its status control) right after that frame is painted.
 */
import { memo, startTransition, useCallback, useEffect, useState } from 'react';
import type { ClaimPatch } from '../../src-shared/claims';
import type { ClaimRecord } from '../../src-shared/model';
import type { FactmarkClient } from '../api/client';
import { afterNextPaint } from '../after-paint';
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

/** `value` as drawn: it follows `value` in a transition after the next frame is painted. */
function useDrawnAfterPaint<T>(value: T): T {
  const [drawn, setDrawn] = useState(value);
  useEffect(() => {
    if (drawn !== value) return afterNextPaint(() => startTransition(() => setDrawn(value)));
  }, [drawn, value]);
  return drawn;
}

export const ClaimEditorPane = memo(function ClaimEditorPane({ client, claim, onPatch, onDelete, ...rest }: Props) {
  const [settled, setSettled] = useState(false);
  const drawn = useDrawnAfterPaint(claim);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(true), CHECKED_BEFORE_DELAY_MS);
    return () => clearTimeout(timer);
  }, []);
  // The pane is keyed by the claim, so these never change and the editor's sections keep them.
  const patch = useCallback((change: ClaimPatch) => onPatch(claim.id, change), [onPatch, claim.id]);
  const remove = useCallback(() => onDelete(claim.id), [onDelete, claim.id]);
  return (
    <ClaimEditor claim={claim} drawn={drawn} onPatch={patch} onDelete={remove} {...rest}>
      {settled ? <CheckedBefore client={client} claim={drawn} onCopyEvidence={(items) => onPatch(claim.id, { evidence: [...claim.evidence, ...items] })} /> : null}
    </ClaimEditor>
  );
});
