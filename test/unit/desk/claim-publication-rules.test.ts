/** The publication fields in the shared claim rules: defaults of a new claim, what a patch moves, and what undo puts back. */
import { describe, expect, it } from 'vitest';
import { applyPatch, fieldsBefore, newClaim } from '../../../src-shared/claims';
import { guessClaimantKind } from '../../../src-shared/claim-publication';
import { normaliseWebUrl } from '../../../src-shared/model';

const target = { quote: { exact: 'Crime  fell\nby half', prefix: '', suffix: '' }, position: { start: 0, end: 18 } };
const stamp = (at: string) => ({ at, reviewer: 'Ana' });

describe('publication fields in the claim rules', () => {
  it('a new claim starts with the quote as checked, a guessed kind, and a verdict date only for a verdict', () => {
    const unrated = newClaim({ id: 'c', articleId: 'a', target, stamp: stamp('2026-03-01T10:00:00.000Z'), claimant: 'Home Office' });
    expect(unrated).toMatchObject({ claimAsChecked: 'Crime fell by half', explanation: '', claimantKind: 'organisation', verdictDate: '' });
    const rated = newClaim({ id: 'c', articleId: 'a', target, stamp: stamp('2026-03-01T10:00:00.000Z'), status: 'false', claimantKind: 'person', explanation: 'No.' });
    expect(rated).toMatchObject({ verdictDate: '2026-03-01', claimantKind: 'person', explanation: 'No.' });
  });

  it('a status change dates the verdict, and undoing it puts the old date back', () => {
    const claim = newClaim({ id: 'c', articleId: 'a', target, stamp: stamp('2026-03-01T10:00:00.000Z'), status: 'false' });
    const patch = { status: 'verified' as const };
    const before = fieldsBefore(claim, patch);
    expect(before).toEqual({ status: 'false', verdictDate: '2026-03-01' });
    const changed = applyPatch(claim, patch, stamp('2026-03-05T09:00:00.000Z'));
    expect(changed.verdictDate).toBe('2026-03-05');
    expect(applyPatch(changed, before, stamp('2026-03-05T09:01:00.000Z'))).toMatchObject({ status: 'false', verdictDate: '2026-03-01' });
    expect(applyPatch(changed, { status: 'in-review' }, stamp('2026-03-06T09:00:00.000Z')).verdictDate).toBe('');
  });

  it('a new claimant re-guesses the kind unless the patch sets it', () => {
    const claim = newClaim({ id: 'c', articleId: 'a', target, stamp: stamp('2026-03-01T10:00:00.000Z'), claimant: 'Jane Doe' });
    expect(applyPatch(claim, { claimant: 'City Council' }, stamp('2026-03-02T00:00:00.000Z')).claimantKind).toBe('organisation');
    expect(applyPatch(claim, { claimant: 'City Council', claimantKind: 'person' }, stamp('2026-03-02T00:00:00.000Z')).claimantKind).toBe('person');
    expect(guessClaimantKind('WHO')).toBe('organisation');
    expect(guessClaimantKind('who knows')).toBe('person');
  });

  it('reads a bare domain as https and leaves anything else to the URL check', () => {
    expect(normaliseWebUrl('www.ons.gov.uk/crime')).toBe('https://www.ons.gov.uk/crime');
    expect(normaliseWebUrl(' ons.gov.uk ')).toBe('https://ons.gov.uk');
    expect(normaliseWebUrl('http://x.example/a')).toBe('http://x.example/a');
    expect(normaliseWebUrl('javascript:alert(1)')).toBe('javascript:alert(1)');
    expect(normaliseWebUrl('not a url')).toBe('not a url');
    expect(normaliseWebUrl('')).toBe('');
  });
});
