/**
 * Deleting an article from the app: "Delete article…" asks first (title and claim count), deletes
 * through library.delete (the store keeps its last version as a backup), and offers Undo, which
 * restores that backup with backups.restore.
 */
import { useCallback, useState, type ReactNode } from 'react';
import type { ArticleRecord } from '../../src-shared/model';
import type { FactmarkClient } from '../api/client';
import { Dialog } from '../components/Dialog';

interface Options {
  client: FactmarkClient;
  /** After a delete (or its undo): refresh the library and open `openId` (null: whatever comes first). */
  onChanged(openId: string | null): Promise<void>;
  notify(text: string): void;
  report(error: unknown): void;
}

export interface ArticleDeletion {
  /** Ask to delete this article. */
  ask(article: ArticleRecord, claimCount: number): void;
  /** The confirm dialog while asking, else null. */
  dialog: ReactNode;
  /** The "Deleted … Undo" line after a delete, else null. */
  undoLine: ReactNode;
}

export function useArticleDeletion({ client, onChanged, notify, report }: Options): ArticleDeletion {
  const [asking, setAsking] = useState<{ article: ArticleRecord; claimCount: number } | null>(null);
  const [deleted, setDeleted] = useState<{ id: string; title: string } | null>(null);
  const [busy, setBusy] = useState(false);

  const ask = useCallback((article: ArticleRecord, claimCount: number) => setAsking({ article, claimCount }), []);

  const confirm = async () => {
    if (!asking) return;
    const { id, title } = asking.article;
    setBusy(true);
    try {
      await client.call('library.delete', { articleId: id });
      setAsking(null);
      setDeleted({ id, title });
      await onChanged(null);
    } catch (error) {
      report(error);
    } finally {
      setBusy(false);
    }
  };

  const undo = async () => {
    if (!deleted) return;
    try {
      const [last] = await client.call('backups.list', { articleId: deleted.id, limit: 1 });
      if (!last) throw new Error(`No backup of “${deleted.title}” was found.`);
      await client.call('backups.restore', { articleId: deleted.id, backupId: last.id });
      setDeleted(null);
      await onChanged(deleted.id);
      notify(`“${deleted.title}” is back.`);
    } catch (error) {
      report(error);
    }
  };

  const dialog = asking ? (
    <Dialog title="Delete article" onClose={() => setAsking(null)} className="fm-form-dialog">
      <p>
        Delete “{asking.article.title}” and its {asking.claimCount === 1 ? '1 claim' : `${asking.claimCount} claims`} from the library?
      </p>
      <p className="fm-hint">Its last version is kept as a backup: Undo brings it back (or, later, <code>npm run cli -- restore {asking.article.id} &lt;backupId&gt;</code>).</p>
      <div className="fm-dialog-actions">
        <button type="button" className="fm-button" data-autofocus onClick={() => setAsking(null)}>
          Keep it
        </button>
        <button type="button" className="fm-button fm-danger" disabled={busy} onClick={() => void confirm()}>
          Delete article
        </button>
      </div>
    </Dialog>
  ) : null;

  const undoLine = deleted ? (
    <p className="fm-message fm-deleted-line" role="status">
      Deleted “{deleted.title}”.{' '}
      <button type="button" className="fm-button" onClick={() => void undo()}>
        Undo delete
      </button>{' '}
      <button type="button" className="fm-link-button" aria-label="Dismiss message" onClick={() => setDeleted(null)}>
        Dismiss
      </button>
    </p>
  ) : null;

  return { ask, dialog, undoLine };
}
