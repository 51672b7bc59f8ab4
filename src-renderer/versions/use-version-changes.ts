/** The open article's text changes from its previous version (versions.changes), fetched when it opens. */
import { useEffect, useState } from 'react';
import type { ResponseOf } from '../../src-shared/contract';
import type { ArticleRecord } from '../../src-shared/model';
import type { FactmarkClient } from '../api/client';

export type VersionChanges = ResponseOf<'versions.changes'>;

/** Null until known, and for an article with no earlier version. */
export function useVersionChanges(client: FactmarkClient, article: ArticleRecord | null, report: (error: unknown) => void): VersionChanges | null {
  const [changes, setChanges] = useState<VersionChanges | null>(null);
  const articleId = article?.previousVersionId ? article.id : null;
  useEffect(() => {
    setChanges(null);
    if (!articleId) return;
    let live = true;
    client.call('versions.changes', { articleId }).then((c) => live && setChanges(c.previousArticleId ? c : null), report);
    return () => {
      live = false;
    };
  }, [client, articleId, report]);
  return changes;
}
