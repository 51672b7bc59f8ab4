/**
 * The read-only plugin: the article stays contenteditable so a keyboard user can move a caret and
 * select text with Shift+arrows, but no input, paste, drop or cut ever reaches the document.
 */
import { Plugin, PluginKey } from 'prosemirror-state';

export const readOnlyKey = new PluginKey('factmark-read-only');

function refuse(_view: unknown, event: Event): boolean {
  event.preventDefault();
  return true;
}

/** Lets selections through and refuses every change to the document. */
export function readOnlyPlugin(): Plugin {
  return new Plugin({
    key: readOnlyKey,
    filterTransaction: (tr) => !tr.docChanged,
    props: {
      handleTextInput: () => true,
      handlePaste: () => true,
      handleDrop: () => true,
      handleDOMEvents: { beforeinput: refuse, cut: refuse, drop: refuse, paste: refuse, dragstart: refuse },
    },
  });
}
