/**
 * Versions of the open article (its rolling backups): when each was saved and what it changed,
 * a preview of one (its claims, and what restoring it would change) before restoring, and a
 * restore that can be undone (the version it replaces is kept; onRestored gets the undo).
 */
import { useCallback, useEffect, useState } from 'react';
import type { z } from 'zod';
import type { ResponseOf } from '../../src-shared/contract';
import type { VersionChanges } from '../../src-shared/contract-backups';
import { statusInfo } from '../../src-shared/statuses';
import { errorMessage, type FactmarkClient } from '../api/client';
import { Dialog } from '../components/Dialog';
import { formatTime } from '../format-time';

type Version = ResponseOf<'backups.list'>[number];
type Preview = ResponseOf<'backups.preview'>;
type Current = ResponseOf<'backups.current'>;
type Changes = z.infer<typeof VersionChanges>;

/** How many versions are listed at a time ("Show older versions" brings the next ones). */
const PAGE = 30;

interface Props {
  client: FactmarkClient;
  articleId: string;
  onClose(): void;
  /** A version was brought back; the article must be reloaded. `undo` restores what it replaced and says what it did. */
  onRestored(message: string, undo: () => Promise<string>): void;
}

const when = (v: Version) => formatTime(v.savedAt ?? v.takenAt);
const label = (status: Parameters<typeof statusInfo>[0]) => statusInfo(status).label;
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** One line for a list row: "1 claim added, 1 edited (In review → False)". */
export function changeSummary(changes: Changes | null): string {
  if (!changes) return 'Earliest kept version';
  const parts: string[] = [];
  if (changes.counts.added) parts.push(`${plural(changes.counts.added, 'claim')} added`);
  if (changes.counts.removed) parts.push(`${plural(changes.counts.removed, 'claim')} removed`);
  if (changes.counts.edited) {
    const moves = changes.edited.filter((e) => e.statusFrom).map((e) => `${label(e.statusFrom!)} → ${label(e.claim.status)}`);
    parts.push(`${changes.counts.edited} edited${moves.length ? ` (${moves.slice(0, 3).join(', ')}${moves.length > 3 ? ', …' : ''})` : ''}`);
  }
  if (changes.details.length) parts.push(`details changed: ${changes.details.join(', ')}`);
  return parts.length ? parts.join(', ') : 'No change to claims';
}

/** The full list of changes, one item per claim. */
function ChangeList({ changes, verb }: { changes: Changes; verb: { added: string; removed: string; edited: string } }) {
  const more = (shown: number, total: number) => (total > shown ? <li>…and {total - shown} more</li> : null);
  const quote = (q: string) => `“${q}”`;
  if (!changes.counts.added && !changes.counts.removed && !changes.counts.edited && !changes.details.length) return <p>No claim would change.</p>;
  return (
    <ul className="fm-version-changes">
      {changes.added.map((c) => (
        <li key={`a${c.id}`}>
          {verb.added}: {quote(c.quote)} ({label(c.status)})
        </li>
      ))}
      {more(changes.added.length, changes.counts.added)}
      {changes.removed.map((c) => (
        <li key={`r${c.id}`}>
          {verb.removed}: {quote(c.quote)} ({label(c.status)})
        </li>
      ))}
      {more(changes.removed.length, changes.counts.removed)}
      {changes.edited.map((e) => (
        <li key={`e${e.claim.id}`}>
          {verb.edited}: {quote(e.claim.quote)} — {e.statusFrom ? `status ${label(e.statusFrom)} → ${label(e.claim.status)}` : e.fields.join(', ')}
          {e.statusFrom && e.fields.length > 1 ? `; ${e.fields.filter((f) => f !== 'status').join(', ')}` : ''}
        </li>
      ))}
      {more(changes.edited.length, changes.counts.edited)}
      {changes.details.length ? <li>Article details: {changes.details.join(', ')}</li> : null}
    </ul>
  );
}

