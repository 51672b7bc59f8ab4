/** The toolbar (desk actions; the article's own actions are under its title) and the message lines above the article. */
import { memo } from 'react';
import type { Conflict, SaveState } from '../desk/desk-state';
import { SaveStatus } from '../components/SaveStatus';
import { IS_MAC } from '../shortcuts';
import { SyncBanner } from '../sync/SyncBanner';
import { SyncIndicator } from '../sync/SyncIndicator';
import type { AppCommand } from './commands';
import type { Overlay } from './Overlays';

interface ToolbarProps {
  hasArticle: boolean;
  canUndo: boolean;
  canRedo: boolean;
  save: SaveState;
  run(command: AppCommand): void;
  open(overlay: Overlay): void;
  /** Whether claim suggestions are underlined in the article. */
  suggestionsOn: boolean;
}

/** Memoised: its props change with the undo history and the save state, not with every desk change. */
export const Toolbar = memo(function Toolbar({ hasArticle, canUndo, canRedo, save, run, open, suggestionsOn }: ToolbarProps) {
  return (
    <header className="fm-toolbar" role="toolbar" aria-label="Article tools">
      <h1 className="fm-brand">Factmark</h1>
      <button type="button" onMouseDown={(e) => e.preventDefault()} onClick={() => run('claim-selection')} disabled={!hasArticle} title="Claim the selected text (C)">
        Claim selection
      </button>
      <button type="button" onClick={() => run('undo')} disabled={!canUndo} title={IS_MAC ? '⌘Z' : 'Ctrl+Z'}>
        Undo
      </button>
      <button type="button" onClick={() => run('redo')} disabled={!canRedo} title={IS_MAC ? '⇧⌘Z' : 'Ctrl+Shift+Z'}>
        Redo
      </button>
      <button type="button" aria-pressed={suggestionsOn} onClick={() => run('toggle-suggestions')} disabled={!hasArticle} title="Underline the sentences suggested as claims (S)">
        Suggestions
      </button>
      <span className="fm-toolbar-gap" />
      <button type="button" onClick={() => open({ kind: 'claims' })} title="Every claim in the library">
        All claims
      </button>
      <button type="button" onClick={() => open({ kind: 'export' })} disabled={!hasArticle} title={IS_MAC ? '⌘E' : 'Ctrl+E'}>
        Export…
      </button>
      <button type="button" onClick={() => open({ kind: 'prefs' })}>
        Preferences
      </button>
      <button type="button" aria-label="Keyboard shortcuts" title="Keyboard shortcuts (?)" onClick={() => run('help')}>
        ?
      </button>
      <SyncIndicator />
      <SaveStatus state={save} />
    </header>
  );
});

interface MessagesProps {
  message: string | null;
  notice: string;
  conflict: Conflict | null;
  onDismiss(): void;
  onReapply(): void;
  onKeepNewer(): void;
  /** Further message lines (an article just deleted, with its undo). */
  children?: React.ReactNode;
}

export function MessageLines({ message, notice, conflict, onDismiss, onReapply, onKeepNewer, children }: MessagesProps) {
  return (
    <div className="fm-messages">
      {children}
      <SyncBanner />
      {message ? (
        <p role="alert" className="fm-message">
          {message}{' '}
          <button type="button" className="fm-link-button" aria-label="Dismiss message" onClick={onDismiss}>
            Dismiss
          </button>
        </p>
      ) : null}
      {conflict ? (
        <div role="alert" className="fm-message fm-conflict">
          <p>{conflict.message}</p>
          <button type="button" className="fm-button fm-primary" onClick={onReapply}>
            Apply my change again
          </button>{' '}
          <button type="button" className="fm-button" onClick={onKeepNewer}>
            Keep the newer version
          </button>
        </div>
      ) : null}
      <p className="fm-notice" aria-live="polite">
        {notice}
      </p>
    </div>
  );
}
