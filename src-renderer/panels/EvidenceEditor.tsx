/** The claim editor's evidence: one row per source, editable in place, and the form that adds one (a link, or a source without one). */
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

function newEvidenceId(): string {
  return crypto.randomUUID();
}

/** An evidence URL as typed: '' when left empty (a source without a link), the http(s) URL it means (a bare domain as https), or null when it is neither. */
function typedEvidenceUrl(input: string): string | null {
  const url = normaliseWebUrl(input);
  if (url === '') return '';
  return safeExternalUrl(url) ? url : null;
}

const URL_PROBLEM = 'Enter a full http:// or https:// address, or leave it empty for a source without a link';

/** One evidence item, editable in place. */
export function EvidenceRow({ item, index, onChange, onRemove }: { item: EvidenceItem; index: number; onChange(next: EvidenceItem): void; onRemove(): void }) {
  const [urlError, setUrlError] = useState<string | null>(null);
  const errorId = useId();
  // Every commit carries all the fields as drafted, so two quick edits never overwrite each other.
  const commit = (change: Partial<EvidenceItem>) => {
    const draftUrl = typedEvidenceUrl(url.value) ?? item.url;
    for (const d of [url, title, date, citation, note]) d.markSaved();
    const next = { ...item, url: draftUrl, title: title.value, date: date.value, citation: citation.value, note: note.value, ...change };
    if (!next.url && !next.title.trim() && !next.citation.trim()) {
      setUrlError('A source needs a URL, a title or a citation; the old one is kept.');
      return;
    }
    onChange(next);
  };
  const url = useDraft(item.url, (next) => {
    const typed = typedEvidenceUrl(next);
    if (typed === null) {
      setUrlError(`${URL_PROBLEM}; the old one is kept.`);
      return;
    }
    setUrlError(null);
    commit({ url: typed });
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
        <label className="fm-field">
          <span>Date</span>
          <input type="text" {...date} placeholder="2026-03-02" aria-label={`Evidence ${n} date`} />
        </label>
        <label className="fm-field">
          <span>Citation</span>
          <input type="text" {...citation} placeholder="Email from the press office" aria-label={`Evidence ${n} citation`} />
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
export function AddEvidence({ onAdd }: { onAdd(item: EvidenceItem): void }) {
  const [url, setUrl] = useState('');
  const [title, setTitle] = useState('');
  const [date, setDate] = useState('');
  const [citation, setCitation] = useState('');
  const [stance, setStance] = useState<StanceId>('supports');
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const errorId = useId();
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    const typed = typedEvidenceUrl(url);
    if (typed === null) return setError(`${URL_PROBLEM}.`);
    if (!typed && !title.trim() && !citation.trim()) return setError('Give the source’s URL, or its title or citation (an interview, an email, a document).');
    onAdd({ id: newEvidenceId(), url: typed, title: title.trim(), date: date.trim(), citation: citation.trim(), stance, note });
    for (const clear of [setUrl, setTitle, setDate, setCitation, setNote]) clear('');
    setError(null);
  };
  return (
    <form className="fm-add-evidence" onSubmit={submit} aria-label="Add evidence">
      <div className="fm-evidence-grid">
        <label className="fm-field">
          <span>URL</span>
          <input type="url" value={url} onChange={(e) => setUrl(e.target.value)} placeholder="https://… (optional)" aria-invalid={error ? true : undefined} aria-describedby={error ? errorId : undefined} aria-label="New evidence URL" />
        </label>
        <label className="fm-field">
          <span>Title</span>
          <input type="text" value={title} onChange={(e) => setTitle(e.target.value)} aria-label="New evidence title" />
        </label>
        <label className="fm-field">
          <span>Date</span>
          <input type="text" value={date} onChange={(e) => setDate(e.target.value)} placeholder="2026-03-02" aria-label="New evidence date" />
        </label>
        <label className="fm-field">
          <span>Citation</span>
          <input type="text" value={citation} onChange={(e) => setCitation(e.target.value)} placeholder="Email from the press office" aria-label="New evidence citation" />
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
