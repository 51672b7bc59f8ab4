/**
 * The library list: every article with its claim count; choosing one opens it. Memoised: an edit
 * in the open article re-renders the desk, not a list of hundreds of articles.
 */
import { memo, type ReactNode } from 'react';
import type { ArticleSummaryRow } from '../../src-shared/model';

interface Props {
  articles: readonly ArticleSummaryRow[];
  currentId: string | null;
  onOpen(id: string): void;
  /** Controls shown under the heading (the import controls); keep the element stable, or the list re-renders with the desk. */
  children?: ReactNode;
}

export const LibraryPanel = memo(function LibraryPanel({ articles, currentId, onOpen, children }: Props) {
  return (
    <nav className="fm-library" aria-label="Library">
      <h2 className="fm-panel-title">Library</h2>
      {children}
      {articles.length === 0 ? <p className="fm-empty">No articles yet.</p> : null}
      <ul className="fm-library-list">
        {articles.map((a) => (
          <li key={a.id}>
            <button
              type="button"
              className="fm-library-item"
              aria-current={a.id === currentId ? 'true' : undefined}
              onClick={() => onOpen(a.id)}
            >
              <span className="fm-library-title">{a.title}</span>
              <span className="fm-library-meta">
                {a.claimCount} claim{a.claimCount === 1 ? '' : 's'}
                {a.publisher ? ` · ${a.publisher}` : ''}
              </span>
            </button>
          </li>
        ))}
      </ul>
    </nav>
  );
});
