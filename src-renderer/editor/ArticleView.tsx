/**
 * The article view: the one owner of the ProseMirror EditorState. The text never changes; claims
 * are decorations that follow the claims prop one change at a time (upsert/remove), and a click
 * or a context menu on the text offers the claims under it.
 */
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { Node as PMNode } from 'prosemirror-model';
import { EditorState, TextSelection } from 'prosemirror-state';
import { EditorView } from 'prosemirror-view';
import { describeRange } from '../../src-shared/anchoring/describe';
import type { ArticleRecord, ClaimRecord, ClaimTarget } from '../../src-shared/model';
import { articleSchema } from '../../src-shared/schema';
import { statusInfo } from '../../src-shared/statuses';
import { posToOffset, trimRange } from '../../src-shared/text';
import { PopupMenu, type MenuItem } from '../components/PopupMenu';
import { snippet } from '../desk/claim-list';
import { projectionOf } from './anchor-claims';
import { claimRange, claimsAt, highlightsKey, highlightsPlugin, type HighlightsMeta } from './highlights';
import { claimChanges } from './claim-changes';
import { readOnlyPlugin } from './read-only';

export { claimsAt } from './highlights';

/** A selection to claim: trimmed text offsets and the selectors they make. */
export interface SelectionTarget {
  start: number;
  end: number;
  target: ClaimTarget;
}

export interface ArticleViewHandle {
  /** The current selection inside the article, trimmed of whitespace; null when empty or outside. */
  selectedTarget(): SelectionTarget | null;
  /** Put the keyboard focus in the article text. */
  focus(): void;
  /** Remove the text selection. */
  clearSelection(): void;
}

interface Props {
  article: ArticleRecord;
  /** Every claim of the article; a new array with unchanged claims kept by reference. */
  claims: readonly ClaimRecord[];
  selectedId: string | null;
  onSelectClaim(id: string | null): void;
  /** The claims that anchor nowhere, whenever that list changes. */
  onOrphans?(orphans: readonly ClaimRecord[]): void;
  /** Context menu actions; the selection is the one there was when the menu opened. */
  onClaimSelection(selection: SelectionTarget | null): void;
  onEditClaim(id: string): void;
  onDeleteClaim(id: string): void;
  handleRef?: (handle: ArticleViewHandle | null) => void;
}

/** More changes than this at once are applied with one `set` rather than one upsert each. */
const BATCH_LIMIT = 32;

interface OpenMenu {
  label: string;
  items: MenuItem[];
  at: { x: number; y: number };
}

/** The element of a claim's highlight, found from its position rather than by searching the DOM. */
function highlightElement(view: EditorView, claimId: string): HTMLElement | null {
  const range = claimRange(view.state, claimId);
  if (!range) return null;
  const { node } = view.domAtPos(range.from + 1, -1);
  const el = node.nodeType === Node.TEXT_NODE ? node.parentElement : (node as HTMLElement);
  return el?.closest<HTMLElement>(`[data-claim-id="${CSS.escape(claimId)}"]`) ?? el;
}

/** Scroll the nearest scrolling ancestor so `el` is in view, centring it only when it was out of view. */
function revealElement(el: HTMLElement): void {
  const scroller = el.closest('.fm-main') ?? document.scrollingElement;
  if (!scroller) return;
  const box = scroller.getBoundingClientRect();
  const rect = el.getBoundingClientRect();
  if (rect.top >= box.top + 8 && rect.bottom <= box.bottom - 8) return;
  el.scrollIntoView({ block: 'center', behavior: 'auto' });
}

