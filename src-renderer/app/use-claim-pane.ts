/**
 * The claim editor in the claims panel: which claim it shows (the selected one, drawn after the
 * frame that selects it, so selecting or creating a claim is painted first), whether it takes the
 * focus (Enter, double-click, "Claim selection"), and where Esc gives the focus back.
 */
import { startTransition, useCallback, useEffect, useRef, useState } from 'react';
import { afterNextPaint } from '../after-paint';

export interface ClaimPane {
  /** The claim the editor shows (null: none). */
  shownId: string | null;
  /** Non-zero (and new for each request) when the editor for `shownId` should take the focus. */
  focusStatus: number;
  /** The next time `claimId`'s editor appears (or now, if it is shown), focus its status control. */
  focusEditor(claimId: string): void;
  /** Give the focus back to where it was before the editor took it (else the claims list). */
  leave(): void;
}

export function useClaimPane(selectedId: string | null): ClaimPane {
  const [shownId, setShownId] = useState<string | null>(null);
  const [focusFor, setFocusFor] = useState<{ claimId: string; serial: number } | null>(null);
  const returnTo = useRef<HTMLElement | null>(null);

  useEffect(() => {
    if (selectedId === null) return setShownId(null);
    // A transition: a key pressed while the editor is being drawn is handled first.
    return afterNextPaint(() => startTransition(() => setShownId(selectedId)));
  }, [selectedId]);

  // Where the focus was last outside the editor (the article, the list): Esc and Done give it back there.
  useEffect(() => {
    const onFocus = (e: FocusEvent) => {
      if (e.target instanceof HTMLElement && !e.target.closest('.fm-claim-pane, [role="dialog"]')) returnTo.current = e.target;
    };
    document.addEventListener('focusin', onFocus);
    return () => document.removeEventListener('focusin', onFocus);
  }, []);

  const focusEditor = useCallback((claimId: string) => {
    setFocusFor((f) => ({ claimId, serial: (f?.serial ?? 0) + 1 }));
  }, []);

  const leave = useCallback(() => {
    setFocusFor(null);
    const target = returnTo.current?.isConnected ? returnTo.current : document.querySelector<HTMLElement>('[role="listbox"][aria-label="Claims in document order"]');
    returnTo.current = null;
    target?.focus({ preventScroll: true });
  }, []);

  return { shownId, focusStatus: focusFor !== null && focusFor.claimId === shownId ? focusFor.serial : 0, focusEditor, leave };
}
