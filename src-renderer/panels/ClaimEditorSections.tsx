/**
 * The claim editor's sections, each memoised on the few values it shows, so an edit draws again
 * only the sections it changes: a status change redraws the status control and the review record
 * (and the publication warning that depends on the status), not the claimant, note or evidence.
 */
import { memo, useId, useLayoutEffect, useRef, useState } from 'react';
import type { ClaimPatch } from '../../src-shared/claims';
import type { ClaimRecord, EvidenceItem, StatusChangeEntry } from '../../src-shared/model';
import { STATUSES, statusInfo } from '../../src-shared/statuses';
import type { Draft } from '../components/use-draft';
import { snippet } from '../desk/claim-list';
import { formatTime } from '../format-time';
import { AddEvidence, EvidenceRow, type NewEvidence } from './EvidenceFields';

export const EditorHead = memo(function EditorHead({ headingId, onDelete, onDone }: { headingId: string; onDelete(): void; onDone(): void }) {
  return (
    <div className="fm-pane-head">
      <h3 id={headingId} className="fm-pane-title">
        Edit claim
      </h3>
      <button type="button" className="fm-button fm-danger" onClick={onDelete}>
        Delete claim
      </button>
      <button type="button" className="fm-button fm-primary" onClick={onDone}>
        Done
      </button>
    </div>
  );
});

export const EditorQuote = memo(function EditorQuote({ exact }: { exact: string }) {
  return <blockquote className="fm-editor-quote">{snippet(exact, 400)}</blockquote>;
});

interface StatusProps {
  claimId: string;
  status: ClaimRecord['status'];
  /** Non-zero: take the focus (each new value focuses again). */
  focusStatus: number;
  onPatch(patch: ClaimPatch): void;
}

/** The status control; a number key on it sets that status, as it does on the desk. */
export const StatusField = memo(function StatusField({ claimId, status, focusStatus, onPatch }: StatusProps) {
  const control = useRef<HTMLSelectElement>(null);
  useLayoutEffect(() => {
    if (focusStatus) control.current?.focus({ preventScroll: true });
  }, [focusStatus, claimId]);
  const onKeyDown = (e: React.KeyboardEvent) => {
    const chosen = STATUSES.find((s) => s.key === e.key);
    if (!chosen || e.altKey || e.ctrlKey || e.metaKey) return;
    e.preventDefault();
    if (chosen.id !== status) onPatch({ status: chosen.id });
  };
  return (
    <label className="fm-field">
      <span>Status</span>
      <select ref={control} value={status} onKeyDown={onKeyDown} onChange={(e) => onPatch({ status: e.target.value as ClaimRecord['status'] })}>
        {STATUS_OPTIONS}
      </select>
    </label>
  );
});

/** The same option elements for every drawing: React leaves them alone. */
const STATUS_OPTIONS = STATUSES.map((s) => (
  <option key={s.id} value={s.id}>
    {s.glyph} {s.label} ({s.key})
  </option>
));

interface ClaimantProps {
  draft: Draft;
  /** The names suggested (drawn once the field is used). */
  claimants: readonly string[];
  /** Why the claimant was pre-filled, if it was. */
  claimantNote?: string;
}

export const ClaimantField = memo(function ClaimantField({ draft, claimants, claimantNote }: ClaimantProps) {
  const listId = useId();
  /** The claimant suggestions (up to the whole library's names) are drawn once the field is used. */
  const [suggesting, setSuggesting] = useState(false);
  return (
    <label className="fm-field">
      <span>Claimant</span>
      <input
        type="text"
        list={listId}
        {...draft}
        onFocus={() => setSuggesting(true)}
        placeholder="Who made this claim?"
        onKeyDown={(e) => {
          if (e.key === 'Enter') draft.flush();
        }}
      />
      <datalist id={listId}>
        {(suggesting ? claimants : []).map((name) => (
          <option key={name} value={name} />
        ))}
      </datalist>
      {claimantNote ? <span className="fm-hint fm-claimant-note">{claimantNote}</span> : null}
    </label>
  );
});

export const NoteField = memo(function NoteField({ draft }: { draft: Draft }) {
  return (
    <label className="fm-field">
      <span>Note</span>
      <textarea rows={3} {...draft} />
    </label>
  );
});

interface EvidenceProps {
  evidence: readonly EvidenceItem[];
  /** What is typed in the add-evidence form, and why it could not be added. */
  newEvidence: NewEvidence;
  error: string | null;
  /** Change one item (by its id), or remove one: made to the claim as it is now. */
  onChange(next: EvidenceItem): void;
  onRemove(id: string): void;
  onDraft(next: NewEvidence): void;
  onAdd(): void;
}

export const EvidenceSection = memo(function EvidenceSection({ evidence, newEvidence, error, onChange, onRemove, onDraft, onAdd }: EvidenceProps) {
  return (
    <section aria-label="Evidence" className="fm-editor-section">
      <h3 className="fm-section-title">Evidence ({evidence.length})</h3>
      {evidence.length === 0 ? <p className="fm-hint">No evidence yet.</p> : null}
      <ul className="fm-evidence-list">
        {evidence.map((item, i) => (
          <EvidenceRow
            key={item.id}
            item={item}
            index={i}
            onChange={onChange}
            onRemove={() => onRemove(item.id)}
          />
        ))}
      </ul>
      <AddEvidence draft={newEvidence} onDraft={onDraft} onAdd={onAdd} error={error} />
    </section>
  );
});

interface RecordProps {
  reviewer: string;
  createdAt: string;
  updatedAt: string;
  history: readonly StatusChangeEntry[];
  /** The reviewer name set in Preferences ('' while unset). */
  reviewerName: string;
  onOpenPreferences(): void;
}

/** One status-history entry; entries never change, so only a new one is drawn. */
const HistoryEntry = memo(function HistoryEntry({ entry }: { entry: StatusChangeEntry }) {
  const { glyph, label } = statusInfo(entry.status);
  return (
    <li>
      {glyph} {label} · <time dateTime={entry.at}>{formatTime(entry.at)}</time>
      {entry.reviewer ? ` · ${entry.reviewer}` : ''}
    </li>
  );
});

export const ReviewRecord = memo(function ReviewRecord({ reviewer, createdAt, updatedAt, history, reviewerName, onOpenPreferences }: RecordProps) {
  return (
    <section aria-label="Review record" className="fm-editor-section">
      <h3 className="fm-section-title">Review record</h3>
      <dl className="fm-facts">
        <dt>Reviewer</dt>
        <dd>
          {reviewer || 'not recorded'}
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
          <time dateTime={createdAt}>{formatTime(createdAt)}</time>
        </dd>
        <dt>Updated</dt>
        <dd>
          <time dateTime={updatedAt}>{formatTime(updatedAt)}</time>
        </dd>
      </dl>
      <h4 className="fm-section-title">Status history</h4>
      <ol className="fm-history" aria-label="Status history">
        {history.map((entry, i) => (
          <HistoryEntry key={i} entry={entry} />
        ))}
      </ol>
    </section>
  );
});
