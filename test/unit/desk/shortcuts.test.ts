/** Shortcut dispatch: bindings, scopes, text fields and overlays, and the README table. */
import { describe, expect, it } from 'vitest';
import { bindingOf, displayKey, matchShortcut, SHORTCUTS, shortcutsMarkdown, type KeyContext } from '../../../src-renderer/shortcuts';

const ctx: KeyContext = { isMac: false, inTextField: false, onControl: false, overlayOpen: false, hasClaim: true, hasTextSelection: false };
const key = (k: string, mods: Partial<{ ctrlKey: boolean; metaKey: boolean; altKey: boolean; shiftKey: boolean }> = {}) => ({
  key: k,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  shiftKey: false,
  ...mods,
});

describe('shortcuts', () => {
  it('spells key presses in the table’s notation', () => {
    expect(bindingOf(key('K', { ctrlKey: true, shiftKey: true }), false)).toBe('Mod-Shift-k');
    expect(bindingOf(key('z', { metaKey: true }), true)).toBe('Mod-z');
    expect(bindingOf(key('?', { shiftKey: true }), false)).toBe('?');
    expect(bindingOf(key('ArrowDown', { altKey: true }), false)).toBe('Alt-ArrowDown');
    expect(bindingOf(key('z', { ctrlKey: true }), true)).toBe('Other-z');
  });

  it('sets each status with its number key while a claim is selected', () => {
    expect(matchShortcut(key('5'), ctx)).toEqual({ command: 'set-status', status: 'false' });
    expect(matchShortcut(key('3'), ctx)).toEqual({ command: 'set-status', status: 'verified' });
    expect(matchShortcut(key('5'), { ...ctx, hasClaim: false })).toBeNull();
  });

  it('claims a selection with c or Mod-Shift-K only when text is selected', () => {
    expect(matchShortcut(key('c'), ctx)).toBeNull();
    expect(matchShortcut(key('c'), { ...ctx, hasTextSelection: true })).toEqual({ command: 'claim-selection' });
    expect(matchShortcut(key('K', { ctrlKey: true, shiftKey: true }), { ...ctx, hasTextSelection: true })).toEqual({ command: 'claim-selection' });
    expect(matchShortcut(key('K', { metaKey: true, shiftKey: true }), { ...ctx, isMac: true, hasTextSelection: true })).toEqual({ command: 'claim-selection' });
  });

  it('moves between claims with j/k and Alt+arrows', () => {
    expect(matchShortcut(key('j'), ctx)?.command).toBe('next-claim');
    expect(matchShortcut(key('k'), ctx)?.command).toBe('previous-claim');
    expect(matchShortcut(key('ArrowDown', { altKey: true }), ctx)?.command).toBe('next-claim');
    expect(matchShortcut(key('ArrowUp', { altKey: true }), ctx)?.command).toBe('previous-claim');
    expect(matchShortcut(key('ArrowDown'), ctx)).toBeNull();
  });

  it('undoes with Mod-Z and redoes with Mod-Shift-Z or Mod-Y', () => {
    expect(matchShortcut(key('z', { ctrlKey: true }), ctx)?.command).toBe('undo');
    expect(matchShortcut(key('Z', { ctrlKey: true, shiftKey: true }), ctx)?.command).toBe('redo');
    expect(matchShortcut(key('y', { ctrlKey: true }), ctx)?.command).toBe('redo');
    expect(matchShortcut(key('z', { ctrlKey: true }), { ...ctx, isMac: true })).toBeNull();
  });

  it('opens the editor, deletes and shows help', () => {
    expect(matchShortcut(key('Enter'), ctx)?.command).toBe('open-editor');
    expect(matchShortcut(key('Delete'), ctx)?.command).toBe('delete-claim');
    expect(matchShortcut(key('Backspace'), ctx)?.command).toBe('delete-claim');
    expect(matchShortcut(key('?', { shiftKey: true }), { ...ctx, hasClaim: false })?.command).toBe('help');
  });

  it('leaves keys to text fields, open dialogs, and Enter to buttons', () => {
    expect(matchShortcut(key('5'), { ...ctx, inTextField: true })).toBeNull();
    expect(matchShortcut(key('z', { ctrlKey: true }), { ...ctx, inTextField: true })).toBeNull();
    expect(matchShortcut(key('j'), { ...ctx, overlayOpen: true })).toBeNull();
    expect(matchShortcut(key('Enter'), { ...ctx, onControl: true })).toBeNull();
    expect(matchShortcut(key('j'), { ...ctx, onControl: true })?.command).toBe('next-claim');
  });

  it('imports with Mod-O and exports with Mod-E, also from a text field, unless the host menu has those keys', () => {
    expect(matchShortcut(key('o', { ctrlKey: true }), ctx)).toEqual({ command: 'import' });
    expect(matchShortcut(key('e', { ctrlKey: true }), { ...ctx, inTextField: true })).toEqual({ command: 'export' });
    expect(matchShortcut(key('e', { metaKey: true }), { ...ctx, isMac: true })).toEqual({ command: 'export' });
    expect(matchShortcut(key('o', { ctrlKey: true }), { ...ctx, hostMenu: true })).toBeNull();
    expect(matchShortcut(key('e', { ctrlKey: true }), { ...ctx, overlayOpen: true })).toBeNull();
    expect(matchShortcut(key('z', { ctrlKey: true }), { ...ctx, inTextField: true })).toBeNull();
  });

  it('has no binding listed twice', () => {
    const all = SHORTCUTS.flatMap((s) => s.keys);
    expect(new Set(all).size).toBe(all.length);
  });

  it('writes the README table from the same list', () => {
    const md = shortcutsMarkdown();
    expect(md.split('\n')).toHaveLength(SHORTCUTS.length + 2);
    expect(md).toContain('| <kbd>c</kbd> or <kbd>Ctrl+Shift+K</kbd> | Claim the selected article text |');
    expect(displayKey('Mod-Shift-z', true)).toBe('⌘⇧Z');
  });
});
