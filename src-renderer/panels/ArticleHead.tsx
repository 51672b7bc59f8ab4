/**
 * The open article's head: its headline and byline line, and the article's actions (details,
 * versions, a new version from a file, delete). The headline is shown here only when the article's
 * text does not start with it; otherwise the text's own first heading is the headline, and it can
 * be claimed like any other text.
 */
import type { ReactNode } from 'react';
import type { ArticleRecord } from '../../src-shared/model';

interface Props {
  article: ArticleRecord;
  /** Whether the article's text starts with its headline (then it is not repeated here). */
  textHasHeadline: boolean;
  onDetails(): void;
  onVersions(): void;
  onDelete(): void;
  /** Further actions (Import as a new version…). */
  children?: ReactNode;
}

export function ArticleHead({ article, textHasHeadline, onDetails, onVersions, onDelete, children }: Props) {
  const byline = [article.byline, article.publisher, article.publishedAt].filter(Boolean).join(' · ');
  return (
    <>
      {textHasHeadline ? null : <h2 className="fm-article-title">{article.title}</h2>}
      {byline ? <p className="fm-article-meta">{byline}</p> : null}
      <div className="fm-version-bar" role="group" aria-label="Article actions">
        <button type="button" className="fm-button" onClick={onDetails}>
          Article details
        </button>
        <button type="button" className="fm-button" onClick={onVersions}>
          Versions…
        </button>
        {children}
        <button type="button" className="fm-button fm-danger" onClick={onDelete}>
          Delete article…
        </button>
      </div>
    </>
  );
}
