/**
 * The app's layout: the toolbar and messages, the library on the left, the open article in the
 * middle, its claims on the right, and the overlay. State lives in the desk (desk/) and the library
 * (app/use-library.ts); keys and menu commands run through one command table (app/commands.ts).
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { ClaimPatch } from '../src-shared/claims';
import type { FactmarkClient } from './api/client';
import { runCommand, type AppCommand, type CommandContext } from './app/commands';
import { ArticleColumn } from './app/ArticleColumn';
import { ClaimsColumn } from './app/ClaimsColumn';
import type { ArticleViewHandle } from './editor/ArticleView';
import { Overlays, type Overlay } from './app/Overlays';
import { MessageLines, Toolbar } from './app/Toolbar';
import { useClaimActions } from './app/use-claim-actions';
import { useEditorClaimants } from './app/use-editor-claimants';
import { useKeyboard } from './app/use-keyboard';
import { useLibrary } from './app/use-library';
import { useMessages } from './app/use-messages';
import { usePlace } from './app/use-place';
import { useRestoreUndo } from './app/use-restore-undo';
import { filterClaims, isFiltering } from './desk/claim-list';
import { useOrphans } from './desk/orphans';
import { useDesk } from './desk/use-desk';
import { ImportControls } from './panels/ImportControls';
import { useArticleDeletion } from './panels/DeleteArticle';
import { LibraryPanel } from './panels/LibraryPanel';
import { ReviewerPrompt, shouldAskReviewer } from './panels/ReviewerPrompt';
import { useClaimPane } from './app/use-claim-pane';
import { usePanels } from './app/use-panels';
import { useClaimSuggestions } from './suggest/use-claim-suggestions';
import { SyncProvider } from './sync/SyncProvider';
import { useSync } from './sync/use-sync';
import { useLatest } from './use-latest';

export function App({ client }: { client: FactmarkClient }) {
  const [overlay, setOverlay] = useState<Overlay>(null);
  const [reviewer, setReviewer] = useState('');
  const desk = useDesk(client, reviewer);
  const { state, dispatch } = desk;
  const messages = useMessages(state.feedback);
  const { report, setMessage, setNotice } = messages;
  const library = useLibrary(client, dispatch, messages, () => setOverlay(null), state.countsChanged);
  const { article, prefs } = library;
  const restoreUndo = useRestoreUndo(library, setNotice, report);
  useEffect(() => setReviewer(prefs.reviewer), [prefs.reviewer]);
  const viewHandle = useRef<ArticleViewHandle | null>(null);
  const filterInput = useRef<HTMLInputElement>(null);
  const articlePane = useRef<HTMLElement>(null);
  usePlace(articlePane, article?.id ?? null);

  const visible = useMemo(() => filterClaims(state.claims, state.filter), [state.claims, state.filter]);
  /** The ids the panel shows when a filter is on (for exporting just those); null when it shows all. */
  const filteredClaimIds = useMemo(() => (isFiltering(state.filter) ? visible.map((c) => c.id) : null), [state.filter, visible]);
  const pane = useClaimPane(state.selectedId);
  const panels = usePanels();
  const [askName, setAskName] = useState(true);
  const editing = pane.shownId ? state.claims.find((c) => c.id === pane.shownId) ?? null : null;
  const { articleClaimants, suggestions } = useEditorClaimants(client, state.claims, editing !== null);
  const orphans = useOrphans(article, state.claims);
  const suggest = useClaimSuggestions({ client, article, desk, report });
  const deletion = useArticleDeletion({ client, onChanged: library.reopen, notify: setNotice, report });
  const openImport = useRef<(() => void) | null>(null);
  const sync = useSync({ client, desk, library, openPreferences: () => setOverlay({ kind: 'prefs' }), notify: setNotice });

  const { claimSelection, deleteClaim } = useClaimActions({ desk, viewHandle, setMessage, setNotice, suggestClaimant: suggest.suggestClaimant, onCreated: pane.focusEditor });

  const ctx: CommandContext = {
    desk,
    claimSelection,
    deleteClaim,
    openOverlay: setOverlay,
    editClaim: (id) => editClaim(id),
    focusFilter: () => filterInput.current?.focus(),
    toggleSuggestions: () => suggest.setUnderline((on) => !on),
    undoRestore: restoreUndo.undo,
    openImport: () => openImport.current?.(),
  };
  // Stable (reading the latest context), so the memoised toolbar is not drawn again with every edit.
  const latestCtx = useLatest(ctx);
  const run = useCallback((command: AppCommand) => runCommand(command, latestCtx.current), []);
  useKeyboard(client, ctx, () => viewHandle.current?.selectedTarget() != null);

  const select = useCallback((claimId: string | null) => dispatch({ type: 'select', claimId }), [dispatch]);
  const { focusEditor } = pane;
  const editClaim = useCallback((claimId: string) => {
    dispatch({ type: 'select', claimId });
    focusEditor(claimId);
  }, [dispatch, focusEditor]);
  const toggleLibrary = useCallback(() => panels.toggle('library'), [panels]);
  // Stable, so the claim editor (memoised) is not drawn again with every change on the desk.
  const stamp = useLatest(desk.stamp);
  const patchClaim = useCallback((claimId: string, patch: ClaimPatch) => dispatch({ type: 'update', claimId, patch, stamp: stamp.current() }), [dispatch]);
  const { leave: leavePane } = pane;
  const closePane = useCallback(() => {
    leavePane();
    dispatch({ type: 'select', claimId: null });
  }, [leavePane, dispatch]);
  const openPreferences = useCallback(() => setOverlay({ kind: 'prefs' }), []);
  // One element for every render, so the memoised library list skips the desk's re-renders.
  const importControls = useMemo(() => <ImportControls client={client} onError={report} onImported={library.onImported} openRef={openImport} />, [client, report, library.onImported]);

  return (
    <SyncProvider sync={sync}>
    <div className="fm-app" data-library={panels.collapsed('library') ? 'collapsed' : 'open'} data-claims={panels.collapsed('claims') || !article ? 'collapsed' : 'open'}>
      <Toolbar hasArticle={article !== null} canUndo={state.history.done.length > 0 || restoreUndo.available} canRedo={state.history.undone.length > 0} save={state.save} run={run} open={setOverlay} suggestionsOn={suggest.underline} />
      <MessageLines
        message={messages.message}
        notice={messages.notice}
        conflict={state.conflict}
        onDismiss={() => setMessage(null)}
        onReapply={() => dispatch({ type: 'reapply', stamp: desk.stamp() })}
        onKeepNewer={() => dispatch({ type: 'dismiss-conflict' })}
      >
        {deletion.undoLine}
      </MessageLines>
      <LibraryPanel articles={library.articles} currentId={article?.id ?? null} onOpen={library.openFromLibrary} collapsed={panels.collapsed('library')} onToggle={toggleLibrary}>
        {importControls}
      </LibraryPanel>
      <main className="fm-main" aria-label="Article" ref={articlePane}>
        {article ? (
          <ArticleColumn
            client={client}
            article={article}
            desk={desk}
            library={library}
            deletion={deletion}
            viewHandle={viewHandle}
            suggestions={suggest.underlined}
            onSelect={select}
            onClaimSelection={claimSelection}
            onEdit={editClaim}
            onDelete={deleteClaim}
            open={setOverlay}
            notify={setNotice}
            report={report}
          />
        ) : (
          <p className="fm-empty">Open an article from the library.</p>
        )}
      </main>
      {article ? (
        <ClaimsColumn
          client={client}
          desk={desk}
          panels={panels}
          suggest={suggest}
          pane={pane}
          visible={visible}
          orphans={orphans}
          articleClaimants={articleClaimants}
          editorClaimants={suggestions}
          editing={editing}
          reviewerName={prefs.reviewer}
          filterRef={filterInput}
          onSelect={select}
          onEdit={editClaim}
          onPatch={patchClaim}
          onDelete={deleteClaim}
          onClosePane={closePane}
          onOpenPreferences={openPreferences}
          notify={setNotice}
        />
      ) : null}
      <Overlays
        overlay={overlay}
        client={client}
        library={library}
        filteredClaimIds={filteredClaimIds}
        totalClaims={state.claims.length}
        open={setOverlay}
        notify={setNotice}
        report={report}
        onOpenClaim={(articleId, claimId) => void library.openArticle(articleId).then(() => select(claimId))}
        onRestored={restoreUndo.arm}
      />
      {deletion.dialog}
      {askName && shouldAskReviewer(prefs, library.prefsLoaded) ? <ReviewerPrompt prefs={prefs} onSave={library.savePrefs} onDone={() => setAskName(false)} /> : null}
    </div>
    </SyncProvider>
  );
}
