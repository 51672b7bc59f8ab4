/** Carrying claims to a new version of a text: every state, every kind of newsroom edit, short quotes, repeated text, overlapping claims. */
import { describe, expect, it } from 'vitest';
import { anchorClaim, anchorTarget } from '../../../src-shared/anchoring/anchor';
import { describeRange } from '../../../src-shared/anchoring/describe';
import { countStates, reanchorClaims, type ReanchorResult } from '../../../src-shared/anchoring/reanchor';

const OLD = [
  'The city council approved the £240 million expansion of the eastern container terminal on Tuesday, ending a two-year dispute over dredging.',
  'Council leader Martin Osei said the project would create "at least 1,800 permanent jobs" within five years, a figure the opposition disputes.',
  'The business case published in January put the number at 1,150. Residents near the estuary fear heavier lorry traffic on the ring road.',
  'Work on the new berth is due to start in the spring and finish by 2029, the port authority said.',
].join('\n\n');

/** A claim on the `n`th occurrence (1-based) of `quote` in OLD. */
function claim(quote: string, n = 1, text = OLD) {
  let at = -1;
  for (let i = 0; i < n; i++) at = text.indexOf(quote, at + 1);
  if (at < 0) throw new Error(`no "${quote}" in the test text`);
  return { id: `${quote.slice(0, 12)}#${n}`, target: describeRange(text, at, at + quote.length) };
}

/** Carry claims from `from` to `to` and return each result with the text it landed on. */
function carry(to: string, claims: ReturnType<typeof claim>[], from = OLD) {
  return reanchorClaims(from, to, claims).map((r: ReanchorResult) => ({ ...r, text: r.range ? to.slice(r.range.start, r.range.end) : null }));
}

const paragraphs = OLD.split('\n\n');
const join = (ps: string[]) => ps.join('\n\n');

describe('states', () => {
  it('exact: unchanged text stays where it corresponds, with the offsets shifted by an insertion above', () => {
    const edited = `UPDATE: this story has been corrected.\n\n${OLD}`;
    const [r] = carry(edited, [claim('at least 1,800 permanent jobs')]);
    expect(r.state).toBe('exact');
    expect(r.range!.start).toBe(edited.indexOf('at least 1,800 permanent jobs'));
    expect(r.text).toBe('at least 1,800 permanent jobs');
  });

  it('moved: the same text in a paragraph that moved elsewhere', () => {
    const edited = join([paragraphs[0], paragraphs[2], paragraphs[3], paragraphs[1]]);
    const [r] = carry(edited, [claim('Council leader Martin Osei said the project would create')]);
    expect(r.state).toBe('moved');
    expect(r.text).toBe('Council leader Martin Osei said the project would create');
  });

  it('changed: a corrected figure is anchored to the new wording', () => {
    const edited = OLD.replace('£240 million', '£260 million');
    const [r] = carry(edited, [claim('£240 million expansion')]);
    expect(r).toMatchObject({ state: 'changed', text: '£260 million expansion' });
    expect(r.similarity).toBeGreaterThan(0.9);
  });

  it('orphaned: a deleted sentence is not placed on a neighbour', () => {
    const edited = OLD.replace(' Residents near the estuary fear heavier lorry traffic on the ring road.', '');
    const [r] = carry(edited, [claim('Residents near the estuary fear heavier lorry traffic on the ring road.')]);
    expect(r).toMatchObject({ state: 'orphaned', range: null, similarity: 0 });
  });

  it('counts the claims per state', () => {
    const edited = OLD.replace('£240 million', '£260 million').replace(' Residents near the estuary fear heavier lorry traffic on the ring road.', '');
    const results = carry(edited, [claim('£240 million expansion'), claim('Residents near the estuary'), claim('the port authority said')]);
    expect(countStates(results)).toEqual({ exact: 1, moved: 0, changed: 1, orphaned: 1 });
  });
});

