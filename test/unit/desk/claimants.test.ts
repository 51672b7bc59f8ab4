/** claims.claimants: every claimant in the library, for the editor's suggestions. */
import { afterEach, describe, expect, it } from 'vitest';
import { paragraphsDoc } from '../../../src-main/services/import/doc-json';
import { openTempLibrary, type TempLibrary } from '../../support/temp-library';

describe('claims.claimants', () => {
  let lib: TempLibrary;
  afterEach(() => lib?.cleanup());

  it('lists claimants across articles, most used first, without blanks or duplicates', async () => {
    lib = await openTempLibrary();
    const a = await lib.call('library.create', { meta: { title: 'A' }, doc: paragraphsDoc(['The minister said growth was four percent.']) });
    const b = await lib.call('library.create', { meta: { title: 'B' }, doc: paragraphsDoc(['Critics said the figure was two percent, the minister disagreed.']) });
    await lib.call('claims.create', { articleId: a.id, range: { quote: 'growth was four percent' }, claimant: 'The minister' });
    await lib.call('claims.create', { articleId: a.id, range: { quote: 'The minister said' } });
    await lib.call('claims.create', { articleId: b.id, range: { quote: 'two percent' }, claimant: 'Critics' });
    await lib.call('claims.create', { articleId: b.id, range: { quote: 'the minister disagreed' }, claimant: '  The minister ' });
    expect(await lib.call('claims.claimants', {})).toEqual(['The minister', 'Critics']);
  });

  it('is empty for an empty library', async () => {
    lib = await openTempLibrary();
    expect(await lib.call('claims.claimants', {})).toEqual([]);
  });
});
