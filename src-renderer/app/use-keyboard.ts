/**
 * Keys and menu commands into the command table: one window key handler (capture phase) matched
 * against the shortcut table, and the host's menu commands from the client.
 */
import { useEffect } from 'react';
import type { FactmarkClient } from '../api/client';
import { anOverlayIsOpen } from '../components/open-overlays';
import { IS_MAC, matchShortcut } from '../shortcuts';
import { runCommand, type CommandContext } from './commands';
import { useLatest } from '../use-latest';

/** Whether key presses on `target` belong to it (a text field) rather than to the desk. */
function isTextField(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.closest('.fm-article-text')) return false;
  if (target.closest('[data-own-keys]')) return true; // the claim editor in the panel handles its own keys
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

function isControl(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && target.closest('button, a[href], summary, [role="menuitem"]') !== null;
}

/** Route keys and menu commands to the commands; `hasTextSelection` is read only when a key needs it. */
export function useKeyboard(client: FactmarkClient, ctx: CommandContext, hasTextSelection: () => boolean): void {
  const latest = useLatest({ ctx, hasTextSelection });

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.isComposing) return;
      const { ctx: now, hasTextSelection: textSelected } = latest.current;
      const { selectedId, claims } = now.desk.state;
      const hasClaim = selectedId !== null && claims.some((c) => c.id === selectedId);
      const match = matchShortcut(event, {
        isMac: IS_MAC,
        // Ctrl/⌘ keys on a drop-down (the editor's status) are the desk's: undo, redo, import, export.
        inTextField: isTextField(event.target) && !((event.ctrlKey || event.metaKey) && event.target instanceof HTMLSelectElement),
        onControl: isControl(event.target),
        overlayOpen: anOverlayIsOpen(),
        hasClaim,
        hostMenu: client.hasMenu,
        // Read only when a key bound to "claim selection" is pressed: reading the selection in the
        // article makes the browser lay out the page first, which a status key does not need.
        get hasTextSelection() {
          return textSelected();
        },
      });
      if (!match) return;
      if (match.command === 'deselect' && !selectedId) return;
      event.preventDefault();
      runCommand(match.command, now, match.status);
    };
    // Capture phase: ProseMirror claims Enter and Escape in the article before they would bubble here.
    window.addEventListener('keydown', onKeyDown, true);
    return () => window.removeEventListener('keydown', onKeyDown, true);
  }, [client]);

  // The desktop app's menu (the browser host has none): import is the import controls' own.
  useEffect(() => client.onMenuCommand((command) => command !== 'import' && runCommand(command, latest.current.ctx)), [client]);
}
