/** The conflict dialog's pure parts: the versions as columns, who and when, the evidence union and a per-field merge; and the indicator's words. */
import { describe, expect, it } from 'vitest';
import type { EvidenceItem } from '../../../src-shared/model';
import { conflictColumns, evidenceUnion, isConflicted, mergedFields, whoAndWhen } from '../../../src-renderer/sync/conflict-versions';
import { indicatorLabel, stateLine } from '../../../src-renderer/sync/sync-text';
import type { SyncStatusRecord } from '../../../src-shared/contract-sync';
import { makeClaim } from '../../support/claims';

const ev = (id: string, url: string, title = ''): EvidenceItem => ({ id, url, title, date: '', citation: '', note: '', stance: 'supports' });
const target = { quote: { exact: 'the minister said', prefix: '', suffix: '' }, position: { start: 0, end: 17 } };
const claim = makeClaim({
  id: 'c1',
  target,
  status: 'false',
  claimant: 'Ana’s claimant',
  note: 'mine',
  reviewer: 'Ana',
  evidence: [ev('e1', 'https://a.example/1', 'A'), ev('e2', 'https://b.example/2', 'B')],
  conflictVersions: [
    { rev: '3-bbb', deleted: false, status: 'misleading', claimant: 'Bo’s claimant', note: 'theirs', evidence: [ev('e2', 'https://b.example/2', 'B'), ev('e9', 'https://a.example/1', 'A'), ev('e3', 'https://c.example/3', 'C')], reviewer: 'Bo', updatedAt: '2026-03-01T10:05:00.000Z' },
    { rev: '3-ccc', deleted: true, reviewer: '', updatedAt: '2026-03-01T10:06:00.000Z' },
  ],
});

describe('conflict versions', () => {
  it('lays out the shown winner first, then each other version with what resolving keeps', () => {
    const columns = conflictColumns(claim);
    expect(columns.map((c) => [c.title, c.keep, c.deleted])).toEqual([
      ['Shown version', 'current', false],
      ['Other version 1', { rev: '3-bbb' }, false],
      ['Other version 2', { rev: '3-ccc' }, true],
    ]);
    expect(isConflicted(claim)).toBe(true);
    expect(isConflicted({ conflictVersions: [] })).toBe(false);
    expect(isConflicted({})).toBe(false);
  });

  it('says who changed or deleted a version, and when', () => {
    const [, theirs, deletion] = conflictColumns(claim);
    expect(whoAndWhen(theirs, (t) => t.slice(11, 16))).toBe('Changed by Bo at 10:05');
    expect(whoAndWhen(deletion, (t) => t.slice(11, 16))).toBe('Deleted by someone unnamed at 10:06');
  });

  it('unites evidence: each item once, by id or by the same link and title, in the order first seen', () => {
    expect(evidenceUnion(conflictColumns(claim)).map((e) => e.id)).toEqual(['e1', 'e2', 'e3']);
  });

  it('merges status, claimant and note from the versions picked, evidence from all, never from a deletion', () => {
    const columns = conflictColumns(claim);
    expect(mergedFields(columns, { status: 1, claimant: 0, note: 1 })).toEqual({
      status: 'misleading',
      claimant: 'Ana’s claimant',
      note: 'theirs',
      evidence: evidenceUnion(columns.slice(0, 2)),
    });
    expect(() => mergedFields(columns, { status: 2, claimant: 0, note: 0 })).toThrow(/Choose a version for the status/);
  });
});

describe('team library words', () => {
  const status: SyncStatusRecord = { state: 'offline', settings: { server: 'http://127.0.0.1:5984', db: 'team', user: 'ana' }, readOnly: false, pending: 2, conflicts: 1, rejected: [], lastSyncedAt: '2026-03-01T10:00:00.000Z', error: 'The server cannot be reached.', changeSeq: 0 };
  it('names the indicator with its state and counts', () => {
    expect(indicatorLabel(status)).toBe('Team library: offline, 2 unsent changes, 1 conflict');
    expect(indicatorLabel({ ...status, state: 'synced', pending: 0, conflicts: 0, readOnly: true })).toBe('Team library: synced, read-only');
  });
  it('says the state in one line', () => {
    expect(stateLine(status, () => '10:00')).toBe('Offline · 2 unsent changes · 1 conflict · last synced 10:00');
    expect(stateLine({ ...status, state: 'off' })).toMatch(/^Not connected/);
  });
});
