import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCliIn } from '../../support/cli';
import { openTempLibrary, type TempLibrary } from '../../support/temp-library';
import { addArticleWithClaims } from './library-helpers';

describe('claims.search across the library', () => {
  let lib: TempLibrary;
  let talks: Awaited<ReturnType<typeof addArticleWithClaims>>;
  let budget: Awaited<ReturnType<typeof addArticleWithClaims>>;

  beforeEach(async () => {
    lib = await openTempLibrary();
    talks = await addArticleWithClaims(lib, 'Antalya talks', [
      { quote: 'Ukraine was seeking a ceasefire and the return of its territories.', status: 'disputed', claimant: 'Dmytro Kuleba' },
      { quote: 'Kuleba said there was no progress on a ceasefire.', status: 'verified', claimant: 'Kuleba', note: 'Matches the press conference' },
      { quote: 'Russia did not attack Ukraine.', status: 'false', claimant: 'Sergei Lavrov', evidence: [{ url: 'https://example.org/un', title: 'UN report on the invasion' }] },
    ]);
    budget = await addArticleWithClaims(lib, 'Budget debate', [
      { quote: 'Defence spending rose to 1,200 million euros.', status: 'disputed', claimant: 'Finance Minister' },
      { quote: 'The ceasefire fund was never used.', status: 'misleading', claimant: 'Opposition leader' },
    ]);
  });
  afterEach(async () => {
    await lib.cleanup();
  });

  const ids = (r: { claims: { claimId: string }[] }) => r.claims.map((c) => c.claimId);

  it('finds claims by words of their quote, note or evidence titles, with their article titles', async () => {
    const ceasefire = await lib.call('claims.search', { text: 'ceasefire' });
    expect(ceasefire.total).toBe(3);
    expect(new Set(ids(ceasefire))).toEqual(new Set([talks.claimIds[0], talks.claimIds[1], budget.claimIds[1]]));
    expect(ceasefire.claims.find((c) => c.claimId === budget.claimIds[1])).toMatchObject({ articleTitle: 'Budget debate', status: 'misleading', claimant: 'Opposition leader' });
    expect(ids(await lib.call('claims.search', { text: 'press conference' }))).toEqual([talks.claimIds[1]]);
    const byEvidence = await lib.call('claims.search', { text: 'invasion' });
    expect(byEvidence.claims).toEqual([expect.objectContaining({ claimId: talks.claimIds[2], evidenceCount: 1, articleTitle: 'Antalya talks' })]);
    expect((await lib.call('claims.search', { text: 'ceasef' })).total).toBe(3); // the last word as a prefix
    expect((await lib.call('claims.search', { text: 'ceasefire unicorn' })).total).toBe(0); // every word must occur
  });

  it('matches numbers however they are written', async () => {
    expect(ids(await lib.call('claims.search', { text: '1200 million' }))).toEqual([budget.claimIds[0]]);
    expect(ids(await lib.call('claims.search', { text: '1.2 billion' }))).toEqual([budget.claimIds[0]]);
  });

  it('filters by status, claimant (whole words, merged names), article and date range', async () => {
    const disputed = await lib.call('claims.search', { status: 'disputed' });
    expect(new Set(ids(disputed))).toEqual(new Set([talks.claimIds[0], budget.claimIds[0]]));
    expect(ids(await lib.call('claims.search', { status: 'disputed', claimant: 'kuleba', text: 'ceasefire' }))).toEqual([talks.claimIds[0]]);
    expect(new Set(ids(await lib.call('claims.search', { claimant: 'Kuleba' })))).toEqual(new Set(talks.claimIds.slice(0, 2)));
    expect((await lib.call('claims.search', { claimant: 'Kul' })).total).toBe(0); // whole words only
    expect(ids(await lib.call('claims.search', { articleId: budget.article.id, text: 'ceasefire' }))).toEqual([budget.claimIds[1]]);
    expect((await lib.call('claims.search', { status: ['false', 'misleading'] })).total).toBe(2);
    const all = await lib.call('claims.search', { sort: 'oldest' });
    const third = all.claims[2].createdAt;
    const fromThird = await lib.call('claims.search', { from: third, sort: 'oldest' });
    expect(ids(fromThird)).toEqual(ids(all).slice(2));
    expect((await lib.call('claims.search', { to: third })).total).toBe(3);
    expect((await lib.call('claims.search', { from: '2026-01-16' })).total).toBe(0);
    expect((await lib.call('claims.search', { to: '2026-01-15' })).total).toBe(5); // a day includes all of it
  });

  it('sorts and pages with `after` until every claim was listed once', async () => {
    const newest = await lib.call('claims.search', {});
    expect(newest.total).toBe(5);
    expect(ids(newest)).toEqual([...budget.claimIds].reverse().concat([...talks.claimIds].reverse()));
    const seen: string[] = [];
    let after: string | undefined;
    do {
      const page = await lib.call('claims.search', { limit: 2, after });
      seen.push(...ids(page));
      after = page.next ?? undefined;
    } while (after);
    expect(seen).toEqual(ids(newest));
    const byStatus = await lib.call('claims.search', { sort: 'status' });
    expect(byStatus.claims.map((c) => c.status)).toEqual(['verified', 'disputed', 'disputed', 'false', 'misleading']);
  });

  it('refuses bad filters with a one-line error', async () => {
    await expect(lib.call('claims.search', { status: 'wrong' as never })).rejects.toThrow(/^claims\.search: status/);
    await expect(lib.call('claims.search', { from: 'last week' })).rejects.toThrow(/from: must be a date/);
    await expect(lib.call('claims.search', { after: 'nonsense' })).rejects.toThrow(/Not a search cursor/);
  });

  it('is current after each save: create, edit, delete, delete an article', async () => {
    expect((await lib.call('claims.search', { text: 'ceasefire' })).total).toBe(3);
    const [first] = await lib.call('claims.list', { articleId: talks.article.id });
    await lib.call('claims.update', { articleId: talks.article.id, claimId: first.id, baseRevision: first.revision, patch: { status: 'false', note: 'armistice' } });
    expect(ids(await lib.call('claims.search', { text: 'armistice', status: 'false' }))).toEqual([first.id]);
    await lib.call('claims.delete', { articleId: budget.article.id, claimId: budget.claimIds[1] });
    expect((await lib.call('claims.search', { text: 'ceasefire' })).total).toBe(2);
    await lib.call('library.delete', { articleId: talks.article.id });
    expect((await lib.call('claims.search', {})).total).toBe(1);
  });

  it('keeps its index in search/ beside the store and rebuilds what is stale or missing from the article files', async () => {
    await lib.call('claims.search', { text: 'ceasefire' });
    await lib.factmark.close();
    const shards = await readdir(join(lib.dir, 'search'));
    expect(shards.length).toBeGreaterThan(0);

    // Another process changed an article file: the reopened index notices from the file's stamp.
    const file = join(lib.dir, 'articles', `${budget.article.id}.json`);
    const data = JSON.parse(await readFile(file, 'utf8'));
    data.claims[0].target.quote.exact = 'Defence spending rose to an armistice figure.';
    await writeFile(file, JSON.stringify(data));
    const cli = await runCliIn(lib.dir, 'claims', '--text', 'armistice', '--json');
    expect(JSON.parse(cli.out).claims.map((c: { claimId: string }) => c.claimId)).toEqual([budget.claimIds[0]]);

    // A damaged shard is rebuilt rather than trusted.
    for (const name of shards) await writeFile(join(lib.dir, 'search', name), '{"format":1, trunc');
    lib = await openTempLibrary({ dir: lib.dir });
    expect((await lib.call('claims.search', { text: 'ceasefire' })).total).toBe(3);
  });
});
