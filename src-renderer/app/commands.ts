/**
 * The app's command table: what each shortcut (src-renderer/shortcuts.ts) and each host menu
 * command (api/client.ts) does, as desk events or app actions. Keys and menus both run through it.
 */
import type { StatusId } from '../../src-shared/model';
import type { MenuCommand } from '../api/client';
import type { Desk } from '../desk/use-desk';
import type { ShortcutCommand } from '../shortcuts';
import type { Overlay } from './Overlays';

/** What a command can act on. */
export interface CommandContext {
  desk: Desk;
  /** Claim the text selected in the article. */
  claimSelection(): void;
  deleteClaim(id: string): void;
  openOverlay(overlay: Overlay): void;
  /** Show the claim's editor in the claims panel with the focus on its status. */
  editClaim(id: string): void;
  focusFilter(): void;
  /** Undo the open article's last version restore, if the desk has nothing of its own to undo; false when there is none. */
  undoRestore(): boolean;
  /** Show or hide the claim suggestions underlined in the article. */
  toggleSuggestions(): void;
  /** Choose a file to import (the import controls' file picker). */
  openImport(): void;
}

export type AppCommand = ShortcutCommand | MenuCommand;

type Run = (ctx: CommandContext, status?: StatusId) => void;

/** Run `act` with the selected claim's id, when one is selected. */
const onSelected =
  (act: (ctx: CommandContext, id: string, status?: StatusId) => void): Run =>
  (ctx, status) => {
    const id = ctx.desk.state.selectedId;
    if (id) act(ctx, id, status);
  };

export const COMMANDS: Readonly<Record<AppCommand, Run>> = {
  'claim-selection': (ctx) => ctx.claimSelection(),
  'next-claim': ({ desk }) => desk.dispatch({ type: 'step', by: 1 }),
  'previous-claim': ({ desk }) => desk.dispatch({ type: 'step', by: -1 }),
  'set-status': onSelected(({ desk }, claimId, status) => status && desk.dispatch({ type: 'update', claimId, patch: { status }, stamp: desk.stamp() })),
  'open-editor': onSelected((ctx, claimId) => ctx.editClaim(claimId)),
  'delete-claim': onSelected((ctx, id) => ctx.deleteClaim(id)),
  undo: (ctx) => (ctx.desk.state.history.done.length === 0 && ctx.undoRestore() ? undefined : ctx.desk.dispatch({ type: 'undo', stamp: ctx.desk.stamp() })),
  redo: ({ desk }) => desk.dispatch({ type: 'redo', stamp: desk.stamp() }),
  'focus-filter': (ctx) => ctx.focusFilter(),
  help: (ctx) => ctx.openOverlay({ kind: 'help' }),
  shortcuts: (ctx) => ctx.openOverlay({ kind: 'help' }),
  export: (ctx) => ctx.desk.state.articleId && ctx.openOverlay({ kind: 'export' }),
  import: (ctx) => ctx.openImport(),
  deselect: ({ desk }) => desk.dispatch({ type: 'select', claimId: null }),
  'toggle-suggestions': (ctx) => ctx.toggleSuggestions(),
};

/** Run one command. */
export function runCommand(command: AppCommand, ctx: CommandContext, status?: StatusId): void {
  COMMANDS[command](ctx, status);
}
