/** Versions of the open article (rolling backups): when each was saved, its claims, and Restore. */
import { useEffect, useState } from 'react';
import type { ResponseOf } from '../../src-shared/contract';
import { errorMessage, type FactmarkClient } from '../api/client';
import { Dialog } from '../components/Dialog';

type Versions = ResponseOf<'backups.list'>;

interface Props {
  client: FactmarkClient;
  articleId: string;
  onClose(): void;
  /** A version was brought back; the article must be reloaded. */
  onRestored(message: string): void;
}

export function VersionsDialog({ client, articleId, onClose, onRestored }: Props) {
  const [versions, setVersions] = useState<Versions | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    client.call('backups.list', { articleId }).then(setVersions, (e: unknown) => setError(errorMessage(e)));
  }, [client, articleId]);

  async function restore(backupId: string, takenAt: string): Promise<void> {
    setBusy(true);
    setError(null);
    try {
      const result = await client.call('backups.restore', { articleId, backupId });
      onRestored(`Restored the version of ${new Date(takenAt).toLocaleString()} (${result.claimCount} claims); the version it replaced was kept, so this can be undone here.`);
    } catch (e) {
      setError(errorMessage(e));
      setBusy(false);
    }
  }

  return (
    <Dialog title="Earlier versions" onClose={onClose} className="fm-form-dialog">
      {versions === null && !error ? <p role="status">Loading versions…</p> : null}
      {versions?.length === 0 ? <p>No earlier versions yet: one is kept each time the article’s claims change.</p> : null}
      {versions && versions.length > 0 ? (
        <table className="fm-versions">
          <caption className="fm-visually-hidden">Saved versions, newest first</caption>
          <thead>
            <tr>
              <th scope="col">Saved</th>
              <th scope="col">Claims</th>
              <th scope="col">
                <span className="fm-visually-hidden">Action</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {versions.map((v) => (
              <tr key={v.id}>
                <td>{new Date(v.takenAt).toLocaleString()}</td>
                <td>{v.claimCount ?? 'unreadable'}</td>
                <td>
                  <button
                    type="button"
                    className="fm-button"
                    disabled={busy || v.claimCount === null}
                    aria-label={`Restore the version saved ${new Date(v.takenAt).toLocaleString()}`}
                    onClick={() => void restore(v.id, v.takenAt)}
                  >
                    Restore
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {error ? (
        <p className="fm-error" role="alert">
          {error}
        </p>
      ) : null}
    </Dialog>
  );
}
