/**
 * The article view: the one owner of the ProseMirror EditorState. The text never changes; claims
 * are decorations that follow the claims prop one change at a time (upsert/remove), and a click
 * or a context menu on the text offers the claims under it.
 */
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { EditorState } from 'prosemirror-state';
import { EditorView } from 'prosemirror-view';
import { describeRange } from '../../src-shared/anchoring/describe';
import type { ArticleRecord, ClaimRecord, ClaimTarget } from '../../src-shared/model';
import { statusInfo } from '../../src-shared/statuses';
import { posToOffset, trimRange } from '../../src-shared/text';
import { afterNextPaint } from '../after-paint';
import { PopupMenu, type MenuItem } from '../components/PopupMenu';
import { snippet } from '../desk/claim-list';
import { projectionOf } from './anchor-claims';
import { chunkedDoc } from './chunks';
import { changeHighlights, claimsAt, highlightsPlugin, selectedHighlight, withHighlights, type HighlightsChange } from './highlights';
import { claimChanges } from './claim-changes';
import { openingClaims } from './opening';
import { highlightElement, placeCaret, revealElement, withoutSelectionSync } from './view-dom';
import { readOnlyPlugin } from './read-only';
import { suggestionsKey, suggestionsPlugin, type SuggestionRange } from './suggestions';
import { showTextChanges, textChangesPlugin, type TextChange } from './text-changes';
import { useLatest } from '../use-latest';

export { claimsAt } from './highlights';

export interface ArticleViewHandle {
  /** The selectors of the current selection inside the article, trimmed of whitespace; null when empty or outside. */
  selectedTarget(): ClaimTarget | null;
  /** Put the keyboard focus in the article text. */
  focus(): void;
  /** Remove the text selection. */
  clearSelection(): void;
}

interface Props {
  article: ArticleRecord;
  /** Every claim of the article; a new array with unchanged claims kept by reference. */
  claims: readonly ClaimRecord[];
  /** True while more of the article's claims are on their way (they follow in a later `claims`). */
  claimsLoading?: boolean;
  selectedId: string | null;
  onSelectClaim(id: string | null): void;
  /** Context menu actions; the selection is the one there was when the menu opened. */
  onClaimSelection(selection: ClaimTarget | null): void;
  onEditClaim(id: string): void;
  onDeleteClaim(id: string): void;
  handleRef?: (handle: ArticleViewHandle | null) => void;
  /** Claim suggestions to underline (text offsets); none when suggestions are off. */
  suggestions?: readonly SuggestionRange[];
  /** Text changes from the previous version to mark in the article (see text-changes.ts). */
  textChanges?: readonly TextChange[];
}

const NO_SUGGESTIONS: readonly SuggestionRange[] = [];

/** More changes than this at once are applied with one `set` rather than one upsert each. */
const BATCH_LIMIT = 32;

interface OpenMenu {
  label: string;
  items: MenuItem[];
  at: { x: number; y: number };
}

