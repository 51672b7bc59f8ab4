/** The React shell: library on the left, the open article in the middle, its claims on the right. */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ArticleRecord, ArticleSummaryRow, ClaimRecord } from '../src-shared/model';
import { inDocumentOrder } from '../src-shared/model';
import { ApiError, type FactmarkClient } from './api/client';
import { ArticleView, type ArticleViewHandle } from './editor/ArticleView';
import { ClaimsPanel } from './panels/ClaimsPanel';
import { LibraryPanel } from './panels/LibraryPanel';

interface OpenArticle {
  article: ArticleRecord;
  claims: ClaimRecord[];
}

export function App({ client }: { client: FactmarkClient }) {
  const [articles, setArticles] = useState<ArticleSummaryRow[]>([]);
  const [open, setOpen] = useState<OpenArticle | null>(null);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const viewHandle = useRef<ArticleViewHandle | null>(null);

  const report = useCallback((error: unknown) => {
    setMessage(error instanceof ApiError || error instanceof Error ? error.message : String(error));
  }, []);

  const openArticle = useCallback(
    async (id: string) => {
      try {
        const result = await client.call('library.get', { articleId: id });
        setOpen(result);
        setSelectedId(null);
      } catch (error) {
        report(error);
      }
    },
    [client, report],
  );

  const refreshList = useCallback(async () => {
    const rows = await client.call('library.list', {});
    setArticles(rows);
    return rows;
  }, [client]);

  useEffect(() => {
    refreshList()
      .then((rows) => (rows[0] ? openArticle(rows[0].id) : undefined))
      .catch(report);
  }, [refreshList, openArticle, report]);

  const claimSelection = useCallback(async () => {
    if (!open) return;
    const range = viewHandle.current?.selectedRange();
    if (!range || range.end <= range.start) {
      setMessage('Select some text in the article first.');
      return;
    }
    try {
      const claim = await client.call('claims.create', { articleId: open.article.id, range });
      setOpen((o) => (o ? { ...o, claims: inDocumentOrder([...o.claims, claim]) } : o));
      setSelectedId(claim.id);
      setMessage(null);
      window.getSelection()?.removeAllRanges();
      void refreshList();
    } catch (error) {
      report(error);
    }
  }, [client, open, refreshList, report]);

  return (
    <div className="fm-app">
      <header className="fm-toolbar" role="toolbar" aria-label="Article tools">
        <h1 className="fm-brand">Factmark</h1>
        <button type="button" onMouseDown={(e) => e.preventDefault()} onClick={claimSelection} disabled={!open}>
          Claim selection
        </button>
        {message ? (
          <p role="alert" className="fm-message">
            {message}{' '}
            <button type="button" aria-label="Dismiss message" onClick={() => setMessage(null)}>
              ×
            </button>
          </p>
        ) : null}
      </header>
      <LibraryPanel articles={articles} currentId={open?.article.id ?? null} onOpen={openArticle} />
      <main className="fm-main" aria-label="Article">
        {open ? (
          <>
            <h2 className="fm-article-title">{open.article.title}</h2>
            <p className="fm-article-meta">
              {[open.article.byline, open.article.publisher, open.article.publishedAt].filter(Boolean).join(' · ')}
            </p>
            <ArticleView
              article={open.article}
              claims={open.claims}
              selectedId={selectedId}
              onSelectClaim={setSelectedId}
              handleRef={(h) => (viewHandle.current = h)}
            />
          </>
        ) : (
          <p className="fm-empty">Open an article from the library.</p>
        )}
      </main>
      {open ? <ClaimsPanel claims={open.claims} selectedId={selectedId} onSelect={setSelectedId} /> : null}
    </div>
  );
}
