/**
 * The right-hand column of the desk: the claims panel (the list, and the selected claim's editor)
 * and the Suggestions tab, or a rail with one button when the reviewer has collapsed it.
 */
import { useCallback, type RefObject } from 'react';
import type { ClaimPatch } from '../../src-shared/claims';
import type { ClaimRecord } from '../../src-shared/model';
import type { FactmarkClient } from '../api/client';
import type { ClaimFilter } from '../desk/claim-list';
import type { Desk } from '../desk/use-desk';
import { ClaimEditorPane } from '../panels/ClaimEditorPane';
import { ClaimsPanel } from '../panels/ClaimsPanel';
import { ClaimsSidebar } from '../suggest/ClaimsSidebar';
import { SuggestionsPanel } from '../suggest/SuggestionsPanel';
import type { SideTab, useClaimSuggestions } from '../suggest/use-claim-suggestions';
import type { ClaimPane } from './use-claim-pane';
import type { Panels } from './use-panels';

interface Props {
  client: FactmarkClient;
  desk: Desk;
  panels: Panels;
  suggest: ReturnType<typeof useClaimSuggestions>;
  pane: ClaimPane;
  /** The claims the filter lets through, and those whose text is gone. */
  visible: readonly ClaimRecord[];
  orphans: readonly ClaimRecord[];
  /** The open article's claimant names (the filter), and the names the editor suggests. */
  articleClaimants: readonly string[];
  editorClaimants: readonly string[];
  /** The claim whose editor is shown (null: none). */
  editing: ClaimRecord | null;
  reviewerName: string;
  filterRef: RefObject<HTMLInputElement | null>;
  onSelect(claimId: string | null): void;
  onEdit(claimId: string): void;
  onPatch(claimId: string, patch: ClaimPatch): void;
  onDelete(claimId: string): void;
  onClosePane(): void;
  onOpenPreferences(): void;
  notify(text: string): void;
}

export function ClaimsColumn({ client, desk, panels, suggest, pane, visible, orphans, articleClaimants, editorClaimants, editing, reviewerName, filterRef, onSelect, onEdit, onPatch, onDelete, onClosePane, onOpenPreferences, notify }: Props) {
  const { state, dispatch } = desk;
  // Stable, so the memoised filters are not drawn again with every edit.
  const onFilter = useCallback((filter: ClaimFilter) => dispatch({ type: 'filter', filter }), [dispatch]);
  if (panels.collapsed('claims')) {
    return (
      <aside className="fm-side fm-rail" aria-label="Claims">
        <button type="button" className="fm-rail-button" aria-expanded={false} aria-label="Show the claims panel" title="Show the claims panel" onClick={() => panels.toggle('claims')}>
          <span aria-hidden="true">«</span>
        </button>
      </aside>
    );
  }
  const { suggestions } = suggest;
  return (
    <ClaimsSidebar
      onCollapse={() => panels.toggle('claims')}
      tab={suggest.tab}
      onTab={(tab: SideTab) => suggest.setTab(tab)}
      suggestionCount={suggestions.loading || suggestions.note || (!suggest.underline && suggest.tab === 'claims') ? null : suggestions.items.length}
      claims={
        <ClaimsPanel
          claims={state.claims}
          loading={state.loading}
          visible={visible}
          orphans={orphans}
          claimants={articleClaimants}
          filter={state.filter}
          onFilter={onFilter}
          selectedId={state.selectedId}
          onSelect={onSelect}
          onOpen={onEdit}
          onStep={(by) => dispatch({ type: 'step', by })}
          filterRef={filterRef}
          editor={
            editing ? (
              <ClaimEditorPane
                key={editing.id}
                client={client}
                claim={editing}
                claimants={editorClaimants}
                claimantNote={suggest.hintFor(editing.id, editing.claimant)}
                reviewerName={reviewerName}
                focusStatus={pane.focusStatus}
                onPatch={onPatch}
                onDelete={onDelete}
                onClose={onClosePane}
                onLeave={pane.leave}
                onOpenPreferences={onOpenPreferences}
              />
            ) : null
          }
        />
      }
      suggestions={
        <SuggestionsPanel
          state={suggestions}
          onAccept={(s) => {
            suggest.accept(s);
            notify(s.claimant ? `Claim created; claimant “${s.claimant}” suggested.` : 'Claim created.');
          }}
          onShow={(s) => document.querySelector(`[data-suggestion-start="${s.start}"]`)?.scrollIntoView({ block: 'center' })}
        />
      }
    />
  );
}
