/**
 * Two libraries, one server, 1,000 random operations (create, edit, delete, restore) on both sides,
 * some while the server is down (a fast-check run with a fixed seed). After both sync they hold the
 * same claims; every acknowledged change is there — as the claim shown or as a kept conflict version
 * — unless the other side saw it and changed it afterwards; so every same-claim race is a visible
 * conflict with both versions kept. Then the server is killed in the middle of replicating a
 * burst of changes and restarted on its folder: both converge with nothing lost.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { FactmarkError } from '../../../src-shared/contract';
import { STATUS_IDS } from '../../../src-shared/statuses';
import type { ClaimRecord } from '../../../src-shared/model';
import { DOC, until, type SyncLibrary } from '../../support/sync-library';
import { teamOfTwo } from '../../support/sync-team';
import type { TeamServer } from '../../support/team-server';

const OPERATIONS = 1_000;
const SENTENCES = Array.from({ length: 40 }, (_, i) => `Sentence ${i + 1} says the figure rose by ${i + 3} percent in the year ${1990 + i}.`);

type Side = 'a' | 'b';
type Op =
  | { kind: 'create' | 'edit' | 'delete' | 'restore'; side: Side; pick: number; status: number }
  | { kind: 'server' }
  | { kind: 'pause' };

/** One acknowledged write: the note it left (null: a deletion), and the note its side showed before. */
interface Write {
  side: Side;
  claimId: string;
  value: string | null;
  seen: string | null;
  order: number;
}

let server: TeamServer;
const libs = {} as Record<Side, SyncLibrary>;
let articleId: string;
let serverUp = true;

const team = teamOfTwo(['pa', 'pb'], { onDisk: true });
beforeAll(async () => {
  ({ server, a: libs.a, b: libs.b } = team);
  articleId = (await libs.a.call('library.create', { meta: { title: 'Figures' }, doc: DOC(SENTENCES) })).id;
  for (const side of ['a', 'b'] as const) await team.connect(libs[side]);
  await until(async () => (await libs.b.call('library.list', {})).some((row) => row.id === articleId), 20_000, 'the article in B');
}, 60_000);

const opArbitrary: fc.Arbitrary<Op> = fc.oneof(
  { weight: 18, arbitrary: fc.record({ kind: fc.constant('create' as const), side: fc.constantFrom<Side>('a', 'b'), pick: fc.nat(1_000), status: fc.nat(5) }) },
  { weight: 45, arbitrary: fc.record({ kind: fc.constant('edit' as const), side: fc.constantFrom<Side>('a', 'b'), pick: fc.nat(1_000), status: fc.nat(5) }) },
  { weight: 15, arbitrary: fc.record({ kind: fc.constant('delete' as const), side: fc.constantFrom<Side>('a', 'b'), pick: fc.nat(1_000), status: fc.nat(5) }) },
  { weight: 12, arbitrary: fc.record({ kind: fc.constant('restore' as const), side: fc.constantFrom<Side>('a', 'b'), pick: fc.nat(1_000), status: fc.nat(5) }) },
  { weight: 2, arbitrary: fc.constant({ kind: 'server' as const }) },
  { weight: 8, arbitrary: fc.constant({ kind: 'pause' as const }) },
);

const claimsOf = (side: Side) => libs[side].call('claims.list', { articleId });

/** Run an operation; the writes it made (none when the service refused it, e.g. a claim changed meanwhile). */
async function run(op: Op, n: number, deletedBy: Record<Side, ClaimRecord[]>): Promise<Write[]> {
  if (op.kind === 'pause') {
    await new Promise((r) => setTimeout(r, 40));
    return [];
  }
  if (op.kind === 'server') {
    if (serverUp) await server.kill();
    else await server.restart();
    serverUp = !serverUp;
    return [];
  }
  const lib = libs[op.side];
  const claims = await claimsOf(op.side);
  const target = claims.length ? claims[op.pick % claims.length] : undefined;
  const note = `op ${n} on ${op.side}`;
  const write = (claimId: string, value: string | null, seen: string | null): Write[] => [{ side: op.side, claimId, value, seen, order: n }];
  try {
    if (op.kind === 'create') {
      const claim = await lib.call('claims.create', { articleId, range: { quote: SENTENCES[op.pick % SENTENCES.length] }, note, status: STATUS_IDS[op.status] });
      return write(claim.id, note, null);
    }
    if (op.kind === 'edit' && target) {
      await lib.call('claims.update', { articleId, claimId: target.id, baseRevision: target.revision, patch: { note, status: STATUS_IDS[op.status] } });
      return write(target.id, note, target.note);
    }
    if (op.kind === 'delete' && target) {
      const removed = await lib.call('claims.delete', { articleId, claimId: target.id });
      deletedBy[op.side].push(removed);
      return write(target.id, null, target.note);
    }
    if (op.kind === 'restore' && deletedBy[op.side].length) {
      const [claim] = deletedBy[op.side].splice(op.pick % deletedBy[op.side].length, 1);
      if (claims.some((c) => c.id === claim.id)) return [];
      const { conflictVersions: _versions, ...restorable } = claim;
      await lib.call('claims.restore', { claim: restorable });
      return write(claim.id, claim.note, null);
    }
  } catch (error) {
    if (error instanceof FactmarkError && ['conflict', 'not-found'].includes(error.code)) return [];
    throw error;
  }
  return [];
}

