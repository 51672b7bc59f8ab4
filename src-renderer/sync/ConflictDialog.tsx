/**
 * Resolve a claim's conflict: its versions side by side (status, claimant, evidence, note, who and
 * when; a deletion says who deleted it and when), "Keep this version" under each, and "Merge…":
 * status, claimant and note picked per field from any version, evidence as the union of all.
 */
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import type { SyncRequest } from './sync-client';
import type { ClaimRecord } from '../../src-shared/model';
import { errorMessage } from '../api/client';
import { Dialog } from '../components/Dialog';
import { snippet } from '../desk/claim-list';
import { StatusChip } from '../panels/StatusChip';
import { conflictColumns, evidenceUnion, MERGE_FIELDS, mergeable, mergedFields, whoAndWhen, type MergeField, type VersionColumn } from './conflict-versions';
import { formatTime } from '../format-time';

type Keep = SyncRequest<'claims.resolveConflict'>['keep'];

interface Props {
  claim: ClaimRecord;
  onResolve(keep: Keep): Promise<void>;
  onClose(): void;
}

const FIELD_LABEL: Record<MergeField, string> = { status: 'Status', claimant: 'Claimant', note: 'Note' };


function Evidence({ column }: { column: VersionColumn }) {
  const items = column.evidence ?? [];
  if (items.length === 0) return <span className="fm-hint fm-conflict-none">No evidence</span>;
  return (
    <ul className="fm-conflict-evidence">
      {items.map((e) => (
        <li key={e.id}>{e.title || e.url || e.citation}</li>
      ))}
    </ul>
  );
}

function Column({ column, index, onKeep }: { column: VersionColumn; index: number; onKeep(): void }) {
  const heading = `${column.title}${column.deleted ? ' (deleted)' : ''}`;
  return (
    <section className={`fm-conflict-column${column.deleted ? ' fm-conflict-deleted' : ''}`} aria-label={heading} data-version={index}>
      <h3 className="fm-conflict-heading">{heading}</h3>
      <p className="fm-conflict-who">{whoAndWhen(column, formatTime)}</p>
      {column.deleted ? (
        <p className="fm-conflict-deletion">
          <span aria-hidden="true">✕ </span>Keeping this version deletes the claim on every computer.
        </p>
      ) : (
        <dl className="fm-facts fm-conflict-facts">
          <dt>Status</dt>
          <dd>{column.status ? <StatusChip status={column.status} /> : '—'}</dd>
          <dt>Claimant</dt>
          <dd>{column.claimant || <span className="fm-hint fm-conflict-none">None</span>}</dd>
          <dt>Evidence</dt>
          <dd>
            <Evidence column={column} />
          </dd>
          <dt>Note</dt>
          <dd className="fm-conflict-note">{column.note || <span className="fm-hint fm-conflict-none">None</span>}</dd>
        </dl>
      )}
      <button type="button" className="fm-button" aria-label={`Keep this version: ${heading}`} onClick={onKeep}>
        Keep this version
      </button>
    </section>
  );
}

function MergeForm({ columns, onSave, onCancel }: { columns: VersionColumn[]; onSave(fields: ReturnType<typeof mergedFields>): void; onCancel(): void }) {
  const [picks, setPicks] = useState<Record<MergeField, number>>({ status: 0, claimant: 0, note: 0 });
  const name = useId();
  const form = useRef<HTMLFormElement>(null);
  // The merge replaces the button that opened it: the focus moves to its first choice, not to the page.
  useEffect(() => form.current?.querySelector<HTMLInputElement>('input')?.focus(), []);
  const choices = mergeable(columns);
  const evidence = evidenceUnion(choices);
  const value = (column: VersionColumn, field: MergeField) => (field === 'status' ? column.status ?? '' : column[field] ?? '');
  return (
    <form
      ref={form}
      className="fm-conflict-merge"
      aria-label="Merge the versions"
      onSubmit={(e) => {
        e.preventDefault();
        onSave(mergedFields(columns, picks));
      }}
    >
      {MERGE_FIELDS.map((field) => (
        <fieldset key={field} className="fm-conflict-pick">
          <legend>{FIELD_LABEL[field]}</legend>
          {columns.map((column, index) =>
            column.deleted ? null : (
              <label key={index} className="fm-conflict-choice">
                <input type="radio" name={`${name}-${field}`} checked={picks[field] === index} onChange={() => setPicks({ ...picks, [field]: index })} />
                <span>
                  {column.title}: {field === 'status' && column.status ? <StatusChip status={column.status} /> : snippet(String(value(column, field)), 80) || '(empty)'}
                </span>
              </label>
            ),
          )}
        </fieldset>
      ))}
      <p className="fm-hint fm-conflict-union">Evidence: all {evidence.length} item{evidence.length === 1 ? '' : 's'} from every version, each once.</p>
      <div className="fm-dialog-actions">
        <button type="button" className="fm-button" onClick={onCancel}>
          Back to the versions
        </button>
        <button type="submit" className="fm-button fm-primary">
          Save the merged version
        </button>
      </div>
    </form>
  );
}

export function ConflictDialog({ claim, onResolve, onClose }: Props) {
  const columns = useMemo(() => conflictColumns(claim), [claim]);
  const [merging, setMerging] = useState(false);
  const mergeButton = useRef<HTMLButtonElement>(null);
  const wasMerging = useRef(false);
  // Back from the merge: the focus returns to "Merge…".
  useEffect(() => {
    if (wasMerging.current && !merging) mergeButton.current?.focus();
    wasMerging.current = merging;
  }, [merging]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // Buttons stay enabled while the call runs (disabling the focused one would drop the focus); a second click is ignored.
  const resolve = async (keep: Keep) => {
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      await onResolve(keep);
    } catch (err) {
      setError(errorMessage(err));
      setBusy(false);
    }
  };
  return (
    <Dialog title="Resolve conflict" onClose={onClose} className="fm-conflict-dialog">
      <blockquote className="fm-editor-quote">{snippet(claim.target.quote.exact, 300)}</blockquote>
      <p className="fm-hint fm-conflict-intro">
        This claim was changed on two computers before they synced. Both versions are kept until you choose: keep one, or merge them. The version you keep replaces the others on every computer.
      </p>
      {merging ? (
        <MergeForm columns={columns} onSave={(fields) => void resolve({ fields })} onCancel={() => setMerging(false)} />
      ) : (
        <>
          <div className="fm-conflict-columns">
            {columns.map((column, index) => (
              <Column key={index} column={column} index={index} onKeep={() => void resolve(column.keep)} />
            ))}
          </div>
          <div className="fm-dialog-actions">
            <button type="button" className="fm-button" onClick={onClose}>
              Decide later
            </button>
            <button ref={mergeButton} type="button" className="fm-button fm-primary" data-autofocus onClick={() => setMerging(true)}>
              Merge…
            </button>
          </div>
        </>
      )}
      {error ? (
        <p role="alert" className="fm-team-error">
          {error}
        </p>
      ) : null}
    </Dialog>
  );
}
