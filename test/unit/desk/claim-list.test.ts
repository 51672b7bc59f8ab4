/** The claims panel's pure logic: filters, counts, claimant suggestions, neighbours and snippets. */
import { describe, expect, it } from 'vitest';
import { countByStatus, inDocumentOrder, type ClaimRecord, type StatusId } from '../../../src-shared/model';
import { afterDeletion, claimantsOf, evidenceLabel, filterClaims, isFiltering, mergeSuggestions, neighbourId, NO_FILTER, quoted, snippet, unseenClaims } from '../../../src-renderer/desk/claim-list';
import { makeClaim } from '../../support/claims';

function claim(id: string, start: number, end: number, status: StatusId, claimant = '', extra: Partial<ClaimRecord> = {}): ClaimRecord {
  return makeClaim({
    id,
    target: { quote: { exact: `quote of ${id}`, prefix: '', suffix: '' }, position: { start, end } },
    claimant,
    status,
    history: [],
    ...extra,
  });
}

const claims = [
  claim('c1', 10, 20, 'false', 'The minister'),
  claim('c2', 0, 5, 'verified', 'Critics', { note: 'Checked against the Statistics Office' }),
  claim('c3', 10, 40, 'false', 'The minister', {
    evidence: [{ id: 'e1', url: 'https://stats.example/gdp', title: 'GDP release', date: '', citation: '', note: '', stance: 'refutes' }],
  }),
  claim('c4', 50, 60, 'unverified'),
];

describe('claims panel logic', () => {
  it('orders claims by position, outer before inner at the same start', () => {
    expect(inDocumentOrder(claims).map((c) => c.id)).toEqual(['c2', 'c3', 'c1', 'c4']);
  });

  it('counts claims per status with every status present', () => {
    expect(countByStatus(claims)).toEqual({ unverified: 1, 'in-review': 0, verified: 1, disputed: 0, false: 2, misleading: 0 });
  });

  it('passes everything through without a filter', () => {
    expect(isFiltering(NO_FILTER)).toBe(false);
    expect(filterClaims(claims, NO_FILTER)).toBe(claims);
  });

  it('filters by any of several statuses', () => {
    expect(filterClaims(claims, { ...NO_FILTER, statuses: ['verified', 'unverified'] }).map((c) => c.id)).toEqual(['c2', 'c4']);
  });

  it('filters by claimant', () => {
    expect(filterClaims(claims, { ...NO_FILTER, claimant: 'The minister' }).map((c) => c.id)).toEqual(['c1', 'c3']);
  });

  it('filters by free text across quote, claimant, note and evidence, ignoring case and word order', () => {
    expect(filterClaims(claims, { ...NO_FILTER, text: 'statistics office' }).map((c) => c.id)).toEqual(['c2']);
    expect(filterClaims(claims, { ...NO_FILTER, text: 'release GDP' }).map((c) => c.id)).toEqual(['c3']);
    expect(filterClaims(claims, { ...NO_FILTER, text: 'QUOTE OF C4' }).map((c) => c.id)).toEqual(['c4']);
    expect(filterClaims(claims, { ...NO_FILTER, text: 'nowhere to be found' })).toEqual([]);
  });

  it('combines filters', () => {
    expect(filterClaims(claims, { statuses: ['false'], claimant: 'The minister', text: 'gdp' }).map((c) => c.id)).toEqual(['c3']);
  });

  it('suggests claimants most used first, without blanks', () => {
    expect(claimantsOf(claims)).toEqual(['The minister', 'Critics']);
  });

  it('merges suggestion lists without case-insensitive duplicates', () => {
    expect(mergeSuggestions(['The minister'], ['the minister', 'Reuters'])).toEqual(['The minister', 'Reuters']);
  });

  it('steps to neighbours and stays put at the ends', () => {
    const ids = ['a', 'b', 'c'];
    expect(neighbourId(ids, null, 1)).toBe('a');
    expect(neighbourId(ids, null, -1)).toBe('c');
    expect(neighbourId(ids, 'a', 1)).toBe('b');
    expect(neighbourId(ids, 'c', 1)).toBe('c');
    expect(neighbourId(ids, 'a', -1)).toBe('a');
    expect(neighbourId(ids, 'gone', 1)).toBe('a');
    expect(neighbourId([], 'a', 1)).toBeNull();
  });

  it('selects the next claim after a deletion, else the previous', () => {
    expect(afterDeletion(['a', 'b', 'c'], 'b')).toBe('c');
    expect(afterDeletion(['a', 'b', 'c'], 'c')).toBe('b');
    expect(afterDeletion(['a'], 'a')).toBeNull();
  });

  it('shortens long quotes on a word boundary', () => {
    expect(snippet('short  and\nspread')).toBe('short and spread');
    const long = 'word '.repeat(50);
    const cut = snippet(long, 22);
    expect(cut).toBe('word word word word…');
    expect(cut.length).toBeLessThanOrEqual(23);
  });

  it('labels evidence counts', () => {
    expect([0, 1, 3].map(evidenceLabel)).toEqual(['No evidence', '1 evidence item', '3 evidence items']);
  });
});

describe('claims fetched after opening', () => {
  it('adds only claims neither opened with nor shown: a first claim deleted meanwhile stays deleted, one created meanwhile is not doubled', () => {
    const [a, b, c, d] = [claim('a', 0, 5, 'false'), claim('b', 10, 15, 'false'), claim('c', 20, 25, 'false'), claim('d', 30, 35, 'false')];
    const initial = [a, b];
    const shown = [b, d]; // a deleted, d created since opening
    // The claim after which the rest were asked for was gone, so the host sent them all.
    expect(unseenClaims([a, b, c, d], initial, shown)).toEqual([c]);
    expect(unseenClaims([c], initial, shown)).toEqual([c]);
    expect(unseenClaims([], initial, shown)).toEqual([]);
  });
});

describe('quoted', () => {
  it('puts a quote in quotation marks once, never doubling marks the quote has of its own', () => {
    expect(quoted('no progress has been made')).toBe('“no progress has been made”');
    expect(quoted('“We have made no progress”')).toBe('“We have made no progress”');
    expect(quoted('“We have made no progress,” he said')).toBe('“We have made no progress,” he said');
    expect(quoted('he called it “information terrorism”')).toBe('he called it “information terrorism”');
    expect(quoted('„Wir haben keine Fortschritte gemacht“')).toBe('„Wir haben keine Fortschritte gemacht“');
    expect(quoted(`“${'word '.repeat(60)}”`, 40)).toMatch(/^“word.*…$/);
    expect(quoted('a\n  b')).toBe('“a b”');
  });
});
