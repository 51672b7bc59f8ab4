/** The React shell: library on the left, the open article in the middle, its claims on the right. */
import { startTransition, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { DEFAULT_PREFERENCES, type PreferencesRecord } from '../src-shared/contract';
import type { ArticleMetaFields, ArticleRecord, ArticleSummaryRow, ClaimRecord, ClaimTarget, StatusId } from '../src-shared/model';
import { errorMessage, type FactmarkClient } from './api/client';
import { SaveStatus } from './components/SaveStatus';
import { afterDeletion, claimantsOf, filterClaims, isFiltering, mergeSuggestions, neighbourId, NO_FILTER, type ClaimFilter } from './desk/claim-list';
import { useClaimsDesk } from './desk/use-claims-desk';
import { ArticleView, type ArticleViewHandle } from './editor/ArticleView';
import { ArticleDetailsDialog } from './panels/ArticleDetailsDialog';
import { ClaimEditor } from './panels/ClaimEditor';
import { ClaimsPanel } from './panels/ClaimsPanel';
import { HelpDialog } from './panels/HelpDialog';
import { ExportDialog } from './panels/ExportDialog';
import { VersionsDialog } from './panels/VersionsDialog';
import { ImportControls } from './panels/ImportControls';
import { LibraryPanel } from './panels/LibraryPanel';
import { PreferencesDialog } from './panels/PreferencesDialog';
import { IS_MAC, matchShortcut, type ShortcutMatch } from './shortcuts';

interface OpenArticle {
  article: ArticleRecord;
  /** Its first claims, in document order (all of them unless it has more than OPENING_CLAIMS). */
  claims: ClaimRecord[];
  claimCount: number;
}

/**
 * Claims fetched with an article when it opens; an article with more gets the rest right after its
 * first paint, so thousands of claims do not hold up the first screen (whose highlights are among these).
 */
const OPENING_CLAIMS = 200;

/** Which overlay is open (one at a time). */
type Overlay = { kind: 'editor'; claimId: string } | { kind: 'prefs' } | { kind: 'details' } | { kind: 'help' } | { kind: 'export' } | { kind: 'versions' } | null;

const NO_CLAIMS: ClaimRecord[] = [];

/** Whether key presses on `target` belong to it (a text field) rather than to the desk. */
function isTextField(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.closest('.fm-article-text')) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

function isControl(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && target.closest('button, a[href], summary, [role="menuitem"]') !== null;
}

export function App({ client }: { client: FactmarkClient }) {
  const [articles, setArticles] = useState<ArticleSummaryRow[]>([]);
  const [open, setOpen] = useState<OpenArticle | null>(null);
  const [prefs, setPrefs] = useState<PreferencesRecord>(DEFAULT_PREFERENCES);
  const [libraryClaimants, setLibraryClaimants] = useState<string[]>([]);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [notice, setNotice] = useState('');
  const [overlay, setOverlay] = useState<Overlay>(null);
  const [filter, setFilter] = useState<ClaimFilter>(NO_FILTER);
  const [orphans, setOrphans] = useState<readonly ClaimRecord[]>([]);
  const viewHandle = useRef<ArticleViewHandle | null>(null);
  const filterInput = useRef<HTMLInputElement>(null);

  const report = useCallback((error: unknown) => setMessage(errorMessage(error)), []);

  // Notices are transient: they fade after a few seconds (messages that need action stay).
  useEffect(() => {
    if (!notice) return;
    const timer = setTimeout(() => setNotice(''), 4000);
    return () => clearTimeout(timer);
  }, [notice]);

  const refreshList = useCallback(async () => {
    const rows = await client.call('library.list', {});
    startTransition(() => setArticles(rows)); // counts only: never ahead of an edit being drawn
    return rows;
  }, [client]);

  const desk = useClaimsDesk({
    client,
    articleId: open?.article.id ?? '',
    initialClaims: open?.claims ?? NO_CLAIMS,
    claimCount: open?.claimCount ?? 0,
    reviewer: prefs.reviewer,
    report: setMessage,
    onCountChange: () => void refreshList().catch(report),
  });

  /** How many of the store's notices the user has seen. */
  const noticesShown = useRef(0);
  /** Tell the user what the store repaired or refused (a damaged file moved aside, a newer file opened read-only). */
  const showStoreNotices = useCallback(async () => {
    const notices = await client.call('store.notices', {});
    const fresh = notices.slice(noticesShown.current);
    noticesShown.current = notices.length;
    if (fresh.length) setMessage(fresh.map((n) => n.message).join(' '));
  }, [client]);

  /** The newest open asked for: only its answer is shown, so a slower, older answer never replaces it. */
  const latestOpen = useRef<{ serial: number; id: string | null }>({ serial: 0, id: null });

  /** Open (or reload) an article, dropping the answer if another open was asked for meanwhile. */
  const openArticle = useCallback(
    async (id: string) => {
      const serial = ++latestOpen.current.serial;
      latestOpen.current.id = id;
      const current = () => latestOpen.current.serial === serial;
      try {
        const result = await client.call('library.get', { articleId: id, claimLimit: OPENING_CLAIMS });
        if (!current()) return;
        void showStoreNotices().catch(report);
        setOpen({ article: result.article, claims: result.claims, claimCount: result.claimCount }); // in document order
        setSelectedId(null);
        setFilter(NO_FILTER);
        setOverlay(null);
      } catch (error) {
        if (!current()) return;
        latestOpen.current.id = null; // choosing it again tries again
        report(error);
      }
    },
    [client, report, showStoreNotices],
  );

  /** Open from the library list: choosing the article that is already open, or opening, changes nothing. */
  const openFromLibrary = useCallback(
    (id: string) => {
      if (latestOpen.current.id !== id) void openArticle(id);
    },
    [openArticle],
  );

  useEffect(() => {
    // The newest article opens at start, unless the user has chosen one already.
    refreshList()
      .then((rows) => (rows[0] && latestOpen.current.serial === 0 ? openArticle(rows[0].id) : undefined))
      .catch(report);
    client.call('prefs.get', {}).then(setPrefs, report);
  }, [client, refreshList, openArticle, report]);

  // The library's claimants are only needed for the claim editor's suggestions: fetched as it opens.
  const editorOpen = overlay?.kind === 'editor';
  useEffect(() => {
    if (editorOpen) client.call('claims.claimants', {}).then(setLibraryClaimants, () => undefined);
  }, [client, editorOpen]);

  const visible = useMemo(() => filterClaims(desk.claims, filter), [desk.claims, filter]);
  const visibleIds = useMemo(() => visible.map((c) => c.id), [visible]);
  /** The ids the panel shows when a filter is on (for exporting just those); null when it shows all. */
  const filteredClaimIds = isFiltering(filter) ? visibleIds : null;
  const articleClaimants = useMemo(() => claimantsOf(desk.claims), [desk.claims]);
  const suggestions = useMemo(() => mergeSuggestions(articleClaimants, libraryClaimants), [articleClaimants, libraryClaimants]);
  // Orphans are among desk.claims too (they are the claims that anchor nowhere).
  const findClaim = useCallback((id: string | null) => (id ? desk.claims.find((c) => c.id === id) ?? null : null), [desk.claims]);

  const claimSelection = useCallback((given?: ClaimTarget | null) => {
    if (!open) return;
    const selection = given ?? viewHandle.current?.selectedTarget();
    if (!selection) {
      setNotice('Select some text in the article first.');
      return;
    }
    const id = desk.create(selection);
    setSelectedId(id);
    setMessage(null);
    setNotice('Claim created.');
    viewHandle.current?.clearSelection();
  }, [desk.create, open]);

  const deleteClaim = useCallback(
    (id: string) => {
      setSelectedId((current) => (current === id ? afterDeletion(visibleIds, id) : current));
      setOverlay((o) => (o?.kind === 'editor' && o.claimId === id ? null : o));
      desk.remove(id);
      setNotice(`Claim deleted. Undo with ${IS_MAC ? '⌘Z' : 'Ctrl+Z'}.`);
    },
    [desk.remove, visibleIds],
  );

  const editClaim = useCallback((id: string) => {
    setSelectedId(id);
    setOverlay({ kind: 'editor', claimId: id });
  }, []);

  /** Undoes the last restore of a version of the open article (after the desk's own undo entries). */
  const restoreUndo = useRef<{ articleId: string; run(): Promise<string> } | null>(null);
  const undo = useCallback(() => {
    const done = desk.undo();
    const restore = restoreUndo.current;
    if (done || !restore || restore.articleId !== open?.article.id) return setNotice(done ?? 'Nothing to undo.');
    restoreUndo.current = null;
    void restore.run().then((text) => {
      setNotice(text);
      return refreshList().then(() => openArticle(restore.articleId));
    }).catch(report);
  }, [desk.undo, open?.article.id, refreshList, openArticle, report]);
  const redo = useCallback(() => setNotice(desk.redo() ?? 'Nothing to redo.'), [desk.redo]);

  const savePrefs = useCallback(
    async (next: PreferencesRecord) => {
      setPrefs(await client.call('prefs.set', next));
      setNotice('Preferences saved.');
    },
    [client],
  );

  const saveDetails = useCallback(
    async (meta: ArticleMetaFields) => {
      if (!open) return;
      const article = await client.call('library.updateMeta', { articleId: open.article.id, meta });
      setOpen((o) => (o && o.article.id === article.id ? { ...o, article } : o));
      setNotice('Article details saved.');
      void refreshList().catch(report);
    },
    [client, open, refreshList, report],
  );

  const runShortcut = useCallback(
    (match: ShortcutMatch) => {
      switch (match.command) {
        case 'claim-selection':
          return claimSelection();
        case 'next-claim':
        case 'previous-claim':
          return setSelectedId(neighbourId(visibleIds, selectedId, match.command === 'next-claim' ? 1 : -1));
        case 'set-status':
          if (selectedId) desk.update(selectedId, { status: match.status as StatusId });
          return;
        case 'open-editor':
          if (selectedId) setOverlay({ kind: 'editor', claimId: selectedId });
          return;
        case 'delete-claim':
          if (selectedId) deleteClaim(selectedId);
          return;
        case 'undo':
          return undo();
        case 'redo':
          return redo();
        case 'focus-filter':
          return filterInput.current?.focus();
        case 'help':
          return setOverlay({ kind: 'help' });
        case 'deselect':
          return setSelectedId(null);
      }
    },
    [claimSelection, deleteClaim, desk.update, redo, selectedId, undo, visibleIds],
  );

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.isComposing) return;
      const match = matchShortcut(event, {
        isMac: IS_MAC,
        inTextField: isTextField(event.target),
        onControl: isControl(event.target),
        overlayOpen: document.querySelector('[role="dialog"], [role="menu"]') !== null,
        hasClaim: findClaim(selectedId) !== null,
        // Read only when a key bound to "claim selection" is pressed: reading the selection in the
        // article makes the browser lay out the page first, which a status key does not need.
        get hasTextSelection() {
          return viewHandle.current?.selectedTarget() != null;
        },
      });
      if (!match) return;
      if (match.command === 'deselect' && !selectedId) return;
      event.preventDefault();
      runShortcut(match);
    };
    // Capture phase: ProseMirror claims Enter and Escape in the article before they would bubble here.
    window.addEventListener('keydown', onKeyDown, true);
    return () => window.removeEventListener('keydown', onKeyDown, true);
  }, [findClaim, runShortcut, selectedId]);

  // The Electron Edit menu sends undo/redo here (the browser host has no app menu).
  useEffect(() => {
    const bridge = window.factmark;
    if (!bridge) return;
    return bridge.onMenuCommand((command) => {
      if (command === 'undo') undo();
      else if (command === 'redo') redo();
      else if (command === 'export') setOverlay({ kind: 'export' });
      else if (command === 'shortcuts') setOverlay({ kind: 'help' });
    });
  }, [redo, undo]);

  const onImported = useCallback(
    (id: string, duplicate: boolean) => {
      void refreshList()
        .then(() => openArticle(id))
        .catch(report);
      setNotice(duplicate ? 'Already in the library: opened the existing article.' : 'Article imported.');
    },
    [openArticle, refreshList, report],
  );
  // One element for every render, so the memoised library list skips the desk's re-renders.
  const importControls = useMemo(() => <ImportControls client={client} onError={report} onImported={onImported} />, [client, report, onImported]);

  const editing = overlay?.kind === 'editor' ? findClaim(overlay.claimId) : null;

  return (
    <div className="fm-app">
      <header className="fm-toolbar" role="toolbar" aria-label="Article tools">
        <h1 className="fm-brand">Factmark</h1>
        <button type="button" onMouseDown={(e) => e.preventDefault()} onClick={() => claimSelection()} disabled={!open} title="Claim the selected text (C)">
          Claim selection
        </button>
        <button type="button" onClick={undo} disabled={!desk.canUndo} title={IS_MAC ? '⌘Z' : 'Ctrl+Z'}>
          Undo
        </button>
        <button type="button" onClick={redo} disabled={!desk.canRedo} title={IS_MAC ? '⇧⌘Z' : 'Ctrl+Shift+Z'}>
          Redo
        </button>
        <span className="fm-toolbar-gap" />
        <button type="button" onClick={() => setOverlay({ kind: 'export' })} disabled={!open}>
          Export…
        </button>
        <button type="button" onClick={() => setOverlay({ kind: 'details' })} disabled={!open}>
          Article details
        </button>
        <button type="button" onClick={() => setOverlay({ kind: 'versions' })} disabled={!open}>
          Versions…
        </button>
        <button type="button" onClick={() => setOverlay({ kind: 'prefs' })}>
          Preferences
        </button>
        <button type="button" aria-label="Keyboard shortcuts" title="Keyboard shortcuts (?)" onClick={() => setOverlay({ kind: 'help' })}>
          ?
        </button>
        <SaveStatus state={desk.save} />
      </header>
      <div className="fm-messages">
        {message ? (
          <p role="alert" className="fm-message">
            {message}{' '}
            <button type="button" className="fm-link-button" aria-label="Dismiss message" onClick={() => setMessage(null)}>
              Dismiss
            </button>
          </p>
        ) : null}
        {desk.conflict ? (
          <div role="alert" className="fm-message fm-conflict">
            <p>{desk.conflict.message}</p>
            <button type="button" className="fm-button fm-primary" onClick={desk.reapply}>
              Apply my change again
            </button>{' '}
            <button type="button" className="fm-button" onClick={desk.dismissConflict}>
              Keep the newer version
            </button>
          </div>
        ) : null}
        <p className="fm-notice" aria-live="polite">
          {notice}
        </p>
      </div>
      <LibraryPanel articles={articles} currentId={open?.article.id ?? null} onOpen={openFromLibrary}>
        {importControls}
      </LibraryPanel>
      <main className="fm-main" aria-label="Article">
        {open ? (
          <>
            <h2 className="fm-article-title">{open.article.title}</h2>
            <p className="fm-article-meta">{[open.article.byline, open.article.publisher, open.article.publishedAt].filter(Boolean).join(' · ')}</p>
            <ArticleView
              article={open.article}
              claims={desk.claims}
              claimsLoading={desk.loading}
              selectedId={selectedId}
              onSelectClaim={setSelectedId}
              onOrphans={setOrphans}
              onClaimSelection={claimSelection}
              onEditClaim={editClaim}
              onDeleteClaim={deleteClaim}
              handleRef={(h) => (viewHandle.current = h)}
            />
          </>
        ) : (
          <p className="fm-empty">Open an article from the library.</p>
        )}
      </main>
      {open ? (
        <ClaimsPanel
          claims={desk.claims}
          loading={desk.loading}
          visible={visible}
          orphans={orphans}
          claimants={articleClaimants}
          filter={filter}
          onFilter={setFilter}
          selectedId={selectedId}
          onSelect={setSelectedId}
          onOpen={editClaim}
          onStep={(step) => setSelectedId(neighbourId(visibleIds, selectedId, step))}
          filterRef={filterInput}
        />
      ) : null}
      {editing ? (
        <ClaimEditor
          key={editing.id}
          claim={editing}
          claimants={suggestions}
          onPatch={(patch) => desk.update(editing.id, patch)}
          onDelete={() => deleteClaim(editing.id)}
          onClose={() => setOverlay(null)}
          onOpenPreferences={() => setOverlay({ kind: 'prefs' })}
        />
      ) : null}
      {overlay?.kind === 'prefs' ? <PreferencesDialog prefs={prefs} onSave={savePrefs} onClose={() => setOverlay(null)} /> : null}
      {overlay?.kind === 'details' && open ? <ArticleDetailsDialog article={open.article} onSave={saveDetails} onClose={() => setOverlay(null)} /> : null}
      {overlay?.kind === 'help' ? <HelpDialog isMac={IS_MAC} onClose={() => setOverlay(null)} /> : null}
      {overlay?.kind === 'versions' && open ? (
        <VersionsDialog
          client={client}
          articleId={open.article.id}
          onClose={() => setOverlay(null)}
          onRestored={(text, undoRestore) => {
            restoreUndo.current = { articleId: open.article.id, run: undoRestore };
            setOverlay(null);
            setNotice(text);
            void refreshList().then(() => openArticle(open.article.id)).catch(report);
          }}
        />
      ) : null}
      {overlay?.kind === 'export' && open ? (
        <ExportDialog
          client={client}
          articleId={open.article.id}
          filteredClaimIds={filteredClaimIds}
          totalClaims={desk.claims.length}
          onClose={() => setOverlay(null)}
          onExported={(fileName) => {
            setOverlay(null);
            setNotice(`Exported ${fileName}.`);
          }}
        />
      ) : null}
    </div>
  );
}
