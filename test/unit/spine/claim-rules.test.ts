/** The shared claim rules (src-shared/claims.ts) and the boundary helper (src-shared/call.ts). */
import { describe, expect, it } from 'vitest';
import { errorCode, unwrap } from '../../../src-shared/call';
import { applyPatch, changesNothing, fieldsBefore, historyAfter, newClaim, revised } from '../../../src-shared/claims';
import { FactmarkError } from '../../../src-shared/contract';
import { Claim } from '../../../src-shared/model';

const TARGET = { quote: { exact: 'said', prefix: '', suffix: '' }, position: { start: 0, end: 4 } };
const T0 = { at: '2026-03-01T10:00:00.000Z', reviewer: 'Ana' };
const T1 = { at: '2026-03-01T11:00:00.000Z', reviewer: 'Bo' };

describe('claim rules', () => {
  it('makes a new claim at revision 1, unverified and empty unless given, its history starting with its status', () => {
    const claim = newClaim({ id: 'c1', articleId: 'a1', target: TARGET, stamp: T0 });
    expect(Claim.parse(claim)).toEqual(claim);
    expect(claim).toMatchObject({ status: 'unverified', claimant: '', evidence: [], note: '', reviewer: 'Ana', revision: 1, createdAt: T0.at, updatedAt: T0.at });
    expect(claim.history).toEqual([{ status: 'unverified', at: T0.at, reviewer: 'Ana' }]);
    expect(newClaim({ id: 'c2', articleId: 'a1', target: TARGET, stamp: T0, status: 'false' }).history[0].status).toBe('false');
  });

  it('applies a patch: fields replaced, next revision, a status change recorded once, the reviewer kept when none is set', () => {
    const claim = newClaim({ id: 'c1', articleId: 'a1', target: TARGET, stamp: T0 });
    const next = applyPatch(claim, { status: 'false', note: 'n' }, T1);
    expect(next).toMatchObject({ status: 'false', note: 'n', revision: 2, updatedAt: T1.at, reviewer: 'Bo', createdAt: T0.at });
    expect(next.history.map((h) => `${h.status}/${h.reviewer}`)).toEqual(['unverified/Ana', 'false/Bo']);
    const same = applyPatch(next, { status: 'false' }, { at: T1.at, reviewer: '' });
    expect(same.history).toBe(next.history);
    expect(same.reviewer).toBe('Bo');
    expect(historyAfter(claim, undefined, T1)).toBe(claim.history);
  });

  it('ignores fields that are not editable and bumps the revision on a restore', () => {
    const claim = newClaim({ id: 'c1', articleId: 'a1', target: TARGET, stamp: T0 });
    const patched = applyPatch(claim, { claimant: 'X', ...({ revision: 99, id: 'evil' } as object) }, T1);
    expect(patched).toMatchObject({ id: 'c1', revision: 2, claimant: 'X' });
    expect(revised(patched, T1.at).revision).toBe(3);
  });

  it('knows what a patch replaces and when it changes nothing, whatever the key order', () => {
    const claim = { ...newClaim({ id: 'c1', articleId: 'a1', target: TARGET, stamp: T0 }), claimant: 'X' };
    expect(fieldsBefore(claim, { note: 'n', status: 'false' })).toEqual({ status: 'unverified', note: '', verdictDate: '' });
    expect(changesNothing(claim, { claimant: 'X', status: 'unverified' })).toBe(true);
    expect(changesNothing(claim, { status: 'unverified', claimant: 'Y' })).toBe(false);
  });
});

describe('unwrap', () => {
  it('returns a success’s value and throws a failure as a FactmarkError with its code and message', () => {
    expect(unwrap({ ok: true, value: 42 })).toBe(42);
    let thrown: unknown;
    try {
      unwrap({ ok: false, error: { code: 'conflict', message: 'changed elsewhere' } });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(FactmarkError);
    expect(errorCode(thrown)).toBe('conflict');
    expect((thrown as Error).message).toBe('changed elsewhere');
    expect(errorCode(new Error('x'))).toBeNull();
  });
});
