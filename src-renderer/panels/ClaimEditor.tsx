/**
 * The claim editor, shown in the claims panel beside the article for the selected claim: status,
 * claimant (with suggestions), note, the publication fields, evidence, reviewer, times and the
 * status history. Each field saves itself when it changes (text fields when they lose focus).
 * Evidence typed but not added is never lost: Done adds it (or says why it cannot), and Esc asks.
 * Done closes the editor (the claim is deselected); Esc gives the focus back to where it came from.
 * A number key on the status control sets that status, as it does on the desk.
 */
import { useEffect, useId, useLayoutEffect, useRef, useState } from 'react';
import type { ClaimPatch } from '../../src-shared/claims';
import type { ClaimRecord, EvidenceItem } from '../../src-shared/model';
import { STATUSES, statusInfo } from '../../src-shared/statuses';
import { useDraft } from '../components/use-draft';
import { snippet } from '../desk/claim-list';
import { ClaimPublicationFields } from './ClaimPublicationFields';
import { ClaimSyncNotice } from '../sync/ConflictMark';
import { AddEvidence, EvidenceRow, hasTyped, NO_NEW_EVIDENCE, typedEvidence, type NewEvidence } from './EvidenceFields';
import { formatTime } from '../format-time';

interface Props {
  claim: ClaimRecord;
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


export function ClaimEditor({ claim, claimants, claimantNote, onPatch, onDelete, onClose, onLeave, focusStatus, reviewerName, onOpenPreferences, children }: Props) {
  const listId = useId();
  /** The claimant suggestions (up to the whole library's names) are drawn once the field is used. */
  const [suggesting, setSuggesting] = useState(false);
  const headingId = useId();
  const statusControl = useRef<HTMLSelectElement>(null);
  useLayoutEffect(() => {
    if (focusStatus) statusControl.current?.focus({ preventScroll: true });
  }, [focusStatus, claim.id]);
  const claimant = useDraft(claim.claimant, (next) => onPatch({ claimant: next.trim() }));
  const note = useDraft(claim.note, (next) => onPatch({ note: next }));
  const [newEvidence, setNewEvidence] = useState<NewEvidence>(NO_NEW_EVIDENCE);
  const [evidenceError, setEvidenceError] = useState<string | null>(null);
  /** Esc was pressed with evidence typed: the editor asks what to do with it. */
  const [asking, setAsking] = useState(false);
  const setEvidence = (evidence: EvidenceItem[]) => onPatch({ evidence });
  // Another claim chosen (or the panel closed) with evidence typed but not added: add it, as Done would.
  const latest = useRef({ claim, newEvidence, onPatch });
  latest.current = { claim, newEvidence, onPatch };
  useEffect(
    () => () => {
      const { claim: last, newEvidence: typed, onPatch: patch } = latest.current;
      const item = hasTyped(typed) ? typedEvidence(typed) : null;
      if (item && typeof item !== 'string') patch({ evidence: [...last.evidence, item] });
    },
    [],
  );
  const flush = () => {
    claimant.flush();
    note.flush();
  };
  const close = () => {
    flush();
    onClose();
  };
  const leave = (discardTyped = false) => {
    flush();
    setAsking(false);
    if (discardTyped) setNewEvidence(NO_NEW_EVIDENCE);
    onLeave();
  };
  /** Add the typed evidence; false (with the reason shown) when it cannot be added. */
  const addTyped = (): boolean => {
    const item = typedEvidence(newEvidence);
    if (typeof item === 'string') {
      setEvidenceError(item);
      return false;
    }
    setEvidence([...claim.evidence, item]);
    setNewEvidence(NO_NEW_EVIDENCE);
    setEvidenceError(null);
    return true;
  };
  const done = () => {
    if (!hasTyped(newEvidence) || addTyped()) close();
  };
  const escape = () => (asking ? setAsking(false) : hasTyped(newEvidence) ? setAsking(true) : leave());
  const onStatusKey = (e: React.KeyboardEvent) => {
    const status = STATUSES.find((s) => s.key === e.key);
    if (!status || e.altKey || e.ctrlKey || e.metaKey) return;
    e.preventDefault();
    if (status.id !== claim.status) onPatch({ status: status.id });
  };

  return (
    <section
      className="fm-claim-pane"
      aria-labelledby={headingId}
      data-own-keys
      onKeyDown={(e) => {
        if (e.key !== 'Escape' || e.defaultPrevented) return;
        e.preventDefault();
        escape();
      }}
    >
      <div className="fm-pane-head">
        <h3 id={headingId} className="fm-pane-title">
          Edit claim
        </h3>
        <button type="button" className="fm-button fm-danger" onClick={onDelete}>
          Delete claim
        </button>
        <button type="button" className="fm-button fm-primary" onClick={done}>
          Done
        </button>
      </div>
      <blockquote className="fm-editor-quote">{snippet(claim.target.quote.exact, 400)}</blockquote>
      <ClaimSyncNotice claim={claim} />
      <div className="fm-editor-grid">
        <label className="fm-field">
          <span>Status</span>
          <select ref={statusControl} value={claim.status} onKeyDown={onStatusKey} onChange={(e) => onPatch({ status: e.target.value as ClaimRecord['status'] })}>
            {STATUSES.map((s) => (
              <option key={s.id} value={s.id}>
                {s.glyph} {s.label} ({s.key})
              </option>
            ))}
          </select>
        </label>
        <label className="fm-field">
          <span>Claimant</span>
          <input
            type="text"
            list={listId}
            {...claimant}
            onFocus={() => setSuggesting(true)}
            placeholder="Who made this claim?"
            onKeyDown={(e) => {
              if (e.key === 'Enter') claimant.flush();
            }}
          />
          <datalist id={listId}>
            {(suggesting ? claimants : []).map((name) => (
              <option key={name} value={name} />
            ))}
          </datalist>
          {claimantNote ? <span className="fm-hint fm-claimant-note">{claimantNote}</span> : null}
        </label>
      </div>
      <label className="fm-field">
        <span>Note</span>
        <textarea rows={3} {...note} />
      </label>

      <ClaimPublicationFields claim={claim} onPatch={onPatch} />
      <section aria-label="Evidence" className="fm-editor-section">
        <h3 className="fm-section-title">Evidence ({claim.evidence.length})</h3>
        {claim.evidence.length === 0 ? <p className="fm-hint">No evidence yet.</p> : null}
        <ul className="fm-evidence-list">
          {claim.evidence.map((item, i) => (
            <EvidenceRow
              key={item.id}
              item={item}
              index={i}
              onChange={(next) => setEvidence(claim.evidence.map((e) => (e.id === next.id ? next : e)))}
              onRemove={() => setEvidence(claim.evidence.filter((e) => e.id !== item.id))}
            />
          ))}
        </ul>
        <AddEvidence draft={newEvidence} onDraft={setNewEvidence} onAdd={addTyped} error={evidenceError} />
      </section>
      {children}

      <section aria-label="Review record" className="fm-editor-section">
        <h3 className="fm-section-title">Review record</h3>
        <dl className="fm-facts">
          <dt>Reviewer</dt>
          <dd>
            {claim.reviewer || 'not recorded'}
            {reviewerName ? null : (
              <>
                {' · '}
                <button type="button" className="fm-link-button" onClick={onOpenPreferences}>
                  Set your name in Preferences
                </button>
              </>
            )}
          </dd>
          <dt>Created</dt>
          <dd>
            <time dateTime={claim.createdAt}>{formatTime(claim.createdAt)}</time>
          </dd>
          <dt>Updated</dt>
          <dd>
            <time dateTime={claim.updatedAt}>{formatTime(claim.updatedAt)}</time>
          </dd>
        </dl>
        <h4 className="fm-section-title">Status history</h4>
        <ol className="fm-history" aria-label="Status history">
          {claim.history.map((h, i) => (
            <li key={i}>
              {statusInfo(h.status).glyph} {statusInfo(h.status).label} · <time dateTime={h.at}>{formatTime(h.at)}</time>
              {h.reviewer ? ` · ${h.reviewer}` : ''}
            </li>
          ))}
        </ol>
      </section>
      {asking ? (
        <div role="alertdialog" aria-label="Evidence not added" className="fm-message fm-ask">
          <p>The evidence you typed has not been added.</p>
          <button type="button" className="fm-button fm-primary" autoFocus onClick={() => addTyped() && leave()}>
            Add it
          </button>{' '}
          <button type="button" className="fm-button" onClick={() => leave(true)}>
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
