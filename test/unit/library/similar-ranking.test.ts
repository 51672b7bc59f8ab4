/**
 * "Checked before" ranking on a library large enough for its shortcuts to matter: candidates come
 * from a claim's distinctive words only (words in a large share of claims are dropped), then the
 * best are rescored. Realistic near-duplicates must still come first, and the answer must agree
 * with a brute-force BM25 ranking over every claim.
 */
import { describe, expect, it } from 'vitest';
import { ClaimIndex } from '../../../src-main/search/claim-index';
import { figuresOf, termsOf } from '../../../src-main/search/normalise';
import type { ClaimRecord } from '../../../src-shared/model';
import { seeded } from '../../../src-shared/seeded';
import { makeClaim } from '../../support/claims';

function claim(id: string, quote: string): ClaimRecord {
  return makeClaim({ id, articleId: 'a', target: { quote: { exact: quote, prefix: '', suffix: '' }, position: { start: 0, end: quote.length } } });
}

/** Near-duplicates as fact-checkers meet them: the same claim reworded, the same figure written otherwise. */
const FAMILIES = [
  ['The government said unemployment fell to 4.2 per cent in the third quarter.', 'Joblessness dropped to 4.2% in Q3, according to the government.', 'Ministers said the unemployment rate was 4.2 percent in the third quarter.'],
  ['Russia has withdrawn 20,000 troops from the Belarus border.', 'Twenty thousand Russian soldiers were pulled back from the border with Belarus.'],
  ['Inflation in Turkey reached 85 per cent in October, the highest since 1998.', 'Turkish inflation hit 85% in October, a level not seen since 1998.'],
  ['The new bridge cost 1.2 billion euros, twice the original budget.', 'The bridge ended up costing €1,200 million, double what was budgeted.'],
  ['Vaccination rates among children fell below 80 per cent in 2021.', 'Fewer than 80% of children were vaccinated in 2021.'],
];

const COMMON = 'the government said ministers country year percent people report new official figures rose fell'.split(' ');
const RARE = Array.from({ length: 2_000 }, (_, i) => `w${i.toString(36)}q`);

function background(n: number): string[] {
  const rand = seeded(3);
  const pick = (list: string[]) => list[Math.floor(rand() * list.length)];
  return Array.from({ length: n }, () => `${Array.from({ length: 6 }, () => pick(COMMON)).join(' ')} ${pick(RARE)} ${pick(RARE)} ${Math.floor(rand() * 100)}.`);
}

/** Plain BM25 over quotes with the same figure boost, scoring every claim: the reference. */
function bruteForce(quotes: string[], text: string, skip: number): number[] {
  const docs = quotes.map(termsOf);
  const avg = docs.reduce((n, d) => n + d.length, 0) / docs.length;
  const df = new Map<string, number>();
  for (const d of docs) for (const t of new Set(d)) df.set(t, (df.get(t) ?? 0) + 1);
  const query = new Set(termsOf(text));
  const figures = figuresOf(text);
  const score = (d: string[], i: number) => {
    let s = 0;
    for (const t of query) {
      const tf = d.filter((x) => x === t).length;
      if (!tf) continue;
      const n = df.get(t)!;
      s += Math.log(1 + (docs.length - n + 0.5) / (n + 0.5)) * ((tf * 2.2) / (tf + 1.2 * (0.3 + (0.7 * d.length) / avg)) + 0.5);
    }
    const theirs = new Set(figuresOf(quotes[i]));
    return figures.length ? s * (1 + figures.filter((f) => theirs.has(f)).length / figures.length) : s;
  };
  return docs.map((d, i) => [i, score(d, i)] as const).filter(([i, s]) => i !== skip && s > 0).sort((a, b) => b[1] - a[1]).map(([i]) => i);
}

describe('similar claims in a large library', () => {
  const quotes = [...background(12_000), ...FAMILIES.flat()];
  const index = new ClaimIndex();
  // 120 articles of 100 claims, as the library holds them.
  for (let a = 0; a * 100 < quotes.length; a++) index.setArticle(`art${a}`, quotes.slice(a * 100, a * 100 + 100).map((q, i) => claim(`c${a * 100 + i}`, q)), undefined, '');
  const idOf = (quote: string) => `c${quotes.indexOf(quote)}`;

  it.each(FAMILIES.flatMap((family) => family.map((quote) => [quote, family] as const)))('finds the rewordings of “%s” first', (quote, family) => {
    const self = idOf(quote);
    const found = index.similar(quote, 5, (row) => row.claimId !== self).map((h) => h.row.quote);
    const others = family.filter((q) => q !== quote);
    expect(found.slice(0, others.length).sort()).toEqual([...others].sort());
  });

  it('ranks the near-duplicates as a brute-force BM25 over every claim does', () => {
    for (const family of FAMILIES) {
      const quote = family[0];
      const self = quotes.indexOf(quote);
      const fast = index.similar(quote, 10, (row) => row.claimId !== `c${self}`).map((h) => h.row.claimId);
      const slow = bruteForce(quotes, quote, self).slice(0, 10).map((i) => `c${i}`);
      expect(fast.slice(0, family.length - 1)).toEqual(slow.slice(0, family.length - 1));
      expect(new Set(fast).size).toBe(fast.length);
    }
  });
});
