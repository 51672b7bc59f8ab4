/** The toolbar's team library indicator: synced / syncing / offline / error, unsent changes and conflicts; opens the Team library preferences. Hidden while sync is off. */
import { useSyncView } from './sync-context';
import { indicatorLabel, STATE_GLYPH, STATE_WORD } from './sync-text';

export function SyncIndicator() {
  const view = useSyncView();
  const status = view?.status;
  if (!view || !status || status.state === 'off') return null;
  const label = indicatorLabel(status);
  const word = STATE_WORD[status.state];
  return (
    <span role="status" aria-label={label} className={`fm-sync-indicator fm-sync-${status.state}`}>
      <button type="button" className="fm-sync-button" title={`${label}${status.error ? ` — ${status.error}` : ''}. Open the Team library preferences.`} onClick={view.actions.openTeamLibrary}>
        <span className="fm-visually-hidden">Team library: </span>
        <span aria-hidden="true" className="fm-sync-glyph">
          {STATE_GLYPH[status.state]}
        </span>{' '}
        {word[0].toUpperCase() + word.slice(1)}
        {status.pending > 0 ? <span className="fm-sync-count"> · {status.pending} unsent</span> : null}
        {status.conflicts > 0 ? <span className="fm-sync-count"> · {status.conflicts} {status.conflicts === 1 ? 'conflict' : 'conflicts'}</span> : null}
      </button>
    </span>
  );
}
