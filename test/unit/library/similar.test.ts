import { describe, expect, it } from 'vitest';
import { runCliIn } from '../../support/cli';
import { openTempLibrary } from '../../support/temp-library';
import { withLibrary, type ArticleSpec } from './library-helpers';

const SIMILAR_LIBRARY: ArticleSpec[] = [
  {
    title: 'Jobs report',
    claims: [
      { quote: 'The jobless rate dropped to 4.2 per cent last year.', status: 'verified', claimant: 'Labour Minister' },
      { quote: 'Unemployment benefits will rise next year for every family.', status: 'unverified', claimant: 'Labour Minister' },
      { quote: 'Youth unemployment is the highest in the region this year.', status: 'disputed', claimant: 'Opposition' },
    ],
  },
  {
    title: 'Troops',
    claims: [
      { quote: 'Forty thousand soldiers crossed the border on Thursday.', status: 'false', claimant: 'General Staff' },
      { quote: 'The border crossing reopened for trucks on Thursday morning.', status: 'verified', claimant: 'Customs' },
      { quote: 'Soldiers on the border were given new rifles.', status: 'unverified', claimant: 'Blogger' },
    ],
  },
  {
    title: 'Prices',
    claims: [
      { quote: 'Bread prices have doubled since the war began.', status: 'misleading', claimant: 'Bakers union' },
      { quote: 'The price of a loaf of bread rose twofold since the start of the war.', status: 'disputed', claimant: 'Retailer' },
      { quote: 'The bakery on the war memorial square sells bread.', status: 'verified', claimant: 'Tourist guide' },
    ],
  },
];

describe('claims.similar ("checked before")', () => {
  const fx = withLibrary(SIMILAR_LIBRARY);

  const quotes = (rows: { quote: string }[]) => rows.map((r) => r.quote);

  it('ranks the same figure in other words above claims that only share words', async () => {
    const found = await fx.lib.call('claims.similar', { text: 'Unemployment fell to 4.2% last year' });
    expect(found[0].quote).toBe('The jobless rate dropped to 4.2 per cent last year.');
    expect(found[0].sharedFigures).toEqual(['4.2']);
    expect(found[0]).toMatchObject({ status: 'verified', articleTitle: 'Jobs report' });
    expect(found[0].score).toBeGreaterThan(found[1].score);
  });

  it('matches numbers written as words or digits', async () => {
    const found = await fx.lib.call('claims.similar', { text: '40,000 troops crossed into the country' });
    expect(found[0].quote).toBe('Forty thousand soldiers crossed the border on Thursday.');
    expect(found[0].sharedFigures).toEqual(['40000']);
  });

  it('ranks a paraphrase above an unrelated claim sharing its words', async () => {
    const [original] = (await fx.lib.call('claims.search', { text: 'bread doubled' })).claims;
    const found = await fx.lib.call('claims.similar', { articleId: original.articleId, claimId: original.claimId });
    expect(quotes(found)).not.toContain(original.quote); // never the claim itself
    const paraphrase = quotes(found).indexOf('The price of a loaf of bread rose twofold since the start of the war.');
    const unrelated = quotes(found).indexOf('The bakery on the war memorial square sells bread.');
    expect(paraphrase).toBe(0);
    expect(unrelated).toBeGreaterThan(paraphrase);
  });

  it('answers an unknown claim with not-found and an empty query with invalid-request', async () => {
    await expect(fx.lib.call('claims.similar', { articleId: 'nope', claimId: 'nope' })).rejects.toThrow(/No claim with id nope/);
    await expect(fx.lib.call('claims.similar', { text: '   ' })).rejects.toThrow(/^claims\.similar:/);
  });

  it('is on the command line: similar --text', async () => {
    await fx.lib.factmark.close();
    const run = await runCliIn(fx.lib.dir, 'similar', '--text', 'Unemployment fell to 4.2% last year', '--limit', '2');
    expect(run.err).toBe('');
    expect(run.out.split('\n')).toHaveLength(2);
    expect(run.out.split('\n')[0]).toMatch(/\[Verified\] — Labour Minister: “The jobless rate dropped to 4\.2 per cent last year\.” \(Jobs report;.*\[same figure: 4\.2\]$/);
    const json = JSON.parse((await runCliIn(fx.lib.dir, 'similar', '--text', 'bread prices doubled', '--json')).out);
    expect(json[0]).toMatchObject({ quote: 'Bread prices have doubled since the war began.', score: expect.any(Number) });
    fx.lib = await openTempLibrary({ dir: fx.lib.dir });
  });
});
