/**
 * Claim suggestions drawn in the article: a faint underline under each suggested sentence,
 * distinct from claim highlights. The ranges are text-projection offsets, set as a whole.
 */
import type { Node as PMNode } from 'prosemirror-model';
import { Plugin, PluginKey, type EditorState } from 'prosemirror-state';
import { Decoration, DecorationSet } from 'prosemirror-view';
import { offsetToPos } from '../../src-shared/text';
import { projectionOf } from './anchor-claims';

export interface SuggestionRange {
  start: number;
  end: number;
}

export const suggestionsKey = new PluginKey<DecorationSet>('suggestions');

function build(doc: PMNode, ranges: readonly SuggestionRange[]): DecorationSet {
  const projection = projectionOf(doc);
  const decorations = ranges.map((r) =>
    Decoration.inline(offsetToPos(projection, r.start, 1), offsetToPos(projection, r.end, -1), {
      class: 'fm-suggestion',
      'data-suggestion-start': String(r.start),
    }),
  );
  return DecorationSet.create(doc, decorations);
}

/** The plugin; replace its ranges with `tr.setMeta(suggestionsKey, ranges)`. */
export function suggestionsPlugin(): Plugin<DecorationSet> {
  return new Plugin<DecorationSet>({
    key: suggestionsKey,
    state: {
      init: () => DecorationSet.empty,
      apply(tr, set) {
        const ranges = tr.getMeta(suggestionsKey) as readonly SuggestionRange[] | undefined;
        return ranges ? build(tr.doc, ranges) : set.map(tr.mapping, tr.doc);
      },
    },
    props: { decorations: (state: EditorState) => suggestionsKey.getState(state) },
  });
}
