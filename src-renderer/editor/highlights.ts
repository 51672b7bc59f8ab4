/**
 * The highlights plugin: one inline decoration per claim, in its status colour, computed from the
 * stored selectors (the document is never changed). Its state maps through every transaction,
 * then applies its changes: set (all claims), upsert (one), remove, select. Its key is private:
 * other modules change it with `changeHighlights` and read it with the functions below.
 */
import type { Node as PMNode } from 'prosemirror-model';
import { Plugin, PluginKey, type Command, type EditorState, type Transaction } from 'prosemirror-state';
import { Decoration, DecorationSet } from 'prosemirror-view';
import type { ClaimRecord } from '../../src-shared/model';
import { statusInfo } from '../../src-shared/statuses';
import { LayeredMap } from '../desk/layered-map';
import { anchorClaims, type AnchoredClaim } from './anchor-claims';

export interface HighlightsState {
  decorations: DecorationSet;
  selectedId: string | null;
  /**
   * Where each claim's highlight was drawn, by id: where to look for its decoration without
   * searching all of them. A hint only (a mapped set may have moved); a miss searches everywhere.
   */
  ranges: ReadonlyMap<string, { from: number; to: number }>;
}

/** One change to the highlights; a transaction may carry one, or several in order. */
export type HighlightsChange =
  /** Replace every highlight (opening an article, or many changes at once). */
  | { set: readonly ClaimRecord[] }
  /** Add one claim's highlight, or redraw it. */
  | { upsert: ClaimRecord }
  /** Remove one claim's highlight. */
  | { remove: string }
  /** Emphasise one claim (null: none). */
  | { select: string | null };

export type HighlightsMeta = HighlightsChange | readonly HighlightsChange[];

const highlightsKey = new PluginKey<HighlightsState>('factmark-highlights');

/** The command that applies highlight changes (in order) in one transaction. */
export function changeHighlights(changes: HighlightsMeta): Command {
  return (state, dispatch) => {
    dispatch?.(state.tr.setMeta(highlightsKey, changes));
    return true;
  };
}

/** The state with highlight changes applied (no view needed: opening a view, tests). */
export function withHighlights(state: EditorState, changes: HighlightsMeta): EditorState {
  let next = state;
  changeHighlights(changes)(state, (tr) => (next = state.apply(tr)));
  return next;
}

/** Every highlight decoration. */
export function highlightDecorations(state: EditorState): DecorationSet {
  return highlightsKey.getState(state)?.decorations ?? DecorationSet.empty;
}

/** The emphasised claim's id, or null. */
export function selectedHighlight(state: EditorState): string | null {
  return highlightsKey.getState(state)?.selectedId ?? null;
}

/** What assistive technology hears for a highlight: its status and claimant. */
export function highlightDescription(claim: ClaimRecord): string {
  const status = statusInfo(claim.status);
  return `${status.label} claim${claim.claimant ? ` by ${claim.claimant}` : ''}`;
}

/** The decoration for one anchored claim; its spec carries the claim id. */
export function claimDecoration({ claim, from, to }: AnchoredClaim, selected: boolean): Decoration {
  const status = statusInfo(claim.status);
  return Decoration.inline(
    from,
    to,
    {
      // An explicit nodeName gives each claim its own element, so overlapping claims nest instead of merging into one span.
      nodeName: 'span',
      class: `fm-hl fm-hl-${claim.status}${selected ? ' fm-hl-selected' : ''}`,
      role: 'mark',
      'aria-description': highlightDescription(claim),
      'data-claim-id': claim.id,
      'data-status': status.label,
      title: `${status.label}${claim.claimant ? ` — ${claim.claimant}` : ''}`,
    },
    { claimId: claim.id, claim },
  );
}

function decorationsFor(drawn: readonly AnchoredClaim[], selectedId: string | null): Decoration[] {
  return drawn.map((a) => claimDecoration(a, a.claim.id === selectedId));
}

/**
 * Every decoration of a claim (one per claim, but an empty range may have dropped it): searched
 * where `ranges` says it was drawn, and everywhere only when it is not there (mapped away). A claim
 * with no entry in `ranges` has no decoration: every decoration is added with its entry.
 */
function findClaim(set: DecorationSet, ranges: HighlightsState['ranges'], claimId: string): Decoration[] {
  const hint = ranges.get(claimId);
  if (!hint) return [];
  const mine = (spec: { claimId?: string }) => spec.claimId === claimId;
  const near = set.find(hint.from, hint.to, mine);
  return near.length ? near : set.find(undefined, undefined, mine);
}