describe('newsroom edits', () => {
  const all = [
    claim('The city council approved'),
    claim('at least 1,800 permanent jobs'),
    claim('The business case published in January put the number at 1,150.'),
    claim('finish by 2029'),
  ];

  it('a paragraph inserted in the middle leaves every claim exact', () => {
    const edited = join([paragraphs[0], paragraphs[1], 'Opponents have called for a public inquiry into the costs.', paragraphs[2], paragraphs[3]]);
    const results = carry(edited, all);
    expect(results.map((r) => r.state)).toEqual(['exact', 'exact', 'exact', 'exact']);
    expect(results.map((r) => r.text)).toEqual(all.map((c) => c.target.quote.exact));
  });

  it('a name corrected to one that appears earlier stays in place as changed (not on the earlier name)', () => {
    const text = 'Martin Osei opened the meeting.\n\nThe motion was then moved by councillor Robin Hale, who spoke for ten minutes.';
    const edited = text.replace('Robin Hale', 'Martin Hale');
    const [r] = carry(edited, [claim('councillor Robin Hale', 1, text)], text);
    expect(r).toMatchObject({ state: 'changed', text: 'councillor Martin Hale' });
  });

  it('a reworded quote is found as changed; the old wording is gone from the text', () => {
    const edited = OLD.replace('"at least 1,800 permanent jobs"', '"more than 1,500 permanent jobs"');
    const [r] = carry(edited, [claim('said the project would create "at least 1,800 permanent jobs" within five years')]);
    expect(r.state).toBe('changed');
    expect(r.text).toBe('said the project would create "more than 1,500 permanent jobs" within five years');
  });

  it('a paragraph moved and edited is still found, as changed', () => {
    const moved = paragraphs[1].replace('five years', 'six years');
    const edited = join([paragraphs[0], paragraphs[2], paragraphs[3], moved]);
    const [r] = carry(edited, [claim('Council leader Martin Osei said the project would create "at least 1,800 permanent jobs" within five years')]);
    expect(r.state).toBe('changed');
    expect(r.text).toBe('Council leader Martin Osei said the project would create "at least 1,800 permanent jobs" within six years');
  });

  it('typographic quotes, dashes and doubled spaces are not changes', () => {
    const edited = OLD.replace('"at least 1,800 permanent jobs"', '\u201Cat least 1,800  permanent jobs\u201D').replace('two-year', 'two\u2011year');
    const results = carry(edited, [claim('"at least 1,800 permanent jobs"'), claim('ending a two-year dispute')]);
    expect(results.map((r) => r.state)).toEqual(['exact', 'exact']);
    expect(results[0].text).toBe('\u201Cat least 1,800  permanent jobs\u201D');
  });

  it('a whole sentence replaced by an unrelated one orphans its claim', () => {
    const edited = OLD.replace('The business case published in January put the number at 1,150.', 'Shares in the operator rose sharply after the vote.');
    const [r] = carry(edited, [claim('The business case published in January put the number at 1,150.')]);
    expect(r.state).toBe('orphaned');
  });
});

describe('short quotes and repeated text', () => {
  it('a three-word claim whose words were deleted does not jump to the same words elsewhere', () => {
    const text = 'The port authority said work would start soon.\n\nLater, the minister said the plan was sound. The port authority said nothing more.';
    const edited = text.replace('The port authority said work would start soon.', 'Work would start soon.');
    const [r] = carry(edited, [claim('The port authority said', 1, text)], text);
    expect(r.state).toBe('orphaned');
  });

  it('repeated boilerplate inserted above does not capture a claim on the original', () => {
    const text = 'Intro paragraph about the harbour.\n\nThe council said the bridge will reopen in June.\n\nClosing paragraph.';
    const edited = 'Editor’s note: The council said the bridge will reopen in June.\n\nIntro paragraph about the harbour.\n\nThe council said the bridge will reopen in June.\n\nClosing paragraph.';
    const [r] = carry(edited, [claim('The council said the bridge will reopen in June.', 1, text)], text);
    expect(r.state).toBe('exact');
    expect(r.range!.start).toBe(edited.lastIndexOf('The council said the bridge'));
  });

  it('two claims on two copies of the same words keep their own copies', () => {
    const text = 'First: prices rose 5 percent.\n\nSecond: prices rose 5 percent.';
    const edited = `New opening line.\n\n${text}`;
    const results = carry(edited, [claim('prices rose 5 percent', 1, text), claim('prices rose 5 percent', 2, text)], text);
    expect(results.map((r) => r.range!.start)).toEqual([edited.indexOf('prices rose'), edited.lastIndexOf('prices rose')]);
  });

  it('two claims of different text never take the same place', () => {
    const text = 'Jobs: at least 1,800 new posts.\n\nJobs: at least 1,300 new posts.';
    // The first sentence is deleted; its claim must not move onto the second, which has its own claim.
    const edited = 'Jobs: at least 1,300 new posts.';
    const results = carry(edited, [claim('at least 1,800 new posts', 1, text), claim('at least 1,300 new posts', 1, text)], text);
    expect(results[0].state).toBe('orphaned');
    expect(['exact', 'moved']).toContain(results[1].state);
    expect(results[1].text).toBe('at least 1,300 new posts');
  });
});

describe('overlapping claims', () => {
  it('nested and overlapping claims are all carried through an edit inside them', () => {
    const outer = claim('Council leader Martin Osei said the project would create "at least 1,800 permanent jobs" within five years');
    const inner = claim('"at least 1,800 permanent jobs"');
    const crossing = claim('within five years, a figure the opposition disputes');
    const edited = OLD.replace('1,800', '1,900');
    const results = carry(edited, [outer, inner, crossing]);
    expect(results.map((r) => r.state)).toEqual(['changed', 'changed', 'exact']);
    expect(results[1].text).toBe('"at least 1,900 permanent jobs"');
    expect(results[0].text).toContain(results[1].text!);
  });
});

describe('opening an article uses the same search', () => {
  it('anchors by position, else finds the quote near it, else orphans', () => {
    const c = claim('at least 1,800 permanent jobs');
    expect(anchorTarget(OLD, c.target)).toMatchObject({ method: 'position' });
    expect(anchorTarget(`Note.\n\n${OLD}`, c.target)).toMatchObject({ method: 'quote' });
    expect(anchorTarget('Nothing of the kind is said here at all.', c.target)).toBeNull();
  });

  it('keeps a claim carried as an orphan an orphan, even when similar words exist', () => {
    const c = claim('at least 1,800 permanent jobs');
    expect(anchorClaim(OLD, { ...c, carried: { state: 'orphaned' } })).toBeNull();
    expect(anchorClaim(OLD, c)).not.toBeNull();
  });
});
