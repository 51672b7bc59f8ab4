/**
 * The text changes from the previous version of an article, drawn as decorations (the text itself
 * never changes): inserted text is marked, deleted text is shown struck through where it was.
 * One plugin; its decorations are replaced whole by a transaction meta.
 */
import type { Node as PMNode } from 'prosemirror-model';
import { Plugin, PluginKey, type EditorState, type Transaction } from 'prosemirror-state';
import { Decoration, DecorationSet } from 'prosemirror-view';
import { offsetToPos } from '../../src-shared/text';
import { projectionOf } from './anchor-claims';

/** One change: new text [start, end) (empty for a pure deletion) replaced `deleted`. */
export interface TextChange {
  start: number;
  end: number;
  deleted: string;
}

export const textChangesKey = new PluginKey<DecorationSet>('textChanges');

export function textChangesPlugin(): Plugin<DecorationSet> {
  return new Plugin<DecorationSet>({
    key: textChangesKey,
    state: {
      init: () => DecorationSet.empty,
      apply: (tr, set) => (tr.getMeta(textChangesKey) as DecorationSet | undefined) ?? set.map(tr.mapping, tr.doc),
    },
    props: { decorations: (state) => textChangesKey.getState(state) },
  });
}

/** The struck-through old text shown where it was deleted. */
function deletedWidget(text: string): HTMLElement {
  const el = document.createElement('del');
  el.className = 'fm-deleted';
  el.contentEditable = 'false';
  el.textContent = text;
  el.title = 'Deleted in this version';
  return el;
}

/** Decorations for `changes` (offsets in the document's plain-text projection). */
export function textChangeDecorations(doc: PMNode, changes: readonly TextChange[]): DecorationSet {
  const projection = projectionOf(doc);
  const decorations: Decoration[] = [];
  for (const change of changes) {
    if (change.end > change.start && projection.text.slice(change.start, change.end).trim()) {
      const from = offsetToPos(projection, change.start, 1);
      const to = offsetToPos(projection, change.end, -1);
      if (to > from) decorations.push(Decoration.inline(from, to, { class: 'fm-inserted', title: 'New in this version' }));
    }
    if (change.deleted.trim()) {
      const text = change.deleted.replace(/\s+/g, ' ').trim();
      decorations.push(Decoration.widget(offsetToPos(projection, change.start, 1), () => deletedWidget(text), { side: -1, ignoreSelection: true, key: `del:${change.start}:${text}` }));
    }
  }
  return DecorationSet.create(doc, decorations);
}

/** A transaction that shows `changes` (none: clears them). */
export function showTextChanges(state: EditorState, changes: readonly TextChange[]): Transaction {
  return state.tr.setMeta(textChangesKey, textChangeDecorations(state.doc, changes)).setMeta('addToHistory', false);
}
