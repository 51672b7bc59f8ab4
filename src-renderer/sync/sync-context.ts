/** What the team library's components share (the status and the actions), handed down from App through one React context. */
import { createContext, useContext } from 'react';
import type { SyncStatusRecord } from '../../src-shared/contract-sync';
import type { SyncRequest } from './sync-client';

/** A change the server refused, in words: which claim, in which article, and why. */
export interface RejectedRow {
  key: string;
  claimId: string | null;
  text: string;
}

export interface SyncActions {
  /** Connect to a team database (throws the host's one-line error). */
  connect(req: SyncRequest<'sync.connect'>): Promise<void>;
  disconnect(): Promise<void>;
  syncNow(): Promise<void>;
  /** Keep one version of a conflicted claim of the open article, or the merged fields. */
  resolve(claimId: string, keep: SyncRequest<'claims.resolveConflict'>['keep']): Promise<void>;
  openConflict(claimId: string | null): void;
  /** Open Preferences at the Team library section. */
  openTeamLibrary(): void;
  /** Whether the Team library section was asked for (asking once; the section then takes the focus). */
  takeFocusRequest(): boolean;
  /** The claim editor tells where it is, so a claim being typed in is not replaced by a teammate's version under the reviewer's hands. */
  watchEditor(claimId: string, element: HTMLElement | null): void;
}

export interface SyncView {
  /** null until the host has answered, or when the host has no team library. */
  status: SyncStatusRecord | null;
  rejectedRows: readonly RejectedRow[];
  actions: SyncActions;
}

export const SyncContext = createContext<SyncView | null>(null);

/** The team library's status and actions (null outside the app's provider, e.g. in a component test). */
export function useSyncView(): SyncView | null {
  return useContext(SyncContext);
}
