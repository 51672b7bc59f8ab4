/** The read-only team library's banner above the article, with the changes the server refused, each with its claim and reason. */
import { useSyncView } from './sync-context';

export function SyncBanner() {
  const view = useSyncView();
  const status = view?.status;
  if (!view || !status || (!status.readOnly && view.rejectedRows.length === 0)) return null;
  const rows = view.rejectedRows;
  return (
    <div className="fm-message fm-sync-banner" role="region" aria-label="Team library">
      {status.readOnly ? (
        <p>
          <span aria-hidden="true">⊘ </span>
          <strong>This team library is read-only for you (reader account).</strong> Your changes are kept on this computer and not sent.
        </p>
      ) : null}
      {rows.length > 0 ? (
        <details>
          <summary>
            {rows.length} change{rows.length === 1 ? ' was' : 's were'} refused by the server
          </summary>
          <ul className="fm-refused-list">
            {rows.map((r) => (
              <li key={r.key}>{r.text}</li>
            ))}
          </ul>
        </details>
      ) : null}
    </div>
  );
}
