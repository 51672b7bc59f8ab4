/**
 * Article identity across machines: the same text imported on two machines becomes one article in
 * the team library with the claims of both; a new version replicates as an article linked to the
 * one before it; an export restored on one machine is a change that replicates like any other.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { teamOfTwo } from '../../support/sync-team';
import { DOC, until, type SyncLibrary } from '../../support/sync-library';

const team = teamOfTwo(['ia', 'ib']);
const connect = team.connect;
let a: SyncLibrary;
let b: SyncLibrary;
beforeAll(() => void ({ a, b } = team));

const TEXT = ['The mayor said bus fares will fall by 10 percent in March.', 'Ridership rose 7 percent last year, the transit agency said.'];

describe('article identity', () => {
  it('merges the same text imported on two machines into one article with both machines’ claims', async () => {
    const onA = await a.call('library.create', { meta: { title: 'Fares' }, doc: DOC(TEXT) });
    const onB = await b.call('library.create', { meta: { title: 'Bus fares (B)' }, doc: DOC(TEXT) });
    expect(onA.id).not.toBe(onB.id);
    const claimA = await a.call('claims.create', { articleId: onA.id, range: { quote: 'bus fares will fall by 10 percent' }, claimant: 'the mayor' });
    const claimB = await b.call('claims.create', { articleId: onB.id, range: { quote: 'Ridership rose 7 percent' }, claimant: 'the transit agency' });
    await connect(a);
    await connect(b);
    for (const [lib, id] of [[a, onA.id], [b, onB.id]] as const) {
      await until(async () => (await lib.call('claims.list', { articleId: id })).length === 2, 20_000, 'both claims on one article');
      const rows = (await lib.call('library.list', {})).filter((row) => row.textHash === onA.textHash);
      expect(rows).toHaveLength(1);
      expect((await lib.call('claims.list', { articleId: id })).map((c) => c.id).sort()).toEqual([claimA.id, claimB.id].sort());
    }
  });

  it('replicates a new version as an article linked to its previous version', async () => {
    const [row] = (await a.call('library.list', {})).filter((r) => r.title === 'Fares' || r.title === 'Bus fares (B)');
    const next = await a.call('import.paste', { text: `${TEXT[0]}\n\n${TEXT[1]}\n\nThe council will vote on Tuesday.`, title: 'Fares, updated', newVersionOf: row.id });
    expect(next.article.previousVersionId).toBe(row.id);
    const onB = await until(async () => (await b.call('library.list', {})).find((r) => r.id === next.article.id), 20_000, 'the new version in B');
    const previousOnB = (await b.call('library.list', {})).find((r) => r.textHash === row.textHash)!;
    expect(onB.previousVersionId).toBe(previousOnB.id);
    await until(async () => (await b.call('claims.list', { articleId: next.article.id })).length === 2, 20_000, 'the carried claims in B');
  });

  it('replicates an export restored on one machine', async () => {
    const article = await b.call('library.create', { meta: { title: 'Exported' }, doc: DOC(['Rents rose 12 percent in the capital, the survey found.']) });
    await b.call('claims.create', { articleId: article.id, range: { quote: 'Rents rose 12 percent' } });
    const exported = await b.call('export.article', { articleId: article.id, format: 'json' });
    await until(async () => (await a.call('claims.list', { articleId: article.id }).catch(() => [])).length === 1, 20_000, 'the article in A');
    await b.call('library.delete', { articleId: article.id });
    await until(async () => !(await a.call('library.list', {})).some((r) => r.id === article.id), 20_000, 'the deletion in A');
    await b.call('export.restore', { format: 'json', content: 'text' in exported ? exported.text : '' });
    await until(async () => (await a.call('claims.list', { articleId: article.id }).catch(() => [])).length === 1, 20_000, 'the restored article in A');
  });
});
