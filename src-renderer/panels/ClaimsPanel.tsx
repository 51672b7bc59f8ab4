/**
 * The claims panel: counts per status (which double as status filters), claimant and text filters,
 * and every claim in document order as a virtualised listbox, with orphaned claims listed apart.
 */
import { lacksSource } from '../../src-shared/claim-publication';
import './publication.css';
import { memo, useCallback, useLayoutEffect, useRef } from 'react';
import { defaultRangeExtractor, useVirtualizer, type Range } from '@tanstack/react-virtual';
import type { ClaimRecord, StatusId } from '../../src-shared/model';
import { STATUSES } from '../../src-shared/statuses';
import { evidenceLabel, isFiltering, quoted, type ClaimFilter } from '../desk/claim-list';
import { useTally } from '../desk/claim-tally';
import { StatusChip } from './StatusChip';
import { ClaimSyncMarks } from '../sync/ConflictMark';
import { useLatest } from '../use-latest';

/**
 * Height of one row in pixels. Every row has the same height (the quote keeps two lines), so the
 * list never measures rows: measuring made each new claim cost an extra layout and render.
 */
export const ROW_HEIGHT = 90;

/** The scroller's vertical padding (.fm-claim-scroller in app.css), in pixels. */
const LIST_PADDING_TOP = 4;
const LIST_PADDING_BOTTOM = 8;

interface Props {
  /** Every claim, for the counts. */
  claims: readonly ClaimRecord[];
  /** True while the article's claims after the first ones are still being fetched. */
  loading?: boolean;
  /** The claims the filter lets through, in document order. */
  visible: readonly ClaimRecord[];
  orphans: readonly ClaimRecord[];
  claimants: readonly string[];
  filter: ClaimFilter;
  onFilter(filter: ClaimFilter): void;
  selectedId: string | null;
  onSelect(id: string): void;
  onOpen(id: string): void;
  /** Move the selection by one claim (arrow keys in the list). */
  onStep(step: 1 | -1): void;
  filterRef?: React.Ref<HTMLInputElement>;
  /** The selected claim's editor, shown under the list. */
  editor?: React.ReactNode;
}

/** The DOM id of a claim's row, for aria-activedescendant. */
export function rowId(claimId: string): string {
  return `claim-row-${claimId}`;
}

const ClaimRow = memo(function ClaimRow({
  claim,
  selected,
  index,
  start,
  size,
  onSelect,
  onOpen,
}: {
  claim: ClaimRecord;
  selected: boolean;
  index: number;
  /** Offset from the top of the list, in pixels. */
  start: number;
  size: number;
  onSelect(id: string): void;
  onOpen(id: string): void;
}) {
  return (
    <div
      id={rowId(claim.id)}
      role="option"
      aria-selected={selected}
      aria-posinset={index + 1}
      aria-setsize={size}
      className="fm-claim-row"
      data-claim-id={claim.id}
      style={{ transform: `translateY(${start}px)`, height: ROW_HEIGHT }}
      onClick={() => onSelect(claim.id)}
      onDoubleClick={() => onOpen(claim.id)}
    >
      <span className="fm-claim-head">
        <StatusChip status={claim.status} />
        <span className="fm-claim-claimant">{claim.claimant || 'No claimant'}</span>
      </span>
      <span className="fm-claim-quote">{quoted(claim.target.quote.exact, 160)}</span>
      <span className="fm-claim-evidence">
        {lacksSource(claim) ? <strong className="fm-no-source">⚠ No source recorded</strong> : evidenceLabel(claim.evidence.length)}
        <ClaimSyncMarks claim={claim} />
      </span>
    </div>
  );
});

/**
 * The claimant and text filters. Memoised: the desk's edits do not draw them (and so do not make
 * React write their inputs' attributes again), only a change of the filter or of the names.
 */
const ClaimFilters = memo(function ClaimFilters({
  filter,
  claimants,
  onFilter,
  filterRef,
}: Pick<Props, 'filter' | 'claimants' | 'onFilter' | 'filterRef'>) {
  return (
    <div className="fm-filters">
      <label className="fm-field fm-field-inline">
        <span>Claimant</span>
        <select value={filter.claimant ?? ''} onChange={(e) => onFilter({ ...filter, claimant: e.target.value === '' ? null : e.target.value })}>
          <option value="">Anyone</option>
          {claimants.map((name) => (
            <option key={name} value={name}>
              {name}
            </option>
          ))}
        </select>
      </label>
      <input
        ref={filterRef}
        type="search"
        className="fm-search"
        aria-label="Filter claims by text"
        placeholder="Filter claims…  ( / )"
        value={filter.text}
        onChange={(e) => onFilter({ ...filter, text: e.target.value })}
        onKeyDown={(e) => {
          if (e.key === 'Escape' && filter.text) {
            e.stopPropagation();
            onFilter({ ...filter, text: '' });
          }
        }}
      />
    </div>
  );
});

const statusOf = (claim: ClaimRecord): string => claim.status;

function toggle(list: readonly StatusId[], id: StatusId): StatusId[] {
  return list.includes(id) ? list.filter((s) => s !== id) : [...list, id];
}

