/** The desk reducer: a suggested claimant filled in after a create is undone with that create, in one step. */
import { describe, expect, it } from 'vitest';
import { newClaim } from '../../../src-shared/claims';
import { reduceDesk } from '../../../src-renderer/desk/desk-reducer';
import { EMPTY_DESK, type DeskEvent, type DeskState } from '../../../src-renderer/desk/desk-state';

const STAMP = { at: '2026-03-01T10:00:00.000Z', reviewer: 'Ana' };
const claimAt = (id: string, start: number) =>
  newClaim({ id, articleId: 'a1', target: { quote: { exact: `claim ${id}`, prefix: '', suffix: '' }, position: { start, end: start + 5 } }, stamp: STAMP });

const run = (state: DeskState, ...events: DeskEvent[]) => events.reduce(reduceDesk, state);

describe('desk reducer: amending a create', () => {
  const opened = run(EMPTY_DESK, { type: 'opened', articleId: 'a1', claims: [], claimCount: 0 } as DeskEvent);

  it('folds a late claimant suggestion into its claim’s create, even after another claim was made', () => {
    const state = run(
      opened,
      { type: 'create', claim: claimAt('c1', 0) },
      { type: 'create', claim: claimAt('c2', 20) },
      { type: 'update', claimId: 'c1', patch: { claimant: 'Dmytro Kuleba' }, stamp: STAMP, amend: true },
    );
    expect(state.claims.find((c) => c.id === 'c1')?.claimant).toBe('Dmytro Kuleba');
    expect(state.history.done.map((c) => c.kind)).toEqual(['create', 'create']);
    const undone = run(state, { type: 'undo', stamp: STAMP }, { type: 'undo', stamp: STAMP });
    expect(undone.claims).toEqual([]);
    const redone = run(undone, { type: 'redo', stamp: STAMP });
    expect(redone.claims.find((c) => c.id === 'c1')?.claimant).toBe('Dmytro Kuleba');
  });

  it('records a reviewer’s own claimant edit as a step of its own', () => {
    const state = run(opened, { type: 'create', claim: claimAt('c1', 0) }, { type: 'update', claimId: 'c1', patch: { claimant: 'Lavrov' }, stamp: STAMP });
    expect(state.history.done.map((c) => c.kind)).toEqual(['create', 'update']);
  });
});
