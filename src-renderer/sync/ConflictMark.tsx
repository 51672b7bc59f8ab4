/**
 * A claim's team library marks: "Conflict" (other versions kept, waiting to be resolved) and "Not
 * sent" (the server refused the change), in text and icon. In a claims list row it is a plain mark;
 * in the claim editor it also offers "Resolve conflict…" and tells the team library where the editor is.
 */
import { useCallback, useLayoutEffect, useRef } from 'react';
import type { ClaimRecord } from '../../src-shared/model';
import { isConflicted } from './conflict-versions';
import { useSyncView } from './sync-context';

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** The marks of a row in the claims list (nothing when the claim has none). */
export function ClaimSyncMarks({ claim }: { claim: ClaimRecord }) {
  const view = useSyncView();
  const refused = view?.rejectedRows.some((r) => r.claimId === claim.id) ?? false;
  if (!isConflicted(claim) && !refused) return null;
  return (
    <span className="fm-sync-marks">
      {isConflicted(claim) ? (
        <span className="fm-conflict-mark" title="Changed on two computers: open the claim to resolve the conflict">
          <span aria-hidden="true">⚡</span> Conflict
        </span>
      ) : null}
      {refused ? (
        <span className="fm-refused-mark" title="The team server refused this change; it is kept on this computer">
          <span aria-hidden="true">⚠</span> Not sent
        </span>
      ) : null}
    </span>
  );
}

/** The claim editor's notice: the conflict (with "Resolve conflict…") and a refused change, with the reason. */
export function ClaimSyncNotice({ claim }: { claim: ClaimRecord }) {
  const view = useSyncView();
  const claimId = claim.id;
  const watch = view?.actions.watchEditor;
  const box = useRef<HTMLElement | null>(null);
  const anchor = useCallback(
    (element: HTMLElement | null) => {
      box.current = element;
      watch?.(claimId, element);
    },
    [watch, claimId],
  );
  const refused = view?.rejectedRows.filter((r) => r.claimId === claimId) ?? [];
  const versions = claim.conflictVersions?.length ?? 0;
  // Resolved: "Resolve conflict…" is gone; if it had the focus, the editor takes it (not the page).
  const hadVersions = useRef(versions);
  useLayoutEffect(() => {
    if (hadVersions.current > 0 && versions === 0 && document.activeElement === document.body) {
      const editor = box.current?.closest<HTMLElement>('[role="dialog"], section');
      (editor?.matches('[tabindex]') ? editor : editor?.querySelector<HTMLElement>('select, input, textarea, button'))?.focus();
    }
    hadVersions.current = versions;
  }, [versions]);
  return (
    <div ref={anchor} className="fm-sync-notice">
      {versions > 0 && view ? (
        <p className="fm-message fm-conflict-notice" role="note">
          <span aria-hidden="true">⚡ </span>
          <strong>Conflict:</strong> this claim was changed on two computers; {plural(versions, 'other version')} {versions === 1 ? 'is' : 'are'} kept. The version shown wins until you choose.{' '}
          <button type="button" className="fm-button" onClick={() => view.actions.openConflict(claimId)}>
            Resolve conflict…
          </button>
        </p>
      ) : null}
      {refused.map((r) => (
        <p key={r.key} className="fm-message fm-refused-notice" role="note">
          <span aria-hidden="true">⚠ </span>
          <strong>Not sent:</strong> {r.text} It is kept on this computer.
        </p>
      ))}
    </div>
  );
}