export function ClaimsPanel(props: Props) {
  const { claims, loading = false, visible, orphans, claimants, filter, onFilter, selectedId, onSelect, onOpen, onStep } = props;
  const scroller = useRef<HTMLDivElement>(null);
  const counts = useTally(claims, statusOf);
  // Stable options, so the virtualizer only re-measures when the number of rows changes: every row
  // has the same height, so a claim changed in place (a new status) moves nothing, and the rows'
  // React keys are the claims' ids anyway (below).
  const shown = useLatest(visible);
  const getItemKey = useCallback((i: number) => shown.current[i].id, []);
  const getScrollElement = useCallback(() => scroller.current, []);
  const estimateSize = useCallback(() => ROW_HEIGHT, []);
  const selectedIndex = selectedId ? visible.findIndex((c) => c.id === selectedId) : -1;
  // The selected row is always rendered, even out of view, so it is there (and
  // aria-activedescendant points at it) in the frame that selects it, before the list scrolls.
  const rangeExtractor = useCallback(
    (range: Range) => {
      const indexes = defaultRangeExtractor(range);
      if (selectedIndex < 0 || selectedIndex >= range.count || indexes.includes(selectedIndex)) return indexes;
      return [...indexes, selectedIndex].sort((a, b) => a - b);
    },
    [selectedIndex],
  );
  const virtualizer = useVirtualizer({ count: visible.length, getScrollElement, estimateSize, overscan: 6, getItemKey, rangeExtractor, useFlushSync: false });

  // Keep the selected row in view, as scrollToIndex(align 'auto') would, but without reading
  // layout: the rows have a fixed height, and the virtualizer keeps the list's offset and size.
  // (scrollToIndex reads the scroll height, which right after the commit forces a layout, and then
  // reconciles over the next frames.) The scroll is written at the start of the next frame, when
  // that frame's layout is due anyway; the rows around the selected one follow right after it.
  useLayoutEffect(() => {
    if (selectedIndex < 0) return;
    const offset = virtualizer.scrollOffset ?? 0;
    const size = virtualizer.scrollRect?.height ?? 0;
    const top = LIST_PADDING_TOP + selectedIndex * ROW_HEIGHT;
    const bottom = top + ROW_HEIGHT + LIST_PADDING_BOTTOM;
    if (top >= offset && bottom <= offset + size) return;
    const target = top < offset ? top - LIST_PADDING_TOP : bottom - size;
    let told: ReturnType<typeof setTimeout> | undefined;
    const frame = requestAnimationFrame(() => {
      const el = scroller.current;
      if (!el) return;
      el.scrollTop = target;
      // Tell the virtualizer right after this frame is painted rather than with the browser's
      // scroll event in the next frame, so it renders the rows around the target between the two
      // (not in the next frame, where the next edit would pay for it, nor in this one).
      told = setTimeout(() => el.dispatchEvent(new Event('scroll')), 0);
    });
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(told);
    };
  }, [selectedIndex, virtualizer]);

  const onListKey = (e: React.KeyboardEvent) => {
    if (e.altKey || e.ctrlKey || e.metaKey) return;
    const step = e.key === 'ArrowDown' ? 1 : e.key === 'ArrowUp' ? -1 : 0;
    if (step) {
      e.preventDefault();
      onStep(step);
    } else if ((e.key === 'Home' || e.key === 'End') && visible.length) {
      e.preventDefault();
      onSelect(visible[e.key === 'Home' ? 0 : visible.length - 1].id);
    }
  };

  const rendered = virtualizer.getVirtualItems();
  const activeRendered = selectedIndex >= 0 && rendered.some((r) => r.index === selectedIndex);

  return (
    <aside className={props.editor ? 'fm-claims fm-claims-editing' : 'fm-claims'} aria-label="Claims">
      <h2 className="fm-panel-title">Claims ({loading ? 'loading…' : claims.length})</h2>
      <div className="fm-counts" role="group" aria-label="Show claims by status">
        {STATUSES.map((s) => (
          <button
            key={s.id}
            type="button"
            className={`fm-count fm-chip-${s.id}`}
            aria-pressed={filter.statuses.includes(s.id)}
            aria-label={`${s.label}: ${loading ? 'counting' : counts.get(s.id) ?? 0}`}
            title={`Show only ${s.label} claims`}
            onClick={() => onFilter({ ...filter, statuses: toggle(filter.statuses, s.id) })}
          >
            <span aria-hidden="true">{s.glyph}</span> {loading ? '…' : counts.get(s.id) ?? 0}
          </button>
        ))}
      </div>
      <ClaimFilters filter={filter} claimants={claimants} onFilter={onFilter} filterRef={props.filterRef} />
      <p className="fm-filter-summary" aria-live="polite">
        {isFiltering(filter) ? `Showing ${visible.length} of ${claims.length}` : ''}
      </p>
      {claims.length === 0 ? <p className="fm-empty">Select text in the article and choose “Claim selection” (or press C).</p> : null}
      <div ref={scroller} className="fm-claim-scroller">
        <div
          className="fm-claim-list"
          role="listbox"
          aria-label="Claims in document order"
          tabIndex={0}
          aria-activedescendant={activeRendered && selectedId ? rowId(selectedId) : undefined}
          aria-busy={loading}
          onKeyDown={onListKey}
          style={{ height: virtualizer.getTotalSize() }}
        >
          {rendered.map((item) => {
            const claim = visible[item.index];
            return (
              <ClaimRow
                key={claim.id}
                claim={claim}
                index={item.index}
                start={item.start}
                size={visible.length}
                selected={claim.id === selectedId}
                onSelect={onSelect}
                onOpen={onOpen}
              />
            );
          })}
        </div>
      </div>
      {props.editor}
      {orphans.length > 0 ? (
        <section className="fm-orphans" aria-label="Orphaned claims">
          <h3 className="fm-panel-title">Orphaned claims ({orphans.length})</h3>
          <p className="fm-hint">Their text is no longer in the article. They are kept; open one to read or delete it.</p>
          <ul>
            {orphans.map((c) => (
              <li key={c.id}>
                <button type="button" className="fm-orphan" onClick={() => onOpen(c.id)}>
                  <StatusChip status={c.status} /> <span>{quoted(c.target.quote.exact, 80)}</span>
                </button>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </aside>
  );
}
