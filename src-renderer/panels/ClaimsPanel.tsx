/** The claims panel: every claim in document order with status, claimant, quote and evidence count. */
import type { ClaimRecord } from '../../src-shared/model';
import { StatusChip } from './StatusChip';

interface Props {
  claims: readonly ClaimRecord[];
  selectedId: string | null;
  onSelect(id: string): void;
}

export function ClaimsPanel({ claims, selectedId, onSelect }: Props) {
  return (
    <aside className="fm-claims" aria-label="Claims">
      <h2 className="fm-panel-title">Claims ({claims.length})</h2>
      {claims.length === 0 ? <p className="fm-empty">Select text in the article and choose “Claim selection”.</p> : null}
      <ul className="fm-claim-list" role="listbox" aria-label="Claims in document order">
        {claims.map((c) => (
          <li
            key={c.id}
            role="option"
            aria-selected={c.id === selectedId}
            className="fm-claim-row"
            tabIndex={-1}
            onClick={() => onSelect(c.id)}
            data-claim-id={c.id}
          >
            <StatusChip status={c.status} />
            <span className="fm-claim-claimant">{c.claimant || 'No claimant'}</span>
            <q className="fm-claim-quote">{c.target.quote.exact.length > 140 ? `${c.target.quote.exact.slice(0, 140)}…` : c.target.quote.exact}</q>
            <span className="fm-claim-evidence">{c.evidence.length} evidence</span>
          </li>
        ))}
      </ul>
    </aside>
  );
}