export function VersionsDialog({ client, articleId, onClose, onRestored }: Props) {
  const [versions, setVersions] = useState<Version[] | null>(null);
  const [current, setCurrent] = useState<Current | null>(null);
  const [hasOlder, setHasOlder] = useState(false);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const loadPage = useCallback(
    async (before?: string) => {
      const page = await client.call('backups.list', { articleId, limit: PAGE + 1, ...(before ? { before } : {}) });
      setHasOlder(page.length > PAGE);
      setVersions((shown) => [...(before ? (shown ?? []) : []), ...page.slice(0, PAGE)]);
    },
    [client, articleId],
  );

  useEffect(() => {
    loadPage().catch((e: unknown) => setError(errorMessage(e)));
    client.call('backups.current', { articleId }).then(setCurrent, (e: unknown) => setError(errorMessage(e)));
  }, [loadPage, client, articleId]);

  async function run(task: () => Promise<void>): Promise<void> {
    setBusy(true);
    setError(null);
    try {
      await task();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  }

  const openPreview = (v: Version) => run(async () => setPreview(await client.call('backups.preview', { articleId, backupId: v.id })));

  const restore = (p: Preview) =>
    run(async () => {
      const result = await client.call('backups.restore', { articleId, backupId: p.version.id });
      const replaced = result.replacedBackupId;
      const undo = async () => {
        if (!replaced) return 'There is no earlier version to go back to.';
        const back = await client.call('backups.restore', { articleId, backupId: replaced });
        return `Undid the restore: the version from before it is back (${plural(back.claimCount, 'claim')}).`;
      };
      onRestored(`Restored the version of ${when(p.version)} (${plural(result.claimCount, 'claim')}). Undo with Ctrl+Z.`, undo);
    });

  if (preview) {
    const v = preview.version;
    return (
      <Dialog title={`Version of ${when(v)}`} onClose={onClose} className="fm-form-dialog fm-versions-dialog">
        <h3 className="fm-version-heading">Restoring this version would</h3>
        <ChangeList changes={preview.restoring} verb={{ added: 'Bring back', removed: 'Remove', edited: 'Change back' }} />
        <h3 className="fm-version-heading">Claims in this version ({preview.claims.length})</h3>
        {preview.claims.length === 0 ? (
          <p>This version has no claims.</p>
        ) : (
          <table className="fm-versions">
            <caption className="fm-visually-hidden">Claims in the version of {when(v)}</caption>
            <thead>
              <tr>
                <th scope="col">Quote</th>
                <th scope="col">Status</th>
                <th scope="col">Claimant</th>
              </tr>
            </thead>
            <tbody>
              {preview.claims.map((c) => (
                <tr key={c.id}>
                  <td>“{c.target.quote.exact}”</td>
                  <td>{label(c.status)}</td>
                  <td>{c.claimant || '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {error ? (
          <p className="fm-error" role="alert">
            {error}
          </p>
        ) : null}
        <div className="fm-dialog-actions">
          <button type="button" className="fm-button" disabled={busy} onClick={() => setPreview(null)}>
            Back to versions
          </button>
          <button type="button" className="fm-button fm-primary" disabled={busy} data-autofocus onClick={() => void restore(preview)}>
            Restore this version
          </button>
        </div>
      </Dialog>
    );
  }

  return (
    <Dialog title="Earlier versions" onClose={onClose} className="fm-form-dialog fm-versions-dialog">
      {versions === null && !error ? <p role="status">Loading versions…</p> : null}
      {versions?.length === 0 ? <p>No earlier versions yet: one is kept each time the article’s claims change.</p> : null}
      {versions && versions.length > 0 ? (
        <table className="fm-versions">
          <caption className="fm-visually-hidden">Saved versions, newest first, with what each changed</caption>
          <thead>
            <tr>
              <th scope="col">Saved</th>
              <th scope="col">Claims</th>
              <th scope="col">What changed</th>
              <th scope="col">
                <span className="fm-visually-hidden">Action</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {current ? (
              <tr className="fm-version-current">
                <td>Now{current.updatedAt ? ` (last change ${formatTime(current.updatedAt)})` : ''}</td>
                <td>{current.claimCount}</td>
                <td>{changeSummary(current.changes)}</td>
                <td>Current version</td>
              </tr>
            ) : null}
            {versions.map((v) => (
              <tr key={v.id}>
                <td>{when(v)}</td>
                <td>{v.claimCount ?? 'unreadable'}</td>
                <td>{v.claimCount === null ? '—' : changeSummary(v.changes)}</td>
                <td>
                  <button
                    type="button"
                    className="fm-button"
                    disabled={busy || v.claimCount === null}
                    aria-label={`Preview the version saved ${when(v)}`}
                    onClick={() => void openPreview(v)}
                  >
                    Preview…
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {hasOlder && versions ? (
        <button type="button" className="fm-button" disabled={busy} onClick={() => void run(() => loadPage(versions[versions.length - 1].id))}>
          Show older versions
        </button>
      ) : null}
      {error ? (
        <p className="fm-error" role="alert">
          {error}
        </p>
      ) : null}
    </Dialog>
  );
}
