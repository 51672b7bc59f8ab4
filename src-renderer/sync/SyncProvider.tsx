/** The team library's layer around the app: its status and actions for the components below, and the conflict dialog when one is open. */
import { useMemo, type ReactNode } from 'react';
import { ConflictDialog } from './ConflictDialog';
import { SyncContext, type SyncView } from './sync-context';
import type { Sync } from './use-sync';
import './sync.css';

export function SyncProvider({ sync, children }: { sync: Sync; children: ReactNode }) {
  const { status, rejectedRows, actions, conflictClaim } = sync;
  const view = useMemo<SyncView>(() => ({ status, rejectedRows, actions }), [status, rejectedRows, actions]);
  return (
    <SyncContext.Provider value={view}>
      {children}
      {conflictClaim ? <ConflictDialog key={conflictClaim.id} claim={conflictClaim} onResolve={(keep) => actions.resolve(conflictClaim.id, keep)} onClose={() => actions.openConflict(null)} /> : null}
    </SyncContext.Provider>
  );
}
