/**
 * Undo for restoring a stored version of the open article: the restore keeps the version it
 * replaced, and undoing restores that one. Ctrl+Z / Undo runs it once the desk's own history
 * (edits made after the restore) is used up; opening another article puts it out of reach.
 */
import { useCallback, useState } from 'react';
import type { Library } from './use-library';

interface PendingRestore {
  articleId: string;
  /** Restore the replaced version; resolves to what to tell the user. */
  run(): Promise<string>;
}

export interface RestoreUndo {
  /** Whether the open article's last restore can be undone now. */
  available: boolean;
  /** Remember how to undo the restore just made. */
  arm(articleId: string, run: () => Promise<string>): void;
  /** Undo the restore when available (false when there is none), then reload the article. */
  undo(): boolean;
}

export function useRestoreUndo(library: Library, notify: (text: string) => void, report: (error: unknown) => void): RestoreUndo {
  const [pending, setPending] = useState<PendingRestore | null>(null);
  const available = pending !== null && pending.articleId === library.article?.id;
  const arm = useCallback((articleId: string, run: () => Promise<string>) => setPending({ articleId, run }), []);
  const { refreshList, openArticle } = library;
  const undo = useCallback((): boolean => {
    if (!available || !pending) return false;
    setPending(null);
    void pending
      .run()
      .then((text) => {
        notify(text);
        return refreshList().then(() => openArticle(pending.articleId));
      })
      .catch(report);
    return true;
  }, [available, pending, notify, refreshList, openArticle, report]);
  return { available, arm, undo };
}
