/**
 * The keyboard shortcut table and its dispatch: one list that the help overlay, the README text
 * and the key handler all read, so what is documented is what works.
 */
import { STATUSES } from '../src-shared/statuses';
import type { StatusId } from '../src-shared/model';

/** Whether the keys to show are a Mac's (⌘ rather than Ctrl). */
export const IS_MAC = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

/** What a shortcut does. */
export type ShortcutCommand =
  /** Claim the text selected in the article. */
  | 'claim-selection'
  /** Select the next claim in document order. */
  | 'next-claim'
  /** Select the previous claim in document order. */
  | 'previous-claim'
  /** Give the selected claim a status (see `status`). */
  | 'set-status'
  /** Open the claim editor for the selected claim. */
  | 'open-editor'
  /** Delete the selected claim (undoable). */
  | 'delete-claim'
  /** Undo the last claim change. */
  | 'undo'
  /** Redo the last undone change. */
  | 'redo'
  /** Move focus to the claim filter box. */
  | 'focus-filter'
  /** Show the shortcut list. */
  | 'help'
  /** Clear the claim selection. */
  | 'deselect'
  /** Show or hide the claim suggestions underlined in the article. */
  | 'toggle-suggestions'
  /** Import an article from a file (File ▸ Import…). */
  | 'import'
  /** Export the open article (File ▸ Export…). */
  | 'export';

/** When a shortcut applies. */
export type ShortcutScope = 'anywhere' | 'text-selected' | 'claim-selected';

export interface Shortcut {
  command: ShortcutCommand;
  /** Key bindings, ProseMirror style: "Mod-Shift-k", "Alt-ArrowDown", "j", "?". Mod is Cmd on macOS, Ctrl elsewhere. */
  keys: readonly string[];
  description: string;
  scope: ShortcutScope;
  status?: StatusId;
  /** Also when a text field has the focus (Ctrl/⌘ combinations a field has no use for). */
  inFields?: true;
  /** The desktop app's menu has this accelerator; the page handles it only in the browser host. */
  menu?: true;
}

/** Every shortcut, in the order the help overlay lists them. */
export const SHORTCUTS: readonly Shortcut[] = [
  { command: 'claim-selection', keys: ['c', 'Mod-Shift-k'], description: 'Claim the selected article text', scope: 'text-selected' },
  { command: 'next-claim', keys: ['j', 'Alt-ArrowDown'], description: 'Next claim', scope: 'anywhere' },
  { command: 'previous-claim', keys: ['k', 'Alt-ArrowUp'], description: 'Previous claim', scope: 'anywhere' },
  ...STATUSES.map(
    (s): Shortcut => ({ command: 'set-status', keys: [s.key], description: `Set status: ${s.label}`, scope: 'claim-selected', status: s.id }),
  ),
  { command: 'open-editor', keys: ['Enter'], description: 'Edit the selected claim', scope: 'claim-selected' },
  { command: 'delete-claim', keys: ['Delete', 'Backspace'], description: 'Delete the selected claim (undo brings it back)', scope: 'claim-selected' },
  { command: 'undo', keys: ['Mod-z'], description: 'Undo', scope: 'anywhere' },
  { command: 'redo', keys: ['Mod-Shift-z', 'Mod-y'], description: 'Redo', scope: 'anywhere' },
  { command: 'focus-filter', keys: ['/'], description: 'Filter the claims list', scope: 'anywhere' },
  { command: 'toggle-suggestions', keys: ['s'], description: 'Show or hide claim suggestions in the article', scope: 'anywhere' },
  { command: 'deselect', keys: ['Escape'], description: 'Close a dialog or menu; clear the claim selection', scope: 'anywhere' },
  { command: 'help', keys: ['?'], description: 'Show these shortcuts', scope: 'anywhere' },
  { command: 'import', keys: ['Mod-o'], description: 'Import an article from a file', scope: 'anywhere', inFields: true, menu: true },
  { command: 'export', keys: ['Mod-e'], description: 'Export the open article', scope: 'anywhere', inFields: true, menu: true },
];