export function ArticleView(props: Props) {
  const { article, claims, selectedId } = props;
  const mount = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);
  const shownClaims = useRef<readonly ClaimRecord[]>([]);
  const pendingCaret = useRef<number | null>(null);
  /** Whether every claim is drawn (false between the first paint of a long article and the rest). */
  const drawnAll = useRef(true);
  const [complete, setComplete] = useState(true);
  const latest = useLatest(props);
  const [menu, setMenu] = useState<OpenMenu | null>(null);
  const handle = useRef<ArticleViewHandle | null>(null);

  const claimLabel = (id: string): string => {
    const claim = latest.current.claims.find((c) => c.id === id);
    return claim ? `${statusInfo(claim.status).glyph} ${snippet(claim.target.quote.exact, 48)}` : id;
  };

  // Create the view (once: the view is keyed by article, so another article mounts a new one). Its first state already holds the highlights of the opening
  // screens; on a long article the rest follow in the next task, after that first paint.
  useLayoutEffect(() => {
    const doc = chunkedDoc(article.doc);
    const projection = projectionOf(doc);
    const initial = EditorState.create({ doc, plugins: [highlightsPlugin(), readOnlyPlugin(), textChangesPlugin(), suggestionsPlugin()] });
    const all = latest.current.claims;
    const first = openingClaims(all, projection);
    const state = withHighlights(initial, { set: first });
    shownClaims.current = first;
    drawnAll.current = first === all;
    setComplete(drawnAll.current);
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
        v.updateState(v.state.apply(tr));
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
    // React, before each commit, measures the selection in the focused element by walking its whole
    // DOM when that element is contenteditable="true" (8+ ms on a 100,000-word article, on every
    // edit). "plaintext-only" is just as editable for a caret and Shift+arrow selection (and input is
    // refused anyway), but React leaves it alone. ProseMirror only sets the attribute when its own
    // attributes change, and ignores mutations of it.
    try {
      v.dom.contentEditable = 'plaintext-only';
    } catch {
      // An engine without plaintext-only keeps "true": slower commits, same behaviour.
    }
    view.current = v;
    handle.current = {
      selectedTarget() {
        const sel = window.getSelection();
        if (!sel || sel.rangeCount === 0 || sel.isCollapsed) return null;
        const range = sel.getRangeAt(0);
        if (!v.dom.contains(range.startContainer) || !v.dom.contains(range.endContainer)) return null;
        const from = v.posAtDOM(range.startContainer, range.startOffset);
        const to = v.posAtDOM(range.endContainer, range.endOffset);
        const trimmed = trimRange(projection.text, posToOffset(projection, Math.min(from, to), 1), posToOffset(projection, Math.max(from, to), -1));
        return trimmed ? describeRange(projection.text, trimmed.start, trimmed.end) : null;
      },
      focus: () => v.focus(),
      clearSelection() {
        const sel = window.getSelection();
        if (!sel || sel.rangeCount === 0 || !v.dom.contains(sel.focusNode)) return;
        // Collapse the DOM selection now (its layout is clean, so that is cheap) and ProseMirror's
        // copy after the next highlights update has been painted; that update must not let the view
        // restore the old selection when it redraws (see withoutSelectionSync).
        pendingCaret.current = v.posAtDOM(sel.focusNode!, sel.focusOffset);
        sel.collapseToEnd();
      },
    };
    props.handleRef?.(handle.current);
    // The rest in a task after the next frame, so the opening screens are painted first.
    const cancelRest = first !== all ? afterNextPaint(drawRest) : () => undefined;
    function drawRest() {
      const claimsNow = latest.current.claims;
      shownClaims.current = claimsNow;
      changeHighlights({ set: claimsNow })(v.state, v.dispatch);
      drawnAll.current = true;
      setComplete(true);
    }
    return () => {
      cancelRest();
      props.handleRef?.(null);
      handle.current = null;
      v.destroy();
      view.current = null;
    };
  }, []);

  // The previous version's text changes, when given: marked in the text (decorations only).
  const { textChanges } = props;
  useLayoutEffect(() => {
    const v = view.current;
    if (v) v.dispatch(showTextChanges(v.state, textChanges ?? []));
  }, [textChanges]);

  // Follow the claims and the selection in one transaction: only what changed is re-anchored and redrawn.
  useLayoutEffect(() => {
    const v = view.current;
    if (!v) return;
    const changes: HighlightsChange[] = [];
    if (drawnAll.current && shownClaims.current !== claims) {
      const diff = claimChanges(shownClaims.current, claims);
      shownClaims.current = claims;
      if (diff.upserts.length + diff.removals.length > BATCH_LIMIT) changes.push({ set: claims });
      else {
        for (const id of diff.removals) changes.push({ remove: id });
        for (const claim of diff.upserts) changes.push({ upsert: claim });
      }
    }
    const reselect = selectedHighlight(v.state) !== selectedId;
    if (reselect) changes.push({ select: selectedId });
    const caret = pendingCaret.current;
    pendingCaret.current = null;
    if (changes.length) {
      // With a caret to place, leave the DOM selection alone while the paragraph is redrawn:
      // writing it there forces a layout before the frame. The caret follows after the paint.
      const draw = () => changeHighlights(changes)(v.state, v.dispatch);
      if (caret === null) draw();
      else withoutSelectionSync(v, draw);
    }
    if (caret !== null) afterNextPaint(() => placeCaret(v, caret));
    if (reselect && selectedId) {
      // Measured at the start of the next frame, when that frame's layout is due anyway: read
      // here, after the redraw, it would force a layout of its own.
      const id = selectedId;
      requestAnimationFrame(() => {
        if (view.current !== v) return;
        const el = highlightElement(v, id);
        if (el) revealElement(el);
      });
    }
  }, [claims, selectedId, complete]);

  // Suggestions are redrawn as a whole when their list changes (or the view is rebuilt).
  const suggestions = props.suggestions ?? NO_SUGGESTIONS;
  useEffect(() => {
    const v = view.current;
    if (!v) return;
    withoutSelectionSync(v, () => v.dispatch(v.state.tr.setMeta(suggestionsKey, suggestions)));
  }, [suggestions, article.id, article.textHash]);

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
      <div className="fm-article" ref={mount} onContextMenu={onContextMenu} data-highlights={complete && !props.claimsLoading ? 'complete' : 'opening'} />
      {menu ? <PopupMenu label={menu.label} items={menu.items} at={menu.at} onClose={() => setMenu(null)} /> : null}
    </>
  );
}
