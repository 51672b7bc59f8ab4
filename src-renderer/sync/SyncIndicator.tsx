/** The toolbar's team library indicator: synced / syncing / offline / error, unsent changes and conflicts; opens the Team library preferences. Hidden while sync is off. */
import { useSyncView } from './sync-context';
import { indicatorLabel, STATE_GLYPH, STATE_WORD, statusCounts } from './sync-text';

export function SyncIndicator() {
  const view = useSyncView();
  const status = view?.status;
  if (!view || !status || status.state === 'off') return null;
  const label = indicatorLabel(status);
  return (
    <span role="status" aria-label={label} className={`fm-sync-indicator fm-sync-${status.state}`}>
      <button type="button" className="fm-sync-button" title={`${label}${status.error ? ` — ${status.error}` : ''} (open Team library preferences)`} onClick={view.actions.openTeamLibrary}>
        <span aria-hidden="true" className="fm-sync-glyph">
          {STATE_GLYPH[status.state]}
        </span>{' '}
        Team library: {STATE_WORD[status.state]}
        {status.readOnly ? ' (read-only)' : ''}
        {statusCounts(status).map((part) => (
          <span key={part} className="fm-sync-count">
            {' · '}
            {part}
          </span>
        ))}
      </button>
    </span>
  );
}
