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
  /** Collapsed to a narrow rail with a button that shows it again. */
  collapsed?: boolean;
  onToggle?(): void;
}

export const LibraryPanel = memo(function LibraryPanel({ articles, currentId, onOpen, children, collapsed = false, onToggle }: Props) {
  if (collapsed)
    return (
      <nav className="fm-library fm-rail" aria-label="Library">
        <button type="button" className="fm-rail-button" aria-expanded={false} aria-label="Show the library" title="Show the library" onClick={onToggle}>
          <span aria-hidden="true">»</span>
        </button>
      </nav>
    );
  return (
    <nav className="fm-library" aria-label="Library">
      <div className="fm-panel-head">
        <h2 className="fm-panel-title">Library</h2>
        {onToggle ? (
          <button type="button" className="fm-icon-button fm-collapse" aria-expanded={true} aria-label="Hide the library" title="Hide the library" onClick={onToggle}>
            <span aria-hidden="true">«</span>
          </button>
        ) : null}
      </div>
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
