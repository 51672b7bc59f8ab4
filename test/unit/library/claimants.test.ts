import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCliIn } from '../../support/cli';
import { snapshotFolder } from '../../support/folder-snapshot';
import { openTempLibrary } from '../../support/temp-library';
import { withLibrary, type ArticleSpec } from './library-helpers';

const CLAIMANT_LIBRARY: ArticleSpec[] = [
  {
    title: 'Antalya talks',
    claims: [
      { quote: 'Ukraine was seeking a ceasefire.', status: 'disputed', claimant: 'Dmytro Kuleba' },
      { quote: 'No promise to halt firing was given.', status: 'verified', claimant: 'Kuleba' },
      { quote: 'Russia did not attack Ukraine.', status: 'false', claimant: 'Sergei Lavrov' },
    ],
  },
  {
    title: 'Kyiv briefing',
    claims: [
      { quote: 'Grain exports resumed in August.', status: 'verified', claimant: 'Dmitry Kuleba' },
      { quote: 'The talks will continue next week.', status: 'unverified', claimant: 'kuleba' },
    ],
  },
];

describe('claimants across the library', () => {
  const fx = withLibrary(CLAIMANT_LIBRARY);

  it('lists claimants with counts per status and first and last seen; the same name in another case is one claimant', async () => {
    const list = await fx.lib.call('claimants.list', {});
    expect(list.map((c) => [c.name, c.claimCount])).toEqual([
      ['Kuleba', 2],
      ['Dmitry Kuleba', 1],
      ['Dmytro Kuleba', 1],
      ['Sergei Lavrov', 1],
    ]);
    const kuleba = list[0];
    expect(kuleba.aliases).toEqual(['kuleba']);
    expect(kuleba.counts).toMatchObject({ verified: 1, unverified: 1, disputed: 0 });
    expect(kuleba.firstSeen! < kuleba.lastSeen!).toBe(true);
    expect(kuleba.merged).toBe(false);
  });

  it('merges differently written names into one claimant, keeping the aliases, and undoes the merge exactly', async () => {
    const before = await fx.lib.call('claimants.list', {});
    const merged = await fx.lib.call('claimants.merge', { names: ['Kuleba', 'Dmitry Kuleba', 'Dmytro Kuleba'], into: 'Dmytro Kuleba' });
    expect(merged).toMatchObject({ name: 'Dmytro Kuleba', merged: true, claimCount: 4 });
    expect(merged.aliases.sort()).toEqual(['Dmitry Kuleba', 'Kuleba', 'kuleba']);
    expect(merged.counts).toMatchObject({ disputed: 1, verified: 2, unverified: 1 });

    const page = await fx.lib.call('claimants.get', { name: 'Dmitry Kuleba' }); // any alias opens the page
    expect(page.claimant.name).toBe('Dmytro Kuleba');
    expect(page.claims.map((c) => c.quote)).toEqual([
      'The talks will continue next week.',
      'Grain exports resumed in August.',
      'No promise to halt firing was given.',
      'Ukraine was seeking a ceasefire.',
    ]);
    expect(new Set(page.claims.map((c) => c.claimantName))).toEqual(new Set(['Dmytro Kuleba']));
    expect((await fx.lib.call('claims.search', { claimant: 'Dmitry' })).total).toBe(4); // a filter on one alias finds them all

    // Claims are never rewritten by a merge.
    const stored = JSON.parse(await readFile(join(fx.lib.dir, 'claimants.json'), 'utf8'));
    expect(stored.groups).toHaveLength(1);
    expect((await fx.lib.call('claims.search', { text: 'grain' })).claims[0].claimant).toBe('Dmitry Kuleba');

    const undone = await fx.lib.call('claimants.unmerge', { name: 'Kuleba' });
    expect(undone.map((c) => c.name).sort()).toEqual(['Dmitry Kuleba', 'Dmytro Kuleba', 'Kuleba']);
    expect(await fx.lib.call('claimants.list', {})).toEqual(before);
  });

  it('merges into an existing group and undoes one step at a time', async () => {
    await fx.lib.call('claimants.merge', { names: ['Kuleba', 'Dmytro Kuleba'] });
    await fx.lib.call('claimants.merge', { names: ['Kuleba', 'Dmitry Kuleba'] });
    expect((await fx.lib.call('claimants.get', { name: 'Kuleba' })).claimant.claimCount).toBe(4);
    await fx.lib.call('claimants.unmerge', { name: 'Dmitry Kuleba' });
    const afterOne = await fx.lib.call('claimants.list', {});
    expect(afterOne.map((c) => [c.name, c.claimCount])).toEqual([
      ['Kuleba', 3],
      ['Dmitry Kuleba', 1],
      ['Sergei Lavrov', 1],
    ]);
  });

  it('refuses unknown names, one name, and unmerging what was not merged, changing nothing', async () => {
    await fx.lib.factmark.flush();
    const before = await snapshotFolder(fx.lib.dir);
    await expect(fx.lib.call('claimants.merge', { names: ['Kuleba', 'Nobody Known'] })).rejects.toThrow('No claimant named "Nobody Known" in the library');
    await expect(fx.lib.call('claimants.merge', { names: ['Kuleba', 'KULEBA'] })).rejects.toThrow('Give at least two different claimant names to merge');
    await expect(fx.lib.call('claimants.merge', { names: ['Kuleba'] })).rejects.toThrow(/^claimants\.merge: names/);
    await expect(fx.lib.call('claimants.unmerge', { name: 'Sergei Lavrov' })).rejects.toThrow('"Sergei Lavrov" is not a merged claimant');
    await expect(fx.lib.call('claimants.get', { name: 'Nobody' })).rejects.toThrow('No claimant named "Nobody" in the library');
    await fx.lib.factmark.flush();
    expect(await snapshotFolder(fx.lib.dir)).toEqual(before);
  });

  it('is on the command line: claimants, claimants merge, claimants show, claimants unmerge', async () => {
    await fx.lib.factmark.close();
    const merge = await runCliIn(fx.lib.dir, 'claimants', 'merge', 'Kuleba', 'Dmytro Kuleba', 'Dmitry Kuleba', '--into', 'Dmytro Kuleba');
    expect(merge.err).toBe('');
    expect(merge.out).toMatch(/^Merged: Dmytro Kuleba \(also: .*\): 4 claims \(Unverified 1, Verified 2, Disputed 1\)/);
    const list = await runCliIn(fx.lib.dir, 'claimants', '--json');
    expect(JSON.parse(list.out).map((c: { name: string }) => c.name)).toEqual(['Dmytro Kuleba', 'Sergei Lavrov']);
    const claims = await runCliIn(fx.lib.dir, 'claims', '--status', 'disputed', '--claimant', 'Kuleba', '--text', 'ceasefire');
    expect(claims.out.split('\n')).toEqual([expect.stringContaining('[Disputed] — Dmytro Kuleba: “Ukraine was seeking a ceasefire.” (Antalya talks;'), '1 claim']);
    const show = await runCliIn(fx.lib.dir, 'claimants', 'show', 'Kuleba');
    expect(show.out.split('\n')).toHaveLength(5);
    const unmerge = await runCliIn(fx.lib.dir, 'claimants', 'unmerge', 'Kuleba');
    expect(unmerge.out).toContain('Unmerged: Kuleba');
    expect(JSON.parse((await runCliIn(fx.lib.dir, 'claimants', '--json')).out)).toHaveLength(4);
    fx.lib = await openTempLibrary({ dir: fx.lib.dir });
  });
});