/** The claims as both sides must agree on them. */
function shape(claims: ClaimRecord[]) {
  return claims
    .map((c) => ({ id: c.id, note: c.note, status: c.status, versions: (c.conflictVersions ?? []).map((v) => `${v.rev}:${v.deleted}:${v.note ?? ''}`).sort() }))
    .sort((x, y) => x.id.localeCompare(y.id));
}

async function converge(): Promise<ClaimRecord[]> {
  if (!serverUp) {
    await server.restart();
    serverUp = true;
  }
  let last = '';
  return until(async () => {
    for (const side of ['a', 'b'] as const) await libs[side].call('sync.now', {});
    const [a, b] = [await claimsOf('a'), await claimsOf('b')];
    const now = JSON.stringify(shape(a));
    const same = now === JSON.stringify(shape(b)) && now === last;
    last = now;
    return same ? a : null;
  }, 120_000, 'both libraries to converge');
}

/** True when `write` shows in the final claims (as the claim shown or a kept version). */
function present(write: Write, final: ClaimRecord[]): boolean {
  const claim = final.find((c) => c.id === write.claimId);
  if (write.value === null) return !claim || !!claim.conflictVersions?.some((v) => v.deleted);
  return !!claim && (claim.note === write.value || !!claim.conflictVersions?.some((v) => !v.deleted && v.note === write.value));
}

describe('two libraries converge', () => {
  it(`after ${OPERATIONS} random operations on both sides, some while the server is down`, async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(opArbitrary, { minLength: OPERATIONS, maxLength: OPERATIONS }), async (ops) => {
        const writes: Write[] = [];
        const deletedBy: Record<Side, ClaimRecord[]> = { a: [], b: [] };
        for (const [n, op] of ops.entries()) writes.push(...(await run(op, n, deletedBy)));
        const final = await converge();
        expect(writes.length).toBeGreaterThan(OPERATIONS / 2);
        // The last acknowledged write of each side to each claim is there, unless the other side saw it and changed it after.
        const lastBySide = new Map<string, Write>();
        for (const w of writes) lastBySide.set(`${w.side}:${w.claimId}`, w);
        const missing = [...lastBySide.values()].filter((w) => {
          if (present(w, final)) return false;
          const other = writes.some((later) => later.side !== w.side && later.claimId === w.claimId && later.order > w.order && later.seen === w.value);
          return !other;
        });
        expect(missing).toEqual([]);
        const conflicted = final.filter((c) => c.conflictVersions?.length);
        expect(conflicted.length).toBeGreaterThan(0); // races did happen, and show
        for (const side of ['a', 'b'] as const) expect((await libs[side].call('sync.status', {})).conflicts).toBe(conflicted.length);
      }),
      { numRuns: 1, seed: 20261206, endOnFailure: true },
    );
  }, 600_000);

  it('converges after the server is killed in the middle of a replication and restarted', async () => {
    for (let i = 0; i < 60; i++) await libs.a.call('claims.create', { articleId, range: { quote: SENTENCES[i % SENTENCES.length] }, note: `burst ${i}` });
    await new Promise((r) => setTimeout(r, 150)); // replication under way
    await server.kill();
    serverUp = false;
    for (let i = 0; i < 10; i++) await libs.b.call('claims.create', { articleId, range: { quote: SENTENCES[i] }, note: `offline ${i}` });
    await new Promise((r) => setTimeout(r, 1_000));
    const final = await converge();
    for (let i = 0; i < 60; i++) expect(final.some((c) => c.note === `burst ${i}`), `burst ${i}`).toBe(true);
    for (let i = 0; i < 10; i++) expect(final.some((c) => c.note === `offline ${i}`), `offline ${i}`).toBe(true);
    for (const side of ['a', 'b'] as const) {
      const status = await until(async () => {
        const s = await libs[side].call('sync.status', {});
        return s.pending === 0 && s.state === 'synced' ? s : null;
      }, 30_000, `${side} synced`);
      expect(status.error).toBeNull();
    }
  }, 300_000);
});
