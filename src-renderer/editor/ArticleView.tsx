/** The article view: the one owner of the ProseMirror EditorState; the text is read-only. */
import { useEffect, useLayoutEffect, useRef } from 'react';
import { Node as PMNode } from 'prosemirror-model';
import { EditorState } from 'prosemirror-state';
import { EditorView } from 'prosemirror-view';
import type { ArticleRecord, ClaimRecord } from '../../src-shared/model';
import { articleSchema } from '../../src-shared/schema';
import { posToOffset, projectText } from '../../src-shared/text';
import { highlightsKey, highlightsPlugin, type HighlightsMeta } from './highlights';

export interface TextRange {
  start: number;
  end: number;
}

export interface ArticleViewHandle {
  /** The current DOM selection inside the article as text offsets, or null. */
  selectedRange(): TextRange | null;
}

interface Props {
  article: ArticleRecord;
  claims: readonly ClaimRecord[];
  selectedId: string | null;
  onSelectClaim(id: string | null): void;
  handleRef?: (handle: ArticleViewHandle | null) => void;
}

/** Claim ids under a document position, innermost (shortest) first. */
export function claimsAt(state: EditorState, pos: number): string[] {
  const set = highlightsKey.getState(state)?.decorations;
  if (!set) return [];
  return set
    .find(pos, pos)
    .filter((d) => d.from <= pos && d.to >= pos && d.to > d.from)
    .sort((a, b) => a.to - a.from - (b.to - b.from))
    .map((d) => (d.spec as { claimId: string }).claimId);
}

export function ArticleView({ article, claims, selectedId, onSelectClaim, handleRef }: Props) {
  const mount = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);
  const onSelect = useRef(onSelectClaim);
  onSelect.current = onSelectClaim;

  // Create the view for each article.
  useLayoutEffect(() => {
    const doc = PMNode.fromJSON(articleSchema, article.doc);
    const projection = projectText(doc);
    const v = new EditorView(mount.current!, {
      state: EditorState.create({ doc, plugins: [highlightsPlugin()] }),
      editable: () => false,
      attributes: { 'aria-label': `Article text: ${article.title}`, role: 'document', class: 'fm-article-text' },
      handleClickOn: () => false,
      handleClick(viewNow, pos) {
        const ids = claimsAt(viewNow.state, pos);
        if (ids.length) onSelect.current(ids[0]);
        return false;
      },
    });
    view.current = v;
    handleRef?.({
      selectedRange() {
        const sel = window.getSelection();
        if (!sel || sel.rangeCount === 0 || sel.isCollapsed) return null;
        const range = sel.getRangeAt(0);
        if (!v.dom.contains(range.startContainer) || !v.dom.contains(range.endContainer)) return null;
        const from = v.posAtDOM(range.startContainer, range.startOffset);
        const to = v.posAtDOM(range.endContainer, range.endOffset);
        return { start: posToOffset(projection, Math.min(from, to), 1), end: posToOffset(projection, Math.max(from, to), -1) };
      },
    });
    return () => {
      handleRef?.(null);
      v.destroy();
      view.current = null;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [article.id, article.textHash]);

  useLayoutEffect(() => {
    const v = view.current;
    if (!v) return;
    const meta: HighlightsMeta = { set: claims };
    v.dispatch(v.state.tr.setMeta(highlightsKey, meta));
  }, [claims, article.id, article.textHash]);

  useEffect(() => {
    const v = view.current;
    if (!v) return;
    v.dispatch(v.state.tr.setMeta(highlightsKey, { select: selectedId } satisfies HighlightsMeta));
    if (selectedId) {
      const el = v.dom.querySelector(`[data-claim-id="${CSS.escape(selectedId)}"]`);
      el?.scrollIntoView({ block: 'center', behavior: 'auto' });
    }
  }, [selectedId, claims]);

  return <div className="fm-article" ref={mount} />;
}
