/**
 * The claim editor, shown in the claims panel beside the article for the selected claim: status,
 * claimant (with suggestions), note, the publication fields, evidence, reviewer, times and the
 * status history. Each field saves itself when it changes (text fields when they lose focus).
 * Evidence typed but not added is never lost: Done adds it (or says why it cannot), and Esc asks.
 * Done closes the editor (the claim is deselected); Esc gives the focus back to where it came from.
 * A number key on the status control sets that status, as it does on the desk. The sections are
 * memoised parts (ClaimEditorSections.tsx) given handlers that never change, so an edit draws again
 * only what it changes.
 */
import { useCallback, useEffect, useId, useMemo, useRef, useState } from 'react';
import type { ClaimPatch } from '../../src-shared/claims';
import type { ClaimRecord, EvidenceItem } from '../../src-shared/model';
import { useDraft } from '../components/use-draft';
import { ClaimPublicationFields } from './ClaimPublicationFields';
import { ClaimantField, EditorHead, EditorQuote, EvidenceSection, NoteField, ReviewRecord, StatusField } from './ClaimEditorSections';
import { ClaimSyncNotice } from '../sync/ConflictMark';
import { hasTyped, NO_NEW_EVIDENCE, typedEvidence, type NewEvidence } from './EvidenceFields';

interface Props {
  /** The claim now: the status control shows it, and every change is made to it. */
  claim: ClaimRecord;
  /**
   * The claim as the rest of the editor shows it (default: `claim`). The pane passes one that
   * follows `claim` after the next paint, so an edit's own frame draws no more of the editor than
   * its status control.
   */
  drawn?: ClaimRecord;
  claimants: readonly string[];
  /** Why the claimant was pre-filled (a suggestion the reviewer can keep or overwrite), if it was. */
  claimantNote?: string;
  onPatch(patch: ClaimPatch): void;
  onDelete(): void;
  /** Done: close the editor. */
  onClose(): void;
  /** Esc: give the focus back (to the list or the article). */
  onLeave(): void;
  /** Non-zero: move the focus to the status control (after Enter or "Claim selection"); each new value focuses again. */
  focusStatus?: number;
  /** The reviewer name set in Preferences ('' while unset). */
  reviewerName: string;
  onOpenPreferences(): void;
  /** Shown after the evidence (the library's "Checked before" matches). */
  children?: React.ReactNode;
}

export function ClaimEditor({ claim, drawn = claim, claimants, claimantNote, onPatch, onDelete, onClose, onLeave, focusStatus = 0, reviewerName, onOpenPreferences, children }: Props) {
  const headingId = useId();
  const patch = useCallback((change: ClaimPatch) => latest.current.onPatch(change), []);
  const claimant = useDraft(drawn.claimant, (next) => patch({ claimant: next.trim() }));
  const note = useDraft(drawn.note, (next) => patch({ note: next }));
  const [newEvidence, setNewEvidence] = useState<NewEvidence>(NO_NEW_EVIDENCE);
  const [evidenceError, setEvidenceError] = useState<string | null>(null);
  /** Esc was pressed with evidence typed: the editor asks what to do with it. */
  const [asking, setAsking] = useState(false);
  // What the handlers below read when they run, so they can be made once and never change.
  const latest = useRef({ claim, newEvidence, asking, claimant, note, onPatch, onDelete, onClose, onLeave });
  latest.current = { claim, newEvidence, asking, claimant, note, onPatch, onDelete, onClose, onLeave };
  // Another claim chosen (or the panel closed) with evidence typed but not added: add it, as Done would.
  useEffect(
    () => () => {
      const { claim: last, newEvidence: typed, onPatch: send } = latest.current;
      const item = hasTyped(typed) ? typedEvidence(typed) : null;
      if (item && typeof item !== 'string') send({ evidence: [...last.evidence, item] });
    },
    [],
  );
  const act = useMemo(() => {
    const now = () => latest.current;
    const flush = () => {
      now().claimant.flush();
      now().note.flush();
    };
    const leave = (discardTyped = false) => {
      flush();
      setAsking(false);
      if (discardTyped) setNewEvidence(NO_NEW_EVIDENCE);
      now().onLeave();
    };
    const setEvidence = (evidence: EvidenceItem[]) => now().onPatch({ evidence });
    const changeEvidence = (next: EvidenceItem) => setEvidence(now().claim.evidence.map((e) => (e.id === next.id ? next : e)));
    const removeEvidence = (id: string) => setEvidence(now().claim.evidence.filter((e) => e.id !== id));
    /** Add the typed evidence; false (with the reason shown) when it cannot be added. */
    const addTyped = (): boolean => {
      const item = typedEvidence(now().newEvidence);
      if (typeof item === 'string') {
        setEvidenceError(item);
        return false;
      }
      setEvidence([...now().claim.evidence, item]);
      setNewEvidence(NO_NEW_EVIDENCE);
      setEvidenceError(null);
      return true;
    };
    return {
      leave,
      changeEvidence,
      removeEvidence,
      addTyped,
      remove: () => now().onDelete(),
      done: () => {
        if (hasTyped(now().newEvidence) && !addTyped()) return;
        flush();
        now().onClose();
      },
      escape: () => (now().asking ? setAsking(false) : hasTyped(now().newEvidence) ? setAsking(true) : leave()),
    };
  }, []);

  return (
    <section
      className="fm-claim-pane"
      aria-labelledby={headingId}
      data-own-keys
      onKeyDown={(e) => {
        if (e.key !== 'Escape' || e.defaultPrevented) return;
        e.preventDefault();
        act.escape();
      }}
    >
      <EditorHead headingId={headingId} onDelete={act.remove} onDone={act.done} />
      <EditorQuote exact={drawn.target.quote.exact} />
      <ClaimSyncNotice claim={drawn} />
      <div className="fm-editor-grid">
        <StatusField claimId={claim.id} status={claim.status} focusStatus={focusStatus} onPatch={patch} />
        <ClaimantField draft={claimant} claimants={claimants} claimantNote={claimantNote} />
      </div>
      <NoteField draft={note} />

      <ClaimPublicationFields claim={drawn} onPatch={patch} />
      <EvidenceSection evidence={drawn.evidence} newEvidence={newEvidence} error={evidenceError} onChange={act.changeEvidence} onRemove={act.removeEvidence} onDraft={setNewEvidence} onAdd={act.addTyped} />
      {children}

      <ReviewRecord reviewer={drawn.reviewer} createdAt={drawn.createdAt} updatedAt={drawn.updatedAt} history={drawn.history} reviewerName={reviewerName} onOpenPreferences={onOpenPreferences} />
      {asking ? (
        <div role="alertdialog" aria-label="Evidence not added" className="fm-message fm-ask">
          <p>The evidence you typed has not been added.</p>
          <button type="button" className="fm-button fm-primary" autoFocus onClick={() => act.addTyped() && act.leave()}>
            Add it
          </button>{' '}
          <button type="button" className="fm-button" onClick={() => act.leave(true)}>
            Discard it
          </button>{' '}
          <button type="button" className="fm-button" onClick={() => setAsking(false)}>
            Keep editing
          </button>
        </div>
      ) : null}
    </section>
  );
}
