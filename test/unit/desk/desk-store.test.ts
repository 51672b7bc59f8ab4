/**
 * The desk in Node: the reducer and the save queue driven through a DeskStore with a fake host
 * that answers like the real one (revisions, conflicts, deletes), including the conflict path,
 * undo across a conflict and an article switch while saves are in flight.
 */
import { describe, expect, it } from 'vitest';
import { applyPatch, newClaim, revised, type ClaimPatch } from '../../../src-shared/claims';
import { FactmarkError } from '../../../src-shared/contract';
import type { ClaimRecord } from '../../../src-shared/model';
import { DeskStore } from '../../../src-renderer/desk/desk-store';
import type { SaveTransport } from '../../../src-renderer/desk/save-queue';

const STAMP = { at: '2026-03-01T10:00:00.000Z', reviewer: 'Ana' };
const LATER = { at: '2026-03-01T10:05:00.000Z', reviewer: 'Ana' };

function target(start: number) {
  return { quote: { exact: `claim at ${start}`, prefix: '', suffix: '' }, position: { start, end: start + 5 } };
}

function claim(id: string, articleId = 'a1', start = 10): ClaimRecord {
  return newClaim({ id, articleId, target: target(start), stamp: STAMP });
}

/** A host holding claims per article, answering as the claims service does; `hold` delays every answer until released. */
class FakeHost implements SaveTransport {
  readonly claims = new Map<string, ClaimRecord>();
  readonly calls: string[] = [];
  private held: (() => void)[] = [];
  holding = false;

  private async gate(): Promise<void> {
    if (this.holding) await new Promise<void>((resolve) => this.held.push(resolve));
  }
  release(): void {
    this.holding = false;
    for (const r of this.held.splice(0)) r();
  }
  private get(id: string): ClaimRecord {
    const found = this.claims.get(id);
    if (!found) throw new FactmarkError('not-found', `No claim with id ${id} in this article`);
    return found;
  }
  async create(c: ClaimRecord) {
    this.calls.push(`create ${c.id}`);
    await this.gate();
    if (this.claims.has(c.id)) throw new FactmarkError('conflict', `A claim with id ${c.id} already exists`);
    this.claims.set(c.id, c);
    return c;
  }
  async restore(c: ClaimRecord) {
    this.calls.push(`restore ${c.id}`);
    await this.gate();
    const restored = revised(c, LATER.at);
    this.claims.set(c.id, restored);
    return restored;
  }
  async remove(_articleId: string, id: string) {
    this.calls.push(`delete ${id}`);
    await this.gate();
    const c = this.get(id);
    this.claims.delete(id);
    return c;
  }
  async update(_articleId: string, id: string, base: number, patch: ClaimPatch) {
    this.calls.push(`update ${id}@${base} ${JSON.stringify(patch)}`);
    await this.gate();
    const c = this.get(id);
    if (c.revision !== base) throw new FactmarkError('conflict', 'changed elsewhere');
    const next = applyPatch(c, patch, LATER);
    this.claims.set(id, next);
    return next;
  }
  async list(articleId: string) {
    return [...this.claims.values()].filter((c) => c.articleId === articleId);
  }
  /** Another window changes a claim. */
  elsewhere(id: string, patch: ClaimPatch): void {
    this.claims.set(id, applyPatch(this.get(id), patch, { at: LATER.at, reviewer: 'Bo' }));
  }
}

function setUp(claims: ClaimRecord[] = []) {
  const host = new FakeHost();
  for (const c of claims) host.claims.set(c.id, c);
  const store = new DeskStore(host);
  store.dispatch({ type: 'opened', articleId: 'a1', claims: claims.filter((c) => c.articleId === 'a1'), claimCount: claims.length });
  return { host, store, shown: (id: string) => store.state.claims.find((c) => c.id === id) };
}

