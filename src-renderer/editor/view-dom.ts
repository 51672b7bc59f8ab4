/** DOM work for the article view: find a claim's highlight, reveal it, and place or hold back the caret. */
import { TextSelection } from 'prosemirror-state';
import type { EditorView } from 'prosemirror-view';
import { claimRange } from './highlights';

/** The element of a claim's highlight, found from its position rather than by searching the DOM. */
export function highlightElement(view: EditorView, claimId: string): HTMLElement | null {
  const range = claimRange(view.state, claimId);
  if (!range) return null;
  const { node } = view.domAtPos(range.from + 1, -1);
  const el = node.nodeType === Node.TEXT_NODE ? node.parentElement : (node as HTMLElement);
  return el?.closest<HTMLElement>(`[data-claim-id="${CSS.escape(claimId)}"]`) ?? el;
}

/** Scroll the nearest scrolling ancestor so `el` is in view, centring it only when it was out of view. */
export function revealElement(el: HTMLElement): void {
  const scroller = el.closest('.fm-main') ?? document.scrollingElement;
  if (!scroller) return;
  const box = scroller.getBoundingClientRect();
  const rect = el.getBoundingClientRect();
  if (rect.top >= box.top + 8 && rect.bottom <= box.bottom - 8) return;
  el.scrollIntoView({ block: 'center', behavior: 'auto' });
}

/**
 * Run `update` without ProseMirror writing the DOM selection: it only writes it while the view
 * has the focus, so the view reports no focus meanwhile.
 */
export function withoutSelectionSync(view: EditorView, update: () => void): void {
  const owned = view as { hasFocus(): boolean };
  owned.hasFocus = () => false;
  try {
    update();
  } finally {
    delete (owned as Partial<typeof owned>).hasFocus;
  }
}

/**
 * Put a collapsed caret at `pos`, unless the view is gone, the user has selected text since, or
 * ProseMirror has already read that caret from the browser's selection (writing it again would
 * make the browser lay the page out for nothing).
 */
export function placeCaret(view: EditorView, pos: number): void {
  if (view.isDestroyed) return;
  const sel = window.getSelection();
  if (sel && sel.rangeCount > 0 && !sel.isCollapsed) return;
  const { doc, selection } = view.state;
  const at = Math.min(pos, doc.content.size);
  if (selection.empty && selection.head === at) return;
  view.dispatch(view.state.tr.setSelection(TextSelection.create(doc, at)));
}
