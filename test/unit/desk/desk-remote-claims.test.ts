/** The desk reducer's 'remote-claims' case: teammates' changes shown in the open article without a reload, never over the reviewer's own. */
import { describe, expect, it } from 'vitest';
import { applyPatch, newClaim } from '../../../src-shared/claims';
import type { ClaimRecord } from '../../../src-shared/model';
import { reduceDesk } from '../../../src-renderer/desk/desk-reducer';
import { changedFields, dropOverwritten } from '../../../src-renderer/desk/remote-claims';
import { EMPTY_DESK, type DeskEvent, type DeskState } from '../../../src-renderer/desk/desk-state';

const STAMP = { at: '2026-03-01T10:00:00.000Z', reviewer: 'Ana' };
const TEAMMATE = { at: '2026-03-01T10:05:00.000Z', reviewer: 'Bo' };
const claimAt = (id: string, start: number) =>
  newClaim({ id, articleId: 'a1', target: { quote: { exact: `claim ${id}`, prefix: '', suffix: '' }, position: { start, end: start + 5 } }, stamp: STAMP });

const run = (state: DeskState, ...events: DeskEvent[]) => events.reduce(reduceDesk, state);
/** The state after the save queue answered every queued save as stored (what the host answers). */
function allSaved(state: DeskState): DeskState {
  let next = state;
  for (const job of state.outbox) {
    next = reduceDesk(next, { type: 'jobs-taken' });
    const stored = job.kind === 'delete' ? null : job.kind === 'update' ? next.claims.find((c) => c.id === job.claimId)! : job.claim;
    next = reduceDesk(next, { type: 'saved', job, claim: stored });
  }
  return next;
}

const c1 = claimAt('c1', 0);
const c2 = claimAt('c2', 20);
const opened = run(EMPTY_DESK, { type: 'opened', articleId: 'a1', claims: [c1, c2], claimCount: 2 });
const remote = (claims: ClaimRecord[], hold?: string): DeskEvent => ({ type: 'remote-claims', articleId: 'a1', claims, hold });

