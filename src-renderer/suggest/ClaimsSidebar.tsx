/** The right-hand panel with two tabs: the article's claims, and suggested claims. */
import type { ReactNode } from 'react';
import type { SideTab } from './use-claim-suggestions';

interface Props {
  tab: SideTab;
  onTab(tab: SideTab): void;
  suggestionCount: number | null;
  claims: ReactNode;
  suggestions: ReactNode;
  /** Collapse the panel to a rail (a button beside the tabs). */
  onCollapse?(): void;
}

export function ClaimsSidebar({ tab, onTab, suggestionCount, claims, suggestions, onCollapse }: Props) {
  const tabButton = (id: SideTab, label: string) => (
    <button
      type="button"
      role="tab"
      id={`side-tab-${id}`}
      aria-selected={tab === id}
      aria-controls={`side-panel-${id}`}
      tabIndex={tab === id ? 0 : -1}
      className="fm-tab"
      onClick={() => onTab(id)}
      onKeyDown={(e) => {
        if (e.key === 'ArrowRight' || e.key === 'ArrowLeft') {
          e.preventDefault();
          const next = id === 'claims' ? 'suggestions' : 'claims';
          onTab(next);
          document.getElementById(`side-tab-${next}`)?.focus();
        }
      }}
    >
      {label}
    </button>
  );
  return (
    <div className="fm-side">
      <div className="fm-tabs">
        <div role="tablist" aria-label="Claims panel" className="fm-tablist">
          {tabButton('claims', 'Claims')}
          {tabButton('suggestions', suggestionCount === null ? 'Suggestions' : `Suggestions (${suggestionCount})`)}
        </div>
        {onCollapse ? (
          <button type="button" className="fm-icon-button fm-collapse" aria-expanded={true} aria-label="Hide the claims panel" title="Hide the claims panel" onClick={onCollapse}>
            <span aria-hidden="true">»</span>
          </button>
        ) : null}
      </div>
      <div id={`side-panel-${tab}`} role="tabpanel" aria-labelledby={`side-tab-${tab}`} className="fm-side-panel">
        {tab === 'claims' ? claims : <section className="fm-claims" aria-label="Suggestions">{suggestions}</section>}
      </div>
    </div>
  );
}
