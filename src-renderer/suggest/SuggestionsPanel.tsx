/**
 * The Suggestions tab of the claims panel: check-worthy sentences with their score and suggested
 * claimant, by score or in document order. A (or the button) accepts one as a claim, D dismisses it.
 */
import { useState } from 'react';
import { quoted, snippet } from '../desk/claim-list';
import type { SuggestionsState, Suggestion } from './use-suggestions';

interface Props {
  state: SuggestionsState;
  onAccept(s: Suggestion): void;
  onShow(s: Suggestion): void;
}

type Order = 'score' | 'document';

export function SuggestionsPanel({ state, onAccept, onShow }: Props) {
  const [order, setOrder] = useState<Order>('score');
  const [active, setActive] = useState<number | null>(null);
  const items = order === 'score' ? [...state.items].sort((a, b) => b.score - a.score || a.start - b.start) : state.items;
  const activeIndex = Math.max(0, items.findIndex((s) => s.start === active));

  const onKeyDown = (event: React.KeyboardEvent) => {
    const s = items[activeIndex];
    if (!s) return;
    const key = event.key.toLowerCase();
    if (key === 'arrowdown' || key === 'arrowup') {
      const next = items[Math.min(items.length - 1, Math.max(0, activeIndex + (key === 'arrowdown' ? 1 : -1)))];
      setActive(next.start);
      onShow(next);
    } else if (key === 'a' || key === 'enter') onAccept(s);
    else if (key === 'd' || key === 'delete') void state.dismiss(s);
    else return;
    event.preventDefault();
    event.stopPropagation();
  };

  if (state.note) return <p className="fm-empty fm-suggest-note">{state.note}</p>;
  return (
    <div className="fm-suggestions">
      <div className="fm-filters">
        <label className="fm-field fm-field-inline">
          <span>Order</span>
          <select value={order} onChange={(e) => setOrder(e.target.value as Order)}>
            <option value="score">By score</option>
            <option value="document">Document order</option>
          </select>
        </label>
        <span className="fm-hint">{state.loading ? 'Scoring sentences…' : `${items.length} suggested`}</span>
      </div>
      <p className="fm-hint">A or Enter accepts the selected suggestion as a claim; D dismisses it.</p>
      {items.length === 0 && !state.loading ? <p className="fm-empty">No check-worthy sentences left to suggest.</p> : null}
      <ul
        className="fm-suggestion-list"
        role="listbox"
        aria-label="Suggested claims"
        tabIndex={0}
        aria-activedescendant={items[activeIndex] ? `suggestion-${items[activeIndex].start}` : undefined}
        onKeyDown={onKeyDown}
      >
        {items.map((s, i) => (
          <li
            key={s.start}
            id={`suggestion-${s.start}`}
            role="option"
            aria-selected={i === activeIndex}
            className="fm-suggestion-row"
            onClick={() => {
              setActive(s.start);
              onShow(s);
            }}
          >
            <span className="fm-claim-head">
              <span className="fm-score" title="Check-worthiness score">{Math.round(s.score * 100)}%</span>
              <span className="fm-claim-claimant">{s.claimant ? s.claimant : 'No claimant found'}</span>
            </span>
            <span className="fm-claim-quote">{quoted(s.quote, 200)}</span>
            {s.claimantSource ? (
              <span className="fm-hint">
                Claimant from “{s.claimantSource.text}” ({s.claimantSource.cue})
              </span>
            ) : null}
            <span className="fm-row-actions">
              <button type="button" className="fm-button" aria-label={`Accept suggestion: ${snippet(s.quote, 60)}`} onClick={() => onAccept(s)}>
                Accept
              </button>
              <button type="button" className="fm-button" aria-label={`Dismiss suggestion: ${snippet(s.quote, 60)}`} onClick={() => void state.dismiss(s)}>
                Dismiss
              </button>
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}