describe('desk store', () => {
  it('keeps the same save indicator object across edits that leave it saying the same', async () => {
    const { store } = setUp([claim('c1')]);
    store.dispatch({ type: 'update', claimId: 'c1', patch: { status: 'verified' }, stamp: LATER });
    const saving = store.state.save;
    store.dispatch({ type: 'update', claimId: 'c1', patch: { status: 'false' }, stamp: LATER });
    expect(store.state.save).toBe(saving);
    await store.settled();
    const saved = store.state.save;
    expect(saved.kind).toBe('saved');
    store.dispatch({ type: 'update', claimId: 'c1', patch: { status: 'disputed' }, stamp: LATER });
    await store.settled();
    expect(store.state.save).toBe(saved);
  });

  it('shows a new claim at once, selects it, saves it, and says saved when the host has it', async () => {
    const { host, store, shown } = setUp();
    store.dispatch({ type: 'create', claim: claim('c1') });
    expect(shown('c1')?.status).toBe('unverified');
    expect(store.state.selectedId).toBe('c1');
    expect(store.state.save.kind).toBe('saving');
    await store.settled();
    expect(host.claims.has('c1')).toBe(true);
    expect(store.state.save.kind).toBe('saved');
    expect(store.state.countsChanged).toBe(1);
  });

  it('sends each update on the revision the host confirmed last, in order', async () => {
    const { host, store, shown } = setUp([claim('c1')]);
    store.dispatch({ type: 'update', claimId: 'c1', patch: { status: 'false' }, stamp: LATER });
    store.dispatch({ type: 'update', claimId: 'c1', patch: { claimant: 'The minister' }, stamp: LATER });
    expect(shown('c1')).toMatchObject({ status: 'false', claimant: 'The minister' });
    await store.settled();
    expect(host.calls).toEqual(['update c1@1 {"status":"false"}', 'update c1@2 {"claimant":"The minister"}']);
    expect(shown('c1')).toMatchObject({ revision: 3, status: 'false', claimant: 'The minister' });
    expect(shown('c1')!.history.map((h) => h.status)).toEqual(['unverified', 'false']);
  });

  it('ignores a patch that changes nothing (no save, nothing to undo)', async () => {
    const { host, store } = setUp([claim('c1')]);
    store.dispatch({ type: 'update', claimId: 'c1', patch: { status: 'unverified' }, stamp: LATER });
    await store.settled();
    expect(host.calls).toEqual([]);
    expect(store.state.history.done).toHaveLength(0);
  });

  it('on a conflict shows the newer version, offers the change again and applies it on the newer revision', async () => {
    const { host, store, shown } = setUp([claim('c1')]);
    host.elsewhere('c1', { status: 'disputed' });
    store.dispatch({ type: 'update', claimId: 'c1', patch: { status: 'false' }, stamp: LATER });
    await store.settled();
    expect(shown('c1')).toMatchObject({ status: 'disputed', revision: 2 });
    expect(store.state.conflict).toMatchObject({ claimId: 'c1', attempted: { status: 'false' } });
    expect(store.state.conflict!.message).toContain('now revision 2');
    expect(store.state.save).toEqual({ kind: 'failed', message: 'A change was not saved (see the message above)' });
    store.dispatch({ type: 'reapply', stamp: LATER });
    expect(store.state.conflict).toBeNull();
    await store.settled();
    expect(host.claims.get('c1')).toMatchObject({ status: 'false', revision: 3 });
    expect(host.claims.get('c1')!.history.map((h) => h.status)).toEqual(['unverified', 'disputed', 'false']);
  });

  it('undo skips a change the host refused: it undoes the change before it', async () => {
    const { host, store, shown } = setUp([claim('c1')]);
    store.dispatch({ type: 'update', claimId: 'c1', patch: { claimant: 'Mayor' }, stamp: LATER });
    await store.settled();
    host.elsewhere('c1', { status: 'disputed' });
    store.dispatch({ type: 'update', claimId: 'c1', patch: { status: 'false' }, stamp: LATER });
    await store.settled();
    expect(store.state.conflict).not.toBeNull();
    store.dispatch({ type: 'undo', stamp: LATER });
    expect(store.state.feedback?.text).toBe('Undid claimant change');
    await store.settled();
    expect(host.claims.get('c1')).toMatchObject({ claimant: '', status: 'disputed' });
    expect(shown('c1')).toMatchObject({ claimant: '', status: 'disputed' });
    store.dispatch({ type: 'undo', stamp: LATER });
    expect(store.state.feedback?.text).toBe('Nothing to undo.');
  });

  it('undoes and redoes a create and a delete through the host', async () => {
    const { host, store, shown } = setUp([claim('c0', 'a1', 0)]);
    store.dispatch({ type: 'create', claim: claim('c1') });
    store.dispatch({ type: 'delete', claimId: 'c0' });
    expect(shown('c0')).toBeUndefined();
    await store.settled();
    store.dispatch({ type: 'undo', stamp: LATER }); // the delete
    expect(shown('c0')).toBeDefined();
    store.dispatch({ type: 'undo', stamp: LATER }); // the create
    expect(shown('c1')).toBeUndefined();
    await store.settled();
    expect([...host.claims.keys()]).toEqual(['c0']);
    store.dispatch({ type: 'redo', stamp: LATER });
    await store.settled();
    expect(host.claims.get('c1')?.revision).toBe(2);
    expect(store.state.save.kind).toBe('saved');
  });

  it('an update of a claim deleted elsewhere reloads the list, forgets its undo entries and says so', async () => {
    const { host, store } = setUp([claim('c1'), claim('c2', 'a1', 30)]);
    host.claims.delete('c1');
    store.dispatch({ type: 'update', claimId: 'c1', patch: { note: 'x' }, stamp: LATER });
    await store.settled();
    expect(store.state.claims.map((c) => c.id)).toEqual(['c2']);
    expect(store.state.history.done).toHaveLength(0);
    expect(store.state.feedback).toMatchObject({ kind: 'error', text: 'That claim was deleted in another window; the list has been reloaded.' });
  });

  it('takes back a new claim the host refused, and reports why', async () => {
    const { host, store } = setUp();
    host.claims.set('c1', claim('c1'));
    store.dispatch({ type: 'create', claim: claim('c1') });
    await store.settled();
    expect(store.state.claims).toEqual([]);
    expect(store.state.selectedId).toBeNull();
    expect(store.state.save).toEqual({ kind: 'failed', message: 'A claim with id c1 already exists' });
  });

  it('a switch to another article while saves are in flight: the saves finish, the new article is untouched, and each article keeps its undo', async () => {
    const { host, store } = setUp([claim('c1')]);
    host.holding = true;
    store.dispatch({ type: 'update', claimId: 'c1', patch: { status: 'verified' }, stamp: LATER });
    store.dispatch({ type: 'create', claim: claim('c2', 'a1', 40) });
    const b = claim('b1', 'a2');
    host.claims.set('b1', b);
    store.dispatch({ type: 'opened', articleId: 'a2', claims: [b], claimCount: 1 });
    expect(store.state.claims).toEqual([b]);
    expect(store.state.history.done).toHaveLength(0);
    expect(store.state.save.kind).toBe('saving');
    host.release();
    await store.settled();
    expect(store.state.claims).toEqual([b]);
    expect(store.state.save.kind).toBe('saved');
    expect(host.claims.get('c1')?.status).toBe('verified');
    expect(host.claims.has('c2')).toBe(true);
    // Back on the first article, its history is there and undo works on it.
    store.dispatch({ type: 'opened', articleId: 'a1', claims: await host.list('a1'), claimCount: 2 });
    expect(store.state.history.done).toHaveLength(2);
    store.dispatch({ type: 'undo', stamp: LATER });
    store.dispatch({ type: 'undo', stamp: LATER });
    await store.settled();
    expect(host.claims.get('c1')?.status).toBe('unverified');
    expect(host.claims.has('c2')).toBe(false);
  });

  it('a conflict answered after the article was switched does not show a banner over the other article', async () => {
    const { host, store } = setUp([claim('c1')]);
    host.holding = true;
    store.dispatch({ type: 'update', claimId: 'c1', patch: { status: 'false' }, stamp: LATER });
    store.dispatch({ type: 'opened', articleId: 'a2', claims: [], claimCount: 0 });
    host.elsewhere('c1', { status: 'disputed' });
    host.release();
    await store.settled();
    expect(store.state.conflict).toBeNull();
    expect(store.state.save.kind).toBe('failed');
    store.dispatch({ type: 'opened', articleId: 'a1', claims: await host.list('a1'), claimCount: 1 });
    expect(store.state.history.done).toHaveLength(0);
  });

  it('keeps selection and filter in the desk: step follows the filter, delete selects the next claim', () => {
    const { store } = setUp([claim('c1', 'a1', 0), { ...claim('c2', 'a1', 20), status: 'false' }, claim('c3', 'a1', 40)]);
    store.dispatch({ type: 'step', by: 1 });
    expect(store.state.selectedId).toBe('c1');
    store.dispatch({ type: 'filter', filter: { statuses: ['unverified'], claimant: null, text: '' } });
    store.dispatch({ type: 'step', by: 1 });
    expect(store.state.selectedId).toBe('c3');
    store.dispatch({ type: 'delete', claimId: 'c3' });
    expect(store.state.selectedId).toBe('c1');
    store.dispatch({ type: 'opened', articleId: 'a2', claims: [], claimCount: 0 });
    expect(store.state).toMatchObject({ selectedId: null, filter: { statuses: [], claimant: null, text: '' } });
  });

  it('merges the rest of a long article’s claims, keeping changes made meanwhile', () => {
    const first = claim('c1', 'a1', 0);
    const store = new DeskStore(new FakeHost());
    store.dispatch({ type: 'opened', articleId: 'a1', claims: [first], claimCount: 3 });
    expect(store.state.loading).toBe(true);
    store.dispatch({ type: 'delete', claimId: 'c1' });
    store.dispatch({ type: 'more-claims', articleId: 'a1', claims: [claim('c3', 'a1', 50), claim('c2', 'a1', 20)] });
    expect(store.state.loading).toBe(false);
    expect(store.state.claims.map((c) => c.id)).toEqual(['c2', 'c3']);
  });

  it('never makes a second claim on exactly the range of one: it selects that claim and says so', async () => {
    const { host, store } = setUp([claim('c1', 'a1', 10), claim('c2', 'a1', 30)]);
    store.dispatch({ type: 'select', claimId: 'c2' });
    store.dispatch({ type: 'create', claim: claim('c3', 'a1', 10) });
    expect(store.state.claims.map((c) => c.id)).toEqual(['c1', 'c2']);
    expect(store.state.selectedId).toBe('c1');
    expect(store.state.feedback?.text).toBe('That text is already a claim: it is selected.');
    expect(store.state.history.done).toHaveLength(0);
    await store.settled();
    expect(host.calls).toEqual([]);
  });
});