function withoutClaim(set: DecorationSet, ranges: HighlightsState['ranges'], claimId: string): DecorationSet {
  return set.remove(findClaim(set, ranges, claimId));
}

/** `ranges` with one claim's entry set (a range) or removed (null); the same map when nothing changes. */
function withRange(ranges: HighlightsState['ranges'], claimId: string, range: { from: number; to: number } | null): HighlightsState['ranges'] {
  const was = ranges.get(claimId);
  if (range ? was?.from === range.from && was.to === range.to : !was) return ranges;
  const map = LayeredMap.of(ranges);
  return range ? map.with(claimId, { from: range.from, to: range.to }) : map.without(claimId);
}

/** The document range of a claim's highlight, or null when it has none (an orphan or unknown id). */
export function claimRange(state: EditorState, claimId: string): { from: number; to: number } | null {
  const plugin = highlightsKey.getState(state);
  const found = plugin ? findClaim(plugin.decorations, plugin.ranges, claimId) : [];
  return found[0] ? { from: found[0].from, to: found[0].to } : null;
}

/** Claim ids whose highlight covers a document position, innermost (shortest) first. */
export function claimsAt(state: EditorState, pos: number): string[] {
  const set = highlightsKey.getState(state)?.decorations;
  if (!set) return [];
  return set
    .find(pos, pos) // every decoration touching pos; none is empty (see `drawn` below)
    .sort((a, b) => a.to - a.from - (b.to - b.from) || b.from - a.from)
    .map((d) => (d.spec as { claimId: string }).claimId);
}

/** The plugin's apply, as a pure function: map first, then act on the meta's changes in order. */
function applyHighlights(tr: Transaction, prev: HighlightsState): HighlightsState {
  const mapped = prev.decorations.map(tr.mapping, tr.doc);
  const meta = tr.getMeta(highlightsKey) as HighlightsMeta | undefined;
  let state = mapped === prev.decorations ? prev : { ...prev, decorations: mapped };
  if (!meta) return state;
  for (const change of Array.isArray(meta) ? (meta as readonly HighlightsChange[]) : [meta as HighlightsChange]) state = applyChange(tr.doc, state, change);
  return state;
}

/** One change applied to the (already mapped) state. */
function applyChange(doc: PMNode, prev: HighlightsState, change: HighlightsChange): HighlightsState {
  let { decorations, selectedId, ranges } = prev;
  if ('set' in change) {
    const result = anchorClaims(doc, change.set);
    const drawn = result.anchored.filter((a) => a.to > a.from);
    return {
      decorations: DecorationSet.create(doc, decorationsFor(drawn, selectedId)),
      selectedId,
      ranges: LayeredMap.of(drawn.map((a) => [a.claim.id, { from: a.from, to: a.to }])),
    };
  }
  if ('upsert' in change) {
    const id = change.upsert.id;
    const result = anchorClaims(doc, [change.upsert]);
    const drawn = result.anchored.filter((a) => a.to > a.from);
    decorations = withoutClaim(decorations, ranges, id).add(doc, decorationsFor(drawn, selectedId));
    return { decorations, selectedId, ranges: withRange(ranges, id, drawn[0] ?? null) };
  }
  if ('remove' in change) {
    if (change.remove === selectedId) selectedId = null;
    return { decorations: withoutClaim(decorations, ranges, change.remove), selectedId, ranges: withRange(ranges, change.remove, null) };
  }
  if (change.select === selectedId) return prev;
  return { decorations: reselect(decorations, ranges, doc, selectedId, change.select), selectedId: change.select, ranges };
}

/** Move the "selected" emphasis from one claim's decoration to another's; others stay as they are. */
function reselect(set: DecorationSet, ranges: HighlightsState['ranges'], doc: PMNode, from: string | null, to: string | null): DecorationSet {
  let next = set;
  for (const id of [from, to]) {
    if (!id) continue;
    const found = findClaim(next, ranges, id);
    // Build the replacements first: DecorationSet.remove nulls out the array it is given.
    const replacements = found.map((d) => claimDecoration({ claim: (d.spec as { claim: ClaimRecord }).claim, from: d.from, to: d.to }, id === to));
    next = next.remove(found).add(doc, replacements);
  }
  return next;
}

export function highlightsPlugin(): Plugin<HighlightsState> {
  return new Plugin<HighlightsState>({
    key: highlightsKey,
    state: {
      init: () => ({ decorations: DecorationSet.empty, selectedId: null, ranges: new Map() }),
      apply: applyHighlights,
    },
    props: {
      decorations: (state: EditorState) => highlightsKey.getState(state)?.decorations,
    },
  });
}
