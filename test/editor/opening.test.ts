/** The claims a long article draws in its first paint. */
import { describe, expect, it } from 'vitest';
import { describeRange } from '../../src-shared/anchoring/describe';
import { articleSchema } from '../../src-shared/schema';
import { projectText } from '../../src-shared/text';
import { openingClaims } from '../../src-renderer/editor/opening';
import { makeClaim } from '../support/claims';

const doc = articleSchema.node(
  'doc',
  null,
  Array.from({ length: 5 }, (_, i) => articleSchema.node('paragraph', null, [articleSchema.text(`Paragraph ${i} says something.`)])),
);
const projection = projectText(doc);
const claimIn = (block: number) => {
  const start = projection.blocks[block].offset;
  return makeClaim({ id: `c${block}`, target: describeRange(projection.text, start, start + 9) });
};

describe('opening claims', () => {
  it('keeps the claims that start in the opening blocks', () => {
    const claims = [claimIn(0), claimIn(1), claimIn(3), claimIn(4)];
    expect(openingClaims(claims, projection, 2).map((c) => c.id)).toEqual(['c0', 'c1']);
  });

  it('returns the same array when the article is short or every claim is near the top', () => {
    const claims = [claimIn(0), claimIn(4)];
    expect(openingClaims(claims, projection, 10)).toBe(claims);
    const top = [claimIn(0), claimIn(1)];
    expect(openingClaims(top, projection, 3)).toBe(top);
  });
});
