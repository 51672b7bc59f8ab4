/**
 * The middle column of the desk: the open article's head (its actions), the changes from its
 * previous version when it is a newer one, and the article text with its highlights.
 */
import { useMemo, useState, type MutableRefObject } from 'react';
import type { ArticleRecord } from '../../src-shared/model';
import type { FactmarkClient } from '../api/client';
import type { Desk } from '../desk/use-desk';
import { ArticleView, type ArticleViewHandle } from '../editor/ArticleView';
import { startsWithHeadline } from '../editor/headline';
import type { SuggestionRange } from '../editor/suggestions';
import { ArticleHead } from '../panels/ArticleHead';
import type { ArticleDeletion } from '../panels/DeleteArticle';
import { ChangesPanel } from '../versions/ChangesPanel';
import { describeCarried, NewVersionButton } from '../versions/NewVersionButton';
import { useVersionChanges } from '../versions/use-version-changes';
import type { Overlay } from './Overlays';
import type { Library } from './use-library';
import { useLatest } from '../use-latest';

interface Props {
  client: FactmarkClient;
  article: ArticleRecord;
  desk: Desk;
  library: Library;
  deletion: ArticleDeletion;
  viewHandle: MutableRefObject<ArticleViewHandle | null>;
  suggestions: readonly SuggestionRange[] | undefined;
  onSelect(claimId: string | null): void;
  onClaimSelection(): void;
  onEdit(claimId: string): void;
  onDelete(claimId: string): void;
  open(overlay: Overlay): void;
  notify(text: string): void;
  report(error: unknown): void;
}

export function ArticleColumn({ client, article, desk, library, deletion, viewHandle, suggestions, onSelect, onClaimSelection, onEdit, onDelete, open, notify, report }: Props) {
  const { state } = desk;
  const versionChanges = useVersionChanges(client, article, report);
  const [changeMarks, setChangeMarks] = useState(true);
  // The head is one element per article: an edit on the desk does not draw it (and its file input) again.
  // Its actions read the latest props when they run.
  const latest = useLatest({ library, deletion, open, notify, report, claimCount: state.claims.length });
  const head = useMemo(
    () => (
      <ArticleHead
        article={article}
        textHasHeadline={startsWithHeadline(article)}
        onDetails={() => latest.current.open({ kind: 'details' })}
        onVersions={() => latest.current.open({ kind: 'versions' })}
        onDelete={() => {
          const now = latest.current;
          now.deletion.ask(article, now.library.articles.find((a) => a.id === article.id)?.claimCount ?? now.claimCount);
        }}
      >
        <NewVersionButton
          client={client}
          article={article}
          onError={(error) => latest.current.report(error)}
          onImported={(result) => {
            latest.current.library.onImported(result.article.id, result.duplicate);
            latest.current.notify(describeCarried(result));
          }}
        />
      </ArticleHead>
    ),
    [client, article],
  );
  return (
    <>
      {head}
      {versionChanges ? (
        <ChangesPanel
          client={client}
          articleId={article.id}
          claims={state.claims}
          changes={versionChanges}
          marksShown={changeMarks}
          onToggleMarks={setChangeMarks}
          selectedTarget={() => viewHandle.current?.selectedTarget() ?? null}
          onSelect={onSelect}
          onDelete={onDelete}
          onChanged={(text) => {
            notify(text);
            void library.openArticle(article.id).catch(report);
          }}
          notify={notify}
          report={report}
        />
      ) : null}
      <ArticleView
        textChanges={versionChanges && changeMarks ? versionChanges.changes : undefined}
        key={`${article.id}:${article.textHash}`}
        article={article}
        claims={state.claims}
        claimsLoading={state.loading}
        selectedId={state.selectedId}
        onSelectClaim={onSelect}
        onClaimSelection={onClaimSelection}
        onEditClaim={onEdit}
        onDeleteClaim={onDelete}
        handleRef={(h) => (viewHandle.current = h)}
        suggestions={suggestions}
      />
    </>
  );
}
