/** The undo stack: order, limits, inverses and keeping stored copies fresh. */
import { describe, expect, it } from 'vitest';
import { fieldsBefore } from '../../../src-shared/claims';
import { EMPTY_UNDO, describeChange, forgetClaim, inverse, record, refreshClaim, takeRedo, takeUndo, type ClaimChange } from '../../../src-renderer/desk/undo-stack';
import { makeClaim } from '../../support/claims';

const TARGET = { quote: { exact: 'said', prefix: '', suffix: '' }, position: { start: 0, end: 4 } };
const claim = (id: string, revision = 1) => makeClaim({ id, revision, status: 'unverified', claimant: 'A', note: '', target: TARGET });
const create = (id: string): ClaimChange => ({ kind: 'create', claim: claim(id) });
const statusChange: ClaimChange = { kind: 'update', claimId: 'c1', before: { status: 'unverified' }, after: { status: 'false' } };

describe('undo stack', () => {
  it('undoes the latest change first and redoes it again', () => {
    let state = record(record(EMPTY_UNDO, create('c1')), statusChange);
    const first = takeUndo(state)!;
    expect(first.change).toBe(statusChange);
    state = first.state;
    expect(takeUndo(state)!.change).toEqual(create('c1'));
    const again = takeRedo(state)!;
    expect(again.change).toBe(statusChange);
    expect(again.state.done).toHaveLength(2);
    expect(again.state.undone).toHaveLength(0);
  });

  it('has nothing to undo or redo when empty', () => {
    expect(takeUndo(EMPTY_UNDO)).toBeNull();
    expect(takeRedo(EMPTY_UNDO)).toBeNull();
  });

  it('forgets what could be redone once a new change is made', () => {
    const state = takeUndo(record(EMPTY_UNDO, create('c1')))!.state;
    expect(state.undone).toHaveLength(1);
    expect(record(state, create('c2')).undone).toHaveLength(0);
  });

  it('keeps only the newest changes up to the limit', () => {
    let state = EMPTY_UNDO;
    for (let i = 0; i < 5; i++) state = record(state, create(`c${i}`), 3);
    expect(state.done.map((c) => (c.kind === 'create' ? c.claim.id : ''))).toEqual(['c2', 'c3', 'c4']);
  });

  it('inverts each kind of change', () => {
    expect(inverse(create('c1'))).toEqual({ kind: 'delete', claim: claim('c1') });
    expect(inverse({ kind: 'delete', claim: claim('c1') })).toEqual(create('c1'));
    expect(inverse(statusChange)).toEqual({ kind: 'update', claimId: 'c1', before: { status: 'false' }, after: { status: 'unverified' } });
    expect(inverse(inverse(statusChange))).toEqual(statusChange);
  });

  it('replaces the stored copy of a claim everywhere after it was restored', () => {
    const state = record(record(EMPTY_UNDO, create('c1')), { kind: 'delete', claim: claim('c1') });
    const fresh = claim('c1', 4);
    const next = refreshClaim(state, fresh);
    expect(next.done.every((c) => c.kind !== 'update' && c.claim === fresh)).toBe(true);
  });

  it('drops every entry about a claim that is gone', () => {
    const state = record(record(record(EMPTY_UNDO, create('c1')), statusChange), create('c2'));
    expect(forgetClaim(state, 'c1').done).toEqual([create('c2')]);
  });

  it('captures the fields a patch is about to change', () => {
    expect(fieldsBefore(claim('c1'), { status: 'false', note: 'x' })).toEqual({ status: 'unverified', note: '', verdictDate: '' }); // a new status also moves the verdict date, so undo puts it back
  });

  it('describes changes briefly', () => {
    expect([create('c1'), { kind: 'delete', claim: claim('c1') } as ClaimChange, statusChange].map(describeChange)).toEqual(['new claim', 'deletion', 'status change']);
  });
});