describe('desk reducer: teammates’ claims', () => {
  it('shows a teammate’s edit, new claim and deletion, and confirms them (the next save is based on them)', () => {
    const edited = applyPatch(c1, { status: 'false' }, TEAMMATE);
    const added = claimAt('c3', 40);
    const state = run(opened, remote([edited, added]));
    expect(state.claims.map((c) => [c.id, c.status])).toEqual([
      ['c1', 'false'],
      ['c3', 'unverified'],
    ]);
    expect(state.confirmed.get('c1')?.revision).toBe(2);
    expect(state.confirmed.has('c2')).toBe(false);
    expect(state.countsChanged).toBe(opened.countsChanged + 1);
    expect(state.outbox).toEqual([]); // nothing is sent back
  });

  it('changes nothing (the same state) when the host has what is shown, and ignores another article', () => {
    expect(run(opened, remote([c1, c2]))).toBe(opened);
    expect(run(opened, { type: 'remote-claims', articleId: 'other', claims: [] })).toBe(opened);
  });

  it('keeps a claim with a save on its way, and a claim created here whose create is on its way', () => {
    const mine = run(opened, { type: 'update', claimId: 'c1', patch: { note: 'mine' }, stamp: STAMP }, { type: 'create', claim: claimAt('c4', 60) });
    const theirs = applyPatch(c1, { note: 'theirs' }, TEAMMATE);
    const state = run(mine, remote([theirs, c2]));
    expect(state.claims.find((c) => c.id === 'c1')?.note).toBe('mine');
    expect(state.confirmed.get('c1')?.revision).toBe(1); // its save is still checked against revision 1: the host reports the race
    expect(state.claims.map((c) => c.id)).toEqual(['c1', 'c2', 'c4']);
  });

  it('keeps the claim the reviewer is typing in (hold), and shows it once no longer held', () => {
    const theirs = applyPatch(c1, { claimant: 'Bo’s name' }, TEAMMATE);
    const held = run(opened, remote([theirs, c2], 'c1'));
    expect(held.claims.find((c) => c.id === 'c1')?.claimant).toBe('');
    expect(held.confirmed.get('c1')?.revision).toBe(1);
    const later = run(held, remote([theirs, c2]));
    expect(later.claims.find((c) => c.id === 'c1')?.claimant).toBe('Bo’s name');
  });

  it('never steps back to a version older than the one confirmed here (a list read before a save landed)', () => {
    const saved = allSaved(run(opened, { type: 'update', claimId: 'c2', patch: { status: 'verified' }, stamp: STAMP }));
    expect(saved.confirmed.get('c2')?.revision).toBe(2);
    const state = run(saved, remote([c1, c2]));
    expect(state.claims.find((c) => c.id === 'c2')?.status).toBe('verified');
  });

  it('keeps undo working: own changes stay undoable, a field a teammate changed since is not overwritten by undo, a claim deleted elsewhere leaves the history', () => {
    let state = allSaved(run(opened, { type: 'update', claimId: 'c1', patch: { status: 'in-review' }, stamp: STAMP }, { type: 'update', claimId: 'c2', patch: { note: 'n' }, stamp: STAMP }));
    expect(state.history.done).toHaveLength(2);
    const c1Now = state.confirmed.get('c1')!;
    const theirs = applyPatch(c1Now, { status: 'false' }, TEAMMATE); // a teammate changed c1's status after mine
    state = run(state, remote([theirs, state.confirmed.get('c2')!]));
    expect(state.history.done).toHaveLength(1); // my status change on c1 would overwrite theirs: dropped
    const undone = run(state, { type: 'undo', stamp: STAMP });
    expect(undone.claims.find((c) => c.id === 'c2')?.note).toBe('');
    expect(undone.claims.find((c) => c.id === 'c1')?.status).toBe('false');

    const gone = run(allSaved(undone), remote([theirs]));
    expect(gone.claims.map((c) => c.id)).toEqual(['c1']);
    expect(gone.history.done).toEqual([]);
    expect(gone.history.undone).toEqual([]);
  });

  it('a teammate’s change to other fields leaves the undo entry (it sets only its own field)', () => {
    const state = allSaved(run(opened, { type: 'update', claimId: 'c1', patch: { note: 'mine' }, stamp: STAMP }));
    const theirs = applyPatch(state.confirmed.get('c1')!, { claimant: 'Bo' }, TEAMMATE);
    const next = run(state, remote([theirs, c2]));
    expect(next.history.done).toHaveLength(1);
    const undone = run(next, { type: 'undo', stamp: STAMP });
    const shown = undone.claims.find((c) => c.id === 'c1')!;
    expect([shown.note, shown.claimant]).toEqual(['', 'Bo']);
  });

  it('shows a teammate’s conflict versions on a claim', () => {
    const conflicted = { ...c1, conflictVersions: [{ rev: '2-b', deleted: true, reviewer: 'Bo', updatedAt: TEAMMATE.at }] };
    const state = run(opened, remote([conflicted, c2]));
    expect(state.claims[0].conflictVersions).toHaveLength(1);
  });

  it('helpers: changedFields names the edited fields; dropOverwritten drops only entries setting them', () => {
    const theirs = applyPatch(c1, { status: 'false', note: 'x' }, TEAMMATE);
    expect(changedFields(c1, theirs).sort()).toEqual(['note', 'status', 'verdictDate']);
    const history = {
      done: [
        { kind: 'update' as const, claimId: 'c1', before: { status: 'unverified' as const }, after: { status: 'verified' as const } },
        { kind: 'update' as const, claimId: 'c1', before: { claimant: '' }, after: { claimant: 'A' } },
      ],
      undone: [],
    };
    expect(dropOverwritten(history, 'c1', ['status']).done).toEqual([history.done[1]]);
    expect(dropOverwritten(history, 'c2', ['status'])).toBe(history);
  });
});
