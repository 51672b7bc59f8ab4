/** The team library's state in words, one place for the indicator, the preferences section and the tests. */
import type { SyncStatusRecord } from '../../src-shared/contract-sync';

type State = SyncStatusRecord['state'];

export const STATE_WORD: Record<State, string> = { off: 'off', synced: 'synced', syncing: 'syncing', offline: 'offline', error: 'error' };
/** A text mark per state, so the state never shows by colour alone. */
export const STATE_GLYPH: Record<State, string> = { off: '○', synced: '✓', syncing: '⟳', offline: '⚠', error: '✕' };

function count(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** "3 unsent changes", "1 conflict": the parts of the indicator after its state (none when zero). */
export function statusCounts(status: Pick<SyncStatusRecord, 'pending' | 'conflicts'>): string[] {
  const parts: string[] = [];
  if (status.pending > 0) parts.push(count(status.pending, 'unsent change', 'unsent changes'));
  if (status.conflicts > 0) parts.push(count(status.conflicts, 'conflict', 'conflicts'));
  return parts;
}

/** The indicator's accessible name: "Team library: synced", "Team library: offline, 2 unsent changes". */
export function indicatorLabel(status: SyncStatusRecord): string {
  const parts = [STATE_WORD[status.state], ...statusCounts(status)];
  if (status.readOnly) parts.push('read-only');
  return `Team library: ${parts.join(', ')}`;
}

/** The preferences section's state line: "Synced · last synced 10:42:03", or the one-line error. */
export function stateLine(status: SyncStatusRecord, formatTime: (iso: string) => string = (iso) => new Date(iso).toLocaleTimeString()): string {
  const word = STATE_WORD[status.state];
  const head = `${word[0].toUpperCase()}${word.slice(1)}`;
  if (status.state === 'off') return 'Not connected: this library is on this computer only.';
  const parts = [head, ...statusCounts(status)];
  if (status.lastSyncedAt) parts.push(`last synced ${formatTime(status.lastSyncedAt)}`);
  return parts.join(' · ');
}