export function ArticleView(props: Props) {
  const { article, claims, selectedId } = props;
  const mount = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);
  const shownClaims = useRef<readonly ClaimRecord[]>([]);
  const latest = useRef(props);
  latest.current = props;
  const [menu, setMenu] = useState<OpenMenu | null>(null);
  const handle = useRef<ArticleViewHandle | null>(null);

  const claimLabel = (id: string): string => {
    const claim = latest.current.claims.find((c) => c.id === id);
    return claim ? `${statusInfo(claim.status).glyph} ${snippet(claim.target.quote.exact, 48)}` : id;
  };

  const reportOrphans = (before: EditorState, after: EditorState) => {
    const was = highlightsKey.getState(before)?.orphans;
    const now = highlightsKey.getState(after)?.orphans;
    if (was !== now) latest.current.onOrphans?.(now ?? []);
  };

  // Create the view for each article, with its highlights already in the first state.
  useLayoutEffect(() => {
    const doc = PMNode.fromJSON(articleSchema, article.doc);
    const projection = projectionOf(doc);
    const initial = EditorState.create({ doc, plugins: [highlightsPlugin(), readOnlyPlugin()] });
    const state = initial.apply(initial.tr.setMeta(highlightsKey, { set: latest.current.claims } satisfies HighlightsMeta));
    shownClaims.current = latest.current.claims;
    const v = new EditorView(mount.current!, {
      state,
      editable: () => true,
      attributes: {
        'aria-label': `Article text: ${article.title}`,
        role: 'document',
        class: 'fm-article-text',
        // Explicit, so tools that do not count contenteditable see the scrolling article has a keyboard stop.
        tabindex: '0',
        spellcheck: 'false',
        autocorrect: 'off',
        autocapitalize: 'off',
        translate: 'no',
      },
      dispatchTransaction(tr) {
        const before = v.state;
        v.updateState(before.apply(tr));
        reportOrphans(before, v.state);
      },
      handleClick(viewNow, pos, event) {
        const ids = claimsAt(viewNow.state, pos);
        if (ids.length === 1) latest.current.onSelectClaim(ids[0]);
        if (ids.length > 1) {
          setMenu({
            label: 'Claims here, innermost first',
            at: { x: event.clientX, y: event.clientY + 8 },
            items: ids.map((id) => ({ label: claimLabel(id), onSelect: () => latest.current.onSelectClaim(id) })),
          });
        }
        return false;
      },
    });
    view.current = v;
    latest.current.onOrphans?.(highlightsKey.getState(state)?.orphans ?? []);
    handle.current = {
      selectedTarget() {
        const sel = window.getSelection();
        if (!sel || sel.rangeCount === 0 || sel.isCollapsed) return null;
        const range = sel.getRangeAt(0);
        if (!v.dom.contains(range.startContainer) || !v.dom.contains(range.endContainer)) return null;
        const from = v.posAtDOM(range.startContainer, range.startOffset);
        const to = v.posAtDOM(range.endContainer, range.endOffset);
        const trimmed = trimRange(projection.text, posToOffset(projection, Math.min(from, to), 1), posToOffset(projection, Math.max(from, to), -1));
        return trimmed ? { ...trimmed, target: describeRange(projection.text, trimmed.start, trimmed.end) } : null;
      },
      focus: () => v.focus(),
      clearSelection() {
        const sel = window.getSelection();
        if (!sel || sel.rangeCount === 0 || !v.dom.contains(sel.focusNode)) return;
        // Collapse both the DOM selection and ProseMirror's copy of it, or the view would restore it.
        const at = v.posAtDOM(sel.focusNode!, sel.focusOffset);
        sel.collapseToEnd();
        v.dispatch(v.state.tr.setSelection(TextSelection.create(v.state.doc, at)));
      },
    };
    props.handleRef?.(handle.current);
    return () => {
      props.handleRef?.(null);
      handle.current = null;
      v.destroy();
      view.current = null;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [article.id, article.textHash]);

  // Follow the claims: only what changed is re-anchored and redrawn.
  useLayoutEffect(() => {
    const v = view.current;
    if (!v || shownClaims.current === claims) return;
    const changes = claimChanges(shownClaims.current, claims);
    shownClaims.current = claims;
    if (changes.upserts.length + changes.removals.length > BATCH_LIMIT) {
      v.dispatch(v.state.tr.setMeta(highlightsKey, { set: claims } satisfies HighlightsMeta));
      return;
    }
    for (const id of changes.removals) v.dispatch(v.state.tr.setMeta(highlightsKey, { remove: id } satisfies HighlightsMeta));
    for (const claim of changes.upserts) v.dispatch(v.state.tr.setMeta(highlightsKey, { upsert: claim } satisfies HighlightsMeta));
  }, [claims]);

  // Emphasise the selected claim and bring it into view.
  useLayoutEffect(() => {
    const v = view.current;
    if (!v) return;
    if (highlightsKey.getState(v.state)?.selectedId !== selectedId) {
      v.dispatch(v.state.tr.setMeta(highlightsKey, { select: selectedId } satisfies HighlightsMeta));
    }
    if (selectedId) {
      const el = highlightElement(v, selectedId);
      if (el) revealElement(el);
    }
  }, [selectedId, article.id]);

  useEffect(() => () => setMenu(null), [article.id]);

  const onContextMenu = (event: React.MouseEvent) => {
    const v = view.current;
    if (!v) return;
    event.preventDefault();
    let at = { x: event.clientX, y: event.clientY };
    let pos = v.posAtCoords({ left: event.clientX, top: event.clientY })?.pos ?? null;
    if (event.clientX === 0 && event.clientY === 0) {
      // Opened from the keyboard (Shift+F10, the menu key): use the selection instead of the pointer.
      const { from } = v.state.selection;
      const coords = v.coordsAtPos(from);
      at = { x: coords.left, y: coords.bottom + 4 };
      pos = from;
    }
    const selection = handle.current?.selectedTarget() ?? null;
    const ids = pos === null ? [] : claimsAt(v.state, pos);
    const items: MenuItem[] = [{ label: 'Claim selection', hint: 'C', disabled: !selection, onSelect: () => latest.current.onClaimSelection(selection) }];
    for (const id of ids) {
      const name = claimLabel(id);
      items.push({ label: `Edit claim ${name}`, hint: '↵', onSelect: () => latest.current.onEditClaim(id) });
      items.push({ label: `Delete claim ${name}`, hint: 'Del', onSelect: () => latest.current.onDeleteClaim(id) });
    }
    setMenu({ label: 'Article actions', at, items });
  };

  return (
    <>
      <div className="fm-article" ref={mount} onContextMenu={onContextMenu} />
      {menu ? <PopupMenu label={menu.label} items={menu.items} at={menu.at} onClose={() => setMenu(null)} /> : null}
    </>
  );
}
