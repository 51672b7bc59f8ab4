/** The open article's text changes from its previous version (versions.changes), fetched when it opens. */
import { useEffect, useState } from 'react';
import type { ResponseOf } from '../../src-shared/contract';
import type { ArticleRecord } from '../../src-shared/model';
import type { FactmarkClient } from '../api/client';

export type VersionChanges = ResponseOf<'versions.changes'>;

/** Null until known, and for an article with no earlier version. */
export function useVersionChanges(client: FactmarkClient, article: ArticleRecord | null, report: (error: unknown) => void): VersionChanges | null {
  // Kept with the article they belong to, so another article never shows them, not even for the frame before the effect runs.
  const [fetched, setFetched] = useState<{ articleId: string; changes: VersionChanges | null } | null>(null);
  const articleId = article?.previousVersionId ? article.id : null;
  useEffect(() => {
    if (!articleId) return;
    let live = true;
    client.call('versions.changes', { articleId }).then((c) => live && setFetched({ articleId, changes: c.previousArticleId ? c : null }), report);
    return () => {
      live = false;
    };
  }, [client, articleId, report]);
  return articleId && fetched?.articleId === articleId ? fetched.changes : null;
}
