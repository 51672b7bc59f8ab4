/** The versions of an article (versions.list), oldest first, each of which can be opened. */
import { useEffect, useState } from 'react';
import type { ResponseOf } from '../../src-shared/contract';
import type { FactmarkClient } from '../api/client';
import { formatTime } from '../format-time';

interface Props {
  client: FactmarkClient;
  articleId: string;
  onOpen(articleId: string): void;
}

export function LinkedVersions({ client, articleId, onOpen }: Props) {
  const [versions, setVersions] = useState<ResponseOf<'versions.list'> | null>(null);
  useEffect(() => {
    let live = true;
    client.call('versions.list', { articleId }).then((v) => live && setVersions(v), () => live && setVersions([]));
    return () => {
      live = false;
    };
  }, [client, articleId]);
  if (!versions || versions.length < 2) return null;
  return (
    <section className="fm-linked-versions" aria-label="Versions of this article">
      <h3>Versions of this article</h3>
      <ol>
        {versions.map((v) => (
          <li key={v.id}>
            {v.id === articleId ? (
              <span aria-current="true">
                Version {v.version} (this one) · {formatTime(v.importedAt)} · {v.claimCount} claims
              </span>
            ) : (
              <button type="button" className="fm-link-button" onClick={() => onOpen(v.id)}>
                Open version {v.version} · {formatTime(v.importedAt)} · {v.claimCount} claims
              </button>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}
