/**
 * The claim editor's evidence: one editable row per item, and the form that adds one. Evidence is a
 * web page (URL) or a source without one (an interview, an email, a FOI reply): title, date, citation.
 */
import { useId, useState } from 'react';
import { normaliseWebUrl, type EvidenceItem, type StanceId } from '../../src-shared/model';
import { useDraft } from '../components/use-draft';
import { openExternal, safeExternalUrl } from '../desk/links';

const STANCES: readonly { id: StanceId; label: string }[] = [
  { id: 'supports', label: 'Supports the claim' },
  { id: 'refutes', label: 'Refutes the claim' },
  { id: 'context', label: 'Context' },
];

/** The stance of a piece of evidence: supports, refutes or context. */
export function StanceField({ value, label, onChange }: { value: StanceId; label: string; onChange(stance: StanceId): void }) {
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


/** One evidence item, editable in place. */
export function EvidenceRow({ item, index, onChange, onRemove }: { item: EvidenceItem; index: number; onChange(next: EvidenceItem): void; onRemove(): void }) {
  const [urlError, setUrlError] = useState<string | null>(null);
  const errorId = useId();
  // Every commit carries all the fields as drafted, so two quick edits never overwrite each other.
  const commit = (change: Partial<EvidenceItem>) => {
    const draftUrl = webAddress(url.value) ?? item.url;
    for (const d of [url, title, date, citation, note]) d.markSaved();
    const next = { ...item, url: draftUrl, title: title.value, date: date.value.trim(), citation: citation.value, note: note.value, ...change };
    if (!identifies(next)) {
      setUrlError(NOTHING_TO_IDENTIFY);
      return;
    }
    setUrlError(null);
    onChange(next);
  };
  const url = useDraft(item.url, (next) => {
    const address = webAddress(next);
    if (address === null) {
      setUrlError('Enter a full http:// or https:// address, or leave it empty; the old one is kept.');
      return;
    }
    commit({ url: address });
  });
  const title = useDraft(item.title, (next) => commit({ title: next }));
  const date = useDraft(item.date, (next) => commit({ date: next.trim() }));
  const citation = useDraft(item.citation, (next) => commit({ citation: next }));
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
        <label className="fm-field">
          <span>Date</span>
          <input type="text" {...date} aria-label={`Evidence ${n} date`} placeholder="2026-03-02" />
        </label>
        <label className="fm-field fm-field-span2">
          <span>Citation</span>
          <input type="text" {...citation} aria-label={`Evidence ${n} citation`} placeholder="Interview with …, by phone" />
        </label>
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
        <button type="button" className="fm-button" hidden={!safeExternalUrl(item.url)} onClick={() => openExternal(item.url)} aria-label={`Open link of evidence ${n}`} title="Open in the browser">
          Open link <span aria-hidden="true">↗</span>
        </button>
        <button type="button" className="fm-button fm-danger" onClick={onRemove} aria-label={`Remove evidence ${n}`}>
          Remove
        </button>
      </div>
    </li>
  );
}

/** What is typed in the add-evidence form, kept by the editor so Done and Esc can see it. */
export interface NewEvidence {
  url: string;
  title: string;
  date: string;
  citation: string;
  stance: StanceId;
  note: string;
}

export const NO_NEW_EVIDENCE: NewEvidence = { url: '', title: '', date: '', citation: '', stance: 'supports', note: '' };

const NOTHING_TO_IDENTIFY = 'Give a URL, a title or a citation, so readers can find the source.';

/** A typed URL as stored: '' when empty, the https address a bare domain means, or null when it is not a web address. */
function webAddress(typed: string): string | null {
  const url = normaliseWebUrl(typed);
  if (url === '') return '';
  return safeExternalUrl(url) ? url : null;
}

/** Whether an evidence item names its source at all (the model's rule). */
function identifies(e: Pick<EvidenceItem, 'url' | 'title' | 'citation'>): boolean {
  return e.url !== '' || e.title.trim() !== '' || e.citation.trim() !== '';
}

/** Whether anything was typed into the add-evidence form. */
export function hasTyped(draft: NewEvidence): boolean {
  return [draft.url, draft.title, draft.date, draft.citation, draft.note].some((v) => v.trim() !== '');
}

/** The evidence item typed, or the one-line reason it cannot be added. */
export function typedEvidence(draft: NewEvidence): EvidenceItem | string {
  const url = webAddress(draft.url);
  if (url === null) return 'Enter a full http:// or https:// address, or leave the URL empty for a source without one.';
  const item = { id: crypto.randomUUID(), url, title: draft.title.trim(), date: draft.date.trim(), citation: draft.citation.trim(), stance: draft.stance, note: draft.note };
  return identifies(item) ? item : NOTHING_TO_IDENTIFY;
}

/** The form that adds an evidence item (its draft is the editor's). */
export function AddEvidence({ draft, onDraft, onAdd, error }: { draft: NewEvidence; onDraft(next: NewEvidence): void; onAdd(): void; error: string | null }) {
  const errorId = useId();
  const set = (change: Partial<NewEvidence>) => onDraft({ ...draft, ...change });
  return (
    <form
      className="fm-add-evidence"
      onSubmit={(e) => {
        e.preventDefault();
        onAdd();
      }}
      aria-label="Add evidence"
    >
      <div className="fm-evidence-grid">
        <label className="fm-field">
          <span>URL</span>
          <input type="url" value={draft.url} onChange={(e) => set({ url: e.target.value })} placeholder="https://… (optional)" aria-invalid={error ? true : undefined} aria-describedby={error ? errorId : undefined} aria-label="New evidence URL" />
        </label>
        <label className="fm-field">
          <span>Title</span>
          <input type="text" value={draft.title} onChange={(e) => set({ title: e.target.value })} aria-label="New evidence title" />
        </label>
        <StanceField value={draft.stance} label="New evidence stance" onChange={(stance) => set({ stance })} />
        <label className="fm-field">
          <span>Date</span>
          <input type="text" value={draft.date} onChange={(e) => set({ date: e.target.value })} placeholder="2026-03-02" aria-label="New evidence date" />
        </label>
        <label className="fm-field fm-field-span2">
          <span>Citation</span>
          <input type="text" value={draft.citation} onChange={(e) => set({ citation: e.target.value })} placeholder="Email from the ministry’s press office" aria-label="New evidence citation" />
        </label>
        <label className="fm-field fm-field-wide">
          <span>Note</span>
          <textarea rows={2} value={draft.note} onChange={(e) => set({ note: e.target.value })} aria-label="New evidence note" />
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
