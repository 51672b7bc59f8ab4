/**
 * The claim editor: status, claimant (with suggestions), evidence, note, reviewer, times and the
 * status history. Each field saves itself when it changes (text fields when they lose focus).
 */
import { useEffect, useId, useRef, useState } from 'react';
import type { ClaimRecord, EvidenceItem, StanceId } from '../../src-shared/model';
import { STATUSES, statusInfo } from '../../src-shared/statuses';
import { Dialog } from '../components/Dialog';
import type { ClaimPatch } from '../../src-shared/claims';
import { openExternal, safeExternalUrl } from '../desk/links';
import { snippet } from '../desk/claim-list';

interface Props {
  claim: ClaimRecord;
  claimants: readonly string[];
  /** Why the claimant was pre-filled (a suggestion the reviewer can keep or overwrite), if it was. */
  claimantNote?: string;
  onPatch(patch: ClaimPatch): void;
  onDelete(): void;
  onClose(): void;
  onOpenPreferences(): void;
  /** Shown after the evidence (the library's "Checked before" matches). */
  children?: React.ReactNode;
}

const STANCES: readonly { id: StanceId; label: string }[] = [
  { id: 'supports', label: 'Supports the claim' },
  { id: 'refutes', label: 'Refutes the claim' },
  { id: 'context', label: 'Context' },
];

/** The stance of a piece of evidence: supports, refutes or context. */
function StanceField({ value, label, onChange }: { value: StanceId; label: string; onChange(stance: StanceId): void }) {
  return (
    <label className="fm-field">
      <span>Stance</span>
      <select value={value} aria-label={label} onChange={(e) => onChange(e.target.value as StanceId)}>
        {STANCES.map((s) => (
          <option key={s.id} value={s.id}>
            {s.label}
          </option>
        ))}
      </select>
    </label>
  );
}

/** A text field's local draft: follows the stored value until edited, commits when asked. */
function useDraft(value: string, commit: (next: string) => void) {
  const [draft, setDraft] = useState(value);
  const dirty = useRef(false);
  useEffect(() => {
    if (!dirty.current) setDraft(value);
  }, [value]);
  const flush = () => {
    if (!dirty.current) return;
    dirty.current = false;
    if (draft !== value) commit(draft);
  };
  return {
    value: draft,
    onChange: (e: React.ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => {
      dirty.current = true;
      setDraft(e.target.value);
    },
    onBlur: flush,
    flush,
    /** Forget the edit was pending (it has been saved with something else). */
    markSaved: () => {
      dirty.current = false;
    },
  };
}

function formatTime(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : d.toLocaleString();
}

function newEvidenceId(): string {
  return crypto.randomUUID();
}

/** One evidence item, editable in place. */
function EvidenceRow({ item, index, onChange, onRemove }: { item: EvidenceItem; index: number; onChange(next: EvidenceItem): void; onRemove(): void }) {
  const [urlError, setUrlError] = useState<string | null>(null);
  const errorId = useId();
  // Every commit carries all the fields as drafted, so two quick edits never overwrite each other.
  const commit = (change: Partial<EvidenceItem>) => {
    const draftUrl = safeExternalUrl(url.value) ? url.value.trim() : item.url;
    for (const d of [url, title, note]) d.markSaved();
    onChange({ ...item, url: draftUrl, title: title.value, note: note.value, ...change });
  };
  const url = useDraft(item.url, (next) => {
    if (!safeExternalUrl(next)) {
      setUrlError('Enter a full http:// or https:// address; the old one is kept.');
      return;
    }
    setUrlError(null);
    commit({ url: next.trim() });
  });
  const title = useDraft(item.title, (next) => commit({ title: next }));
  const note = useDraft(item.note, (next) => commit({ note: next }));
  const n = index + 1;
  return (
    <li className="fm-evidence">
      <div className="fm-evidence-grid">
        <label className="fm-field">
          <span>URL</span>
          <input type="url" {...url} aria-invalid={urlError ? true : undefined} aria-describedby={urlError ? errorId : undefined} aria-label={`Evidence ${n} URL`} />
        </label>
        <label className="fm-field">
          <span>Title</span>
          <input type="text" {...title} aria-label={`Evidence ${n} title`} />
        </label>
        <StanceField value={item.stance} label={`Evidence ${n} stance`} onChange={(stance) => commit({ stance })} />
        <label className="fm-field fm-field-wide">
          <span>Note</span>
          <textarea rows={2} {...note} aria-label={`Evidence ${n} note`} />
        </label>
      </div>
      {urlError ? (
        <p id={errorId} className="fm-error" role="alert">
          {urlError}
        </p>
      ) : null}
      <div className="fm-row-actions">
        <button type="button" className="fm-button" disabled={!safeExternalUrl(item.url)} onClick={() => openExternal(item.url)} aria-label={`Open evidence ${n} in the browser`}>
          Open link ↗
        </button>
        <button type="button" className="fm-button fm-danger" onClick={onRemove} aria-label={`Remove evidence ${n}`}>
          Remove
        </button>
      </div>
    </li>
  );
}

/** The form that adds an evidence item. */
function AddEvidence({ onAdd }: { onAdd(item: EvidenceItem): void }) {
  const [url, setUrl] = useState('');
  const [title, setTitle] = useState('');
  const [stance, setStance] = useState<StanceId>('supports');
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const errorId = useId();
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    const safe = safeExternalUrl(url);
    if (!safe) {
      setError('Enter a full http:// or https:// address.');
      return;
    }
    onAdd({ id: newEvidenceId(), url: url.trim(), title: title.trim(), stance, note });
    setUrl('');
    setTitle('');
    setNote('');
    setError(null);
  };
  return (
    <form className="fm-add-evidence" onSubmit={submit} aria-label="Add evidence">
      <div className="fm-evidence-grid">
        <label className="fm-field">
          <span>URL</span>
          <input type="url" value={url} onChange={(e) => setUrl(e.target.value)} placeholder="https://…" aria-invalid={error ? true : undefined} aria-describedby={error ? errorId : undefined} aria-label="New evidence URL" />
        </label>
        <label className="fm-field">
          <span>Title</span>
          <input type="text" value={title} onChange={(e) => setTitle(e.target.value)} aria-label="New evidence title" />
        </label>
        <StanceField value={stance} label="New evidence stance" onChange={setStance} />
        <label className="fm-field fm-field-wide">
          <span>Note</span>
          <textarea rows={2} value={note} onChange={(e) => setNote(e.target.value)} aria-label="New evidence note" />
        </label>
      </div>
      {error ? (
        <p id={errorId} className="fm-error" role="alert">
          {error}
        </p>
      ) : null}
      <button type="submit" className="fm-button">
        Add evidence
      </button>
    </form>
  );
}

