/** Describing ranges as W3C selectors and anchoring them again after the text changes. */
import { describe, expect, it } from 'vitest';
import { anchorTarget } from '../../../src-shared/anchoring/anchor';
import { CONTEXT_LENGTH, describeRange } from '../../../src-shared/anchoring/describe';

const text = 'The minister said the talks failed. Later, the minister said the talks failed again.';

describe('anchoring', () => {
  it('describes a range with its exact text and up to 32 characters of context', () => {
    const start = text.indexOf('the talks');
    const target = describeRange(text, start, start + 9);
    expect(target.quote.exact).toBe('the talks');
    expect(target.quote.prefix).toBe(text.slice(Math.max(0, start - CONTEXT_LENGTH), start));
    expect(target.quote.suffix).toBe(text.slice(start + 9, start + 9 + CONTEXT_LENGTH));
    expect(target.position).toEqual({ start, end: start + 9 });
  });

  it('uses the position when the text there still matches', () => {
    const start = text.lastIndexOf('the talks');
    expect(anchorTarget(text, describeRange(text, start, start + 9))).toEqual({ start, end: start + 9, method: 'position' });
  });

  it('finds the right occurrence by context after text is inserted before it', () => {
    const start = text.lastIndexOf('the talks failed');
    const target = describeRange(text, start, start + 16);
    const edited = `BREAKING: ${text}`;
    const found = anchorTarget(edited, target)!;
    expect(found.method).toBe('quote');
    expect(found.start).toBe(edited.lastIndexOf('the talks failed'));
  });

  it('falls back to a fuzzy match when the quote itself changed slightly', () => {
    const original = 'In March the budget deficit rose sharply, the ministry said.';
    const start = original.indexOf('budget deficit rose sharply');
    const target = describeRange(original, start, start + 'budget deficit rose sharply'.length);
    const edited = original.replace('deficit rose', 'deficit rise');
    const found = anchorTarget(edited, target)!;
    expect(found.method).toBe('fuzzy');
    expect(edited.slice(found.start, found.end)).toBe('budget deficit rise sharply');
  });

  it('returns null (an orphan) when the text is gone', () => {
    const start = text.indexOf('minister said');
    const target = describeRange(text, start, start + 13);
    expect(anchorTarget('Completely different words here, nothing alike at all.', target)).toBeNull();
  });

  it('refuses a range outside the text', () => {
    expect(() => describeRange(text, 10, text.length + 1)).toThrow(RangeError);
  });
});