/** The parts of a KeyboardEvent dispatch looks at. */
export interface KeyInput {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  shiftKey: boolean;
}

/** Where the key was pressed. */
export interface KeyContext {
  isMac: boolean;
  /** Focus is in a text field (input, textarea, select, editable text): keys belong to it. */
  inTextField: boolean;
  /** Focus is on a button or link, where Enter activates it. */
  onControl: boolean;
  /** A dialog or menu is open: it handles its own keys. */
  overlayOpen: boolean;
  /** A claim is selected. */
  hasClaim: boolean;
  /** The host has a menu with its own accelerators (the desktop app). */
  hostMenu?: boolean;
  /** Article text is selected (non-empty). */
  hasTextSelection: boolean;
}

export interface ShortcutMatch {
  command: ShortcutCommand;
  status?: StatusId;
}

/** Single printable keys whose Shift state is part of the character ("?" is Shift-/). */
function isSymbol(key: string): boolean {
  return key.length === 1 && key.toLowerCase() === key.toUpperCase();
}

/** The binding string for a key event, in the table's notation. */
export function bindingOf(input: KeyInput, isMac: boolean): string {
  const mod = isMac ? input.metaKey : input.ctrlKey;
  const key = input.key.length === 1 ? input.key.toLowerCase() : input.key;
  const parts: string[] = [];
  if (mod) parts.push('Mod');
  if (input.altKey) parts.push('Alt');
  if (input.shiftKey && !isSymbol(input.key)) parts.push('Shift');
  // Ctrl on a Mac (or Cmd elsewhere) is not Mod: keep it apart so it matches nothing.
  if (isMac ? input.ctrlKey : input.metaKey) parts.push('Other');
  parts.push(key === ' ' ? 'Space' : key);
  return parts.join('-');
}

function applies(scope: ShortcutScope, ctx: KeyContext): boolean {
  if (scope === 'claim-selected') return ctx.hasClaim;
  if (scope === 'text-selected') return ctx.hasTextSelection;
  return true;
}

/** The shortcut a key press means here, or null (then the key is left to the browser). */
export function matchShortcut(input: KeyInput, ctx: KeyContext): ShortcutMatch | null {
  if (ctx.overlayOpen) return null;
  const binding = bindingOf(input, ctx.isMac);
  if (ctx.onControl && (binding === 'Enter' || binding === 'Space')) return null;
  for (const s of SHORTCUTS) {
    if (!s.keys.includes(binding) || !applies(s.scope, ctx)) continue;
    if ((ctx.inTextField && !s.inFields) || (ctx.hostMenu && s.menu)) continue;
    return s.status ? { command: s.command, status: s.status } : { command: s.command };
  }
  return null;
}

/** A binding as people read it: "Ctrl+Shift+K", "⌘⇧K", "Alt+↓", "j". */
export function displayKey(binding: string, isMac: boolean): string {
  const names: Record<string, string> = { ArrowDown: '↓', ArrowUp: '↑', Escape: 'Esc', Mod: isMac ? '⌘' : 'Ctrl', Alt: isMac ? '⌥' : 'Alt', Shift: isMac ? '⇧' : 'Shift' };
  const parts = binding.split('-');
  const combo = parts.length > 1;
  return parts.map((p) => names[p] ?? (combo && p.length === 1 ? p.toUpperCase() : p)).join(isMac ? '' : '+');
}

/** The table as display rows: keys as people read them, and what they do. */
export function shortcutRows(isMac: boolean): { keys: string[]; description: string }[] {
  return SHORTCUTS.map((s) => ({ keys: s.keys.map((k) => displayKey(k, isMac)), description: s.description }));
}

/** The shortcut table as Markdown, for the README. */
export function shortcutsMarkdown(): string {
  const lines = ['| Keys | Action |', '| --- | --- |'];
  for (const row of shortcutRows(false)) lines.push(`| ${row.keys.map((k) => `<kbd>${k}</kbd>`).join(' or ')} | ${row.description} |`);
  return lines.join('\n');
}
