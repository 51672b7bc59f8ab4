/** The term dictionary's prefix lookups agree with a scan of every term, before, while and after its terms are put in order in steps. */
import { describe, expect, it } from 'vitest';
import { Vocabulary } from '../../../src-main/search/vocabulary';
import { seeded } from '../../../src-shared/seeded';

function randomTerm(rand: () => number): string {
  const length = 2 + Math.floor(rand() * 6);
  return Array.from({ length }, () => 'abcdefgh'[Math.floor(rand() * 8)]).join('');
}

describe('the vocabulary', () => {
  it('lists terms by prefix as a scan does, with a large tail settled in steps and terms added meanwhile', async () => {
    const rand = seeded(3);
    const vocabulary = new Vocabulary();
    const all = new Set<string>();
    const add = (n: number) => {
      for (let i = 0; i < n; i++) {
        const t = randomTerm(rand);
        all.add(t);
        vocabulary.intern(t);
      }
    };
    const check = () => {
      for (const prefix of ['a', 'bc', 'hhh', 'dea', 'gfedc']) {
        const expected = [...all].filter((t) => t.startsWith(prefix)).sort();
        expect(vocabulary.withPrefix(prefix, 1e9).map((id) => vocabulary.term(id)).sort(), prefix).toEqual(expected);
      }
    };
    add(60_000);
    let steps = 0;
    await vocabulary.settle(async () => {
      steps++;
      if (steps === 3) add(100); // interned while the settle is under way
    });
    expect(steps).toBeGreaterThan(4);
    check();
    add(5_000);
    check(); // the longer tail merged by the lookup itself
    expect(vocabulary.withPrefix('a', 3)).toHaveLength(3);
  });
});