export function ClaimEditor({ claim, claimants, claimantNote, onPatch, onDelete, onClose, onOpenPreferences, children }: Props) {
  const listId = useId();
  const claimant = useDraft(claim.claimant, (next) => onPatch({ claimant: next.trim() }));
  const note = useDraft(claim.note, (next) => onPatch({ note: next }));
  const close = () => {
    claimant.flush();
    note.flush();
    onClose();
  };
  const setEvidence = (evidence: EvidenceItem[]) => onPatch({ evidence });

  return (
    <Dialog title="Edit claim" onClose={close} className="fm-editor">
      <blockquote className="fm-editor-quote">{snippet(claim.target.quote.exact, 400)}</blockquote>
      <div className="fm-editor-grid">
        <label className="fm-field">
          <span>Status</span>
          <select data-autofocus value={claim.status} onChange={(e) => onPatch({ status: e.target.value as ClaimRecord['status'] })}>
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
            placeholder="Who made this claim?"
            onKeyDown={(e) => {
              if (e.key === 'Enter') claimant.flush();
            }}
          />
          <datalist id={listId}>
            {claimants.map((name) => (
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
        <AddEvidence onAdd={(item) => setEvidence([...claim.evidence, item])} />
      </section>
      {children}

      <section aria-label="Review record" className="fm-editor-section">
        <h3 className="fm-section-title">Review record</h3>
        <dl className="fm-facts">
          <dt>Reviewer</dt>
          <dd>
            {claim.reviewer || 'Not set'}{' '}
            <button type="button" className="fm-link-button" onClick={onOpenPreferences}>
              Set your name in Preferences
            </button>
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
      <div className="fm-dialog-actions">
        <button type="button" className="fm-button fm-danger" onClick={onDelete}>
          Delete claim
        </button>
        <button type="button" className="fm-button" onClick={close}>
          Done
        </button>
      </div>
    </Dialog>
  );
}
